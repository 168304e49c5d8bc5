import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links that open a participant's current .ics of a meeting in Outlook. Teams does not show a bot's
 * inline file attachment outside the file-consent flow, so the invitation card carries a link to the
 * bot's own /calendar endpoint. The link is signed (HMAC-SHA256 with the deployment's secret), so
 * nobody can fetch another meeting's calendar by guessing ids; it always serves the meeting's
 * current version (or its cancellation).
 */
export class CalendarLinks {
  private readonly base: string;

  constructor(
    publicUrl: string,
    private readonly secret: string,
  ) {
    if (secret.length < 32) throw new Error('The calendar link secret must be at least 32 characters');
    this.base = publicUrl.replace(/\/+$/, '');
  }

  url(municipalityId: string, meetingId: string, staffId: string): string {
    const path = [municipalityId, meetingId, staffId].map(encodeURIComponent).join('/');
    return `${this.base}/calendar/${path}.ics?sig=${this.sign(municipalityId, meetingId, staffId)}`;
  }

  verify(municipalityId: string, meetingId: string, staffId: string, sig: string): boolean {
    const expected = Buffer.from(this.sign(municipalityId, meetingId, staffId));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(municipalityId: string, meetingId: string, staffId: string): string {
    return createHmac('sha256', this.secret)
      .update(`calendar:${municipalityId}:${meetingId}:${staffId}`)
      .digest('base64url');
  }
}
