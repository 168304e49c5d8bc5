import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The one way Samspil signs a link it hands out (the participant's calendar link, the parents'
 * answer link): HMAC-SHA256 with the deployment's link secret (SAMSPIL_LINK_SECRET) over a purpose
 * and the link's parts, so a signature for one kind of link never opens another and nobody can make
 * a valid link by guessing or changing ids.
 */
export class LinkSigner {
  constructor(private readonly secret: string) {
    if (secret.length < 32) throw new Error('The link secret must be at least 32 characters');
  }

  /** base64url of the MAC; `bytes` shortens it where the link must be short (16 bytes = 128 bits). */
  sign(purpose: string, parts: readonly string[], bytes = 32): string {
    return createHmac('sha256', this.secret)
      .update([purpose, ...parts].join(':'))
      .digest()
      .subarray(0, bytes)
      .toString('base64url');
  }

  verify(purpose: string, parts: readonly string[], sig: string, bytes = 32): boolean {
    const expected = Buffer.from(this.sign(purpose, parts, bytes));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
