import type { RequestHandler } from 'express';

/**
 * Headers on every answer (OWASP Secure Headers). Nothing Samspil serves is to be framed, sniffed
 * into another type or given a referrer, and browsers that once reached it over HTTPS keep to it.
 * The Overblik tab, which Teams shows in an iframe, replaces the frame rules with its own
 * `frame-ancestors` list (src/tab/routes.ts); X-Frame-Options cannot name several hosts, so the tab
 * drops it.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set(SECURITY_HEADERS);
  next();
};
