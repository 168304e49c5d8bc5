import net from 'node:net';
import type { Config } from '../config';

/**
 * Who can reach the server and whether it checks who they are. Without an app id botbuilder checks
 * no token: identity is whatever the body says and replies go to whatever `serviceUrl` it names. That
 * is the Agents Playground and the demo on one machine, and nothing more: such a server listens on
 * loopback only, whatever NODE_ENV says. Listening beyond loopback takes an app id and a way to
 * prove it (a password, a certificate, or a managed identity).
 */
export interface Exposure {
  /** The address the HTTP server binds to. */
  host: string;
  /** Inbound activities carry a Bot Framework token that botbuilder verifies. */
  authenticated: boolean;
}

export class ExposureRefused extends Error {}

/** The bot can prove to the Bot Framework who it is, so Teams can reach it and it can answer. */
export function hasCredentials(config: Config): boolean {
  return Boolean(
    config.MicrosoftAppId &&
    (config.MicrosoftAppPassword ||
      (config.CertificateThumbprint && config.CertificatePrivateKey) ||
      config.MicrosoftAppType === 'UserAssignedMSI'),
  );
}

const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** 127.0.0.0/8, ::1 (in any spelling, IPv4-mapped too) or the name localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  const family = net.isIP(h);
  return family !== 0 && LOOPBACK.check(h, family === 4 ? 'ipv4' : 'ipv6');
}

/** An http(s) URL whose host is loopback; anything unparsable is not. */
export function isLoopbackUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && isLoopbackHost(u.hostname);
  } catch {
    return false;
  }
}

/**
 * The address to bind and whether requests are authenticated, or why the start is refused.
 * `bind` is the --bind flag, which wins over SAMSPIL_BIND.
 */
export function exposureOf(config: Config, bind?: string): Exposure {
  const credentials = hasCredentials(config);
  if (config.NODE_ENV === 'production' && !credentials)
    throw new ExposureRefused(
      'Refusing to start in production without MicrosoftAppId and MicrosoftAppPassword (or CertificateThumbprint and ' +
        'CertificatePrivateKey, or MicrosoftAppType=UserAssignedMSI): incoming requests could not be authenticated.',
    );
  const host = bind ?? config.SAMSPIL_BIND ?? (credentials ? '0.0.0.0' : '127.0.0.1');
  if (!isLoopbackHost(host) && !credentials)
    throw new ExposureRefused(
      `Refusing to listen on ${host}: without MicrosoftAppId and MicrosoftAppPassword (or a certificate) nothing ` +
        'checks who sends a request, so anyone who reaches the port could act as any member of staff. ' +
        'Set them, or listen on 127.0.0.1.',
    );
  return { host, authenticated: Boolean(config.MicrosoftAppId) };
}
