import { LinkSigner } from './signedLinks';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^([A-Za-z0-9_-]{22})\.([0-9a-z]{1,8})\.([A-Za-z0-9_-]{22})$/;
const MUNICIPALITY = /^[a-z0-9][a-z0-9_-]{0,39}$/i;

/** What a valid parents' link says: which meeting, and until when it takes answers. */
export interface ParentLink {
  municipalityId: string;
  meetingId: string;
  expiresAt: Date;
}

/**
 * The link a parent opens on their own phone to answer about a meeting about their child: short
 * enough to type from the coordinator's screen and to fit a small QR code. It names the meeting (its
 * id in 22 characters) and its expiry, and is signed with the deployment's link secret (the same
 * signer as the calendar links); changing any character makes it invalid. It says nothing about the
 * parent: every parent at the meeting gets the same link.
 */
export class ParentLinks {
  private readonly base: string;
  private readonly signer: LinkSigner;

  constructor(publicUrl: string, secret: string) {
    this.signer = new LinkSigner(secret);
    this.base = publicUrl.replace(/\/+$/, '');
  }

  /** The path of the page, `/p/<municipality>/<token>`, mounted by src/server/parentRoute.ts. */
  path(municipalityId: string, meetingId: string, expiresAt: Date): string {
    const id = Buffer.from(meetingId.replace(/-/g, ''), 'hex').toString('base64url');
    const expiry = Math.floor(expiresAt.getTime() / 1000).toString(36);
    const sig = this.sign(municipalityId, id, expiry);
    return `/p/${encodeURIComponent(municipalityId)}/${id}.${expiry}.${sig}`;
  }

  url(municipalityId: string, meetingId: string, expiresAt: Date): string {
    return this.base + this.path(municipalityId, meetingId, expiresAt);
  }

  /** The link's meeting and expiry; null for anything not signed by this deployment. */
  read(municipalityId: string, token: string): ParentLink | null {
    const m = TOKEN.exec(token);
    if (!m || !MUNICIPALITY.test(municipalityId)) return null;
    const [, id, expiry, sig] = m as unknown as [string, string, string, string];
    if (!this.signer.verify('parents', [municipalityId, id, expiry], sig, 16)) return null;
    const hex = Buffer.from(id, 'base64url').toString('hex');
    const meetingId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    if (!UUID.test(meetingId)) return null;
    return { municipalityId, meetingId, expiresAt: new Date(parseInt(expiry, 36) * 1000) };
  }

  private sign(municipalityId: string, id: string, expiry: string): string {
    return this.signer.sign('parents', [municipalityId, id, expiry], 16);
  }
}
