import { LinkSigner } from '../signedLinks';

/**
 * Links that open a participant's current .ics of a meeting in Outlook. Teams does not show a bot's
 * inline file attachment outside the file-consent flow, so the invitation card carries a link to the
 * bot's own /calendar endpoint. The link is signed (src/app/signedLinks.ts), so
 * nobody can fetch another meeting's calendar by guessing ids; it always serves the meeting's
 * current version (or its cancellation).
 */
export class CalendarLinks {
  private readonly base: string;
  private readonly signer: LinkSigner;

  constructor(publicUrl: string, secret: string) {
    this.signer = new LinkSigner(secret);
    this.base = publicUrl.replace(/\/+$/, '');
  }

  url(municipalityId: string, meetingId: string, staffId: string): string {
    const path = [municipalityId, meetingId, staffId].map(encodeURIComponent).join('/');
    return `${this.base}/calendar/${path}.ics?sig=${this.sign(municipalityId, meetingId, staffId)}`;
  }

  verify(municipalityId: string, meetingId: string, staffId: string, sig: string): boolean {
    return this.signer.verify('calendar', [municipalityId, meetingId, staffId], sig);
  }

  private sign(municipalityId: string, meetingId: string, staffId: string): string {
    return this.signer.sign('calendar', [municipalityId, meetingId, staffId]);
  }
}
