import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CalendarLinks } from './app/meetings/calendarLinks';
import { ParentLinks } from './app/parentLinks';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: 'must be a postgres:// or postgresql:// URL',
    }),
    SAMSPIL_DATA_DIR: z.string().default('./data'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppTenantId: optionalText,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    /** A certificate instead of MicrosoftAppPassword, in botbuilder's own names: the thumbprint and the PEM key. */
    CertificateThumbprint: optionalText,
    CertificatePrivateKey: optionalText,
    /**
     * The address `samspil start` listens on (`--bind` wins). Default: 0.0.0.0 with an app id and its
     * credentials, else 127.0.0.1; beyond loopback only with them (src/server/exposure.ts).
     */
    SAMSPIL_BIND: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9.:\-[\]]+$/.test(v), {
      message: 'must be an IP address or a host name, e.g. 127.0.0.1 or 0.0.0.0',
    }),
    /** The bearer token for /healthz details and the admin endpoint; generated per start when unset. */
    SAMSPIL_ADMIN_TOKEN: optionalText.refine((v) => v === undefined || v.length >= 32, {
      message: 'must be at least 32 characters',
    }),
    SAMSPIL_NOW: optionalText.refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), {
      message: 'must be an ISO date-time, e.g. 2026-11-23T08:30:00+01:00',
    }),
    SAMSPIL_MUNICIPALITY: optionalText,
    /** 'off' runs `samspil start` without its scheduler: web-only instances, or a separate `samspil tick`. */
    SAMSPIL_SCHEDULER: z.enum(['on', 'off']).default('on'),
    /**
     * How long a claimed outbox row stays with its sender without a renewal (docs/outbox.md
     * "Leases"): a crashed instance's rows are sent by another after this long.
     */
    SAMSPIL_OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
    /** Where Teams users reach this deployment (the calendar links on invitation cards), e.g. https://samspil.kommune.dk */
    SAMSPIL_PUBLIC_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), {
      message: 'must be an http(s) URL',
    }),
    /** The key calendar and parents' links are signed with; the same on every instance. */
    SAMSPIL_LINK_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
      message: 'must be at least 32 characters',
    }),
    /** Where the Overblik tab fetches Entra ID's signing keys (tests point it at a loopback key set). */
    SAMSPIL_ENTRA_JWKS_URL: z
      .string()
      .url()
      .default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
    /** The issuer of a tab token is `<authority>/<tenant id>/v2.0`. */
    SAMSPIL_ENTRA_AUTHORITY: z
      .string()
      .url()
      .default('https://login.microsoftonline.com')
      .transform((v) => v.replace(/\/+$/, '')),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Microsoft Graph's base URL (docs/graph.md); Graph is used only for municipalities that turn it on. */
    SAMSPIL_GRAPH_URL: z
      .string()
      .url()
      .default('https://graph.microsoft.com/v1.0')
      .transform((v) => v.replace(/\/+$/, '')),
    /** The Entra ID app registration Samspil calls Graph as (@azure/identity's standard variables). */
    AZURE_CLIENT_ID: optionalText,
    AZURE_CLIENT_SECRET: optionalText,
    AZURE_CLIENT_CERTIFICATE_PATH: optionalText,
    /** Read by @azure/identity itself; named here so a bad value stops the start. */
    AZURE_AUTHORITY_HOST: optionalText.refine((v) => v === undefined || /^https:\/\/[^\s/]+/.test(v), {
      message: 'must be an https URL (MSAL refuses any other authority)',
    }),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.SAMSPIL_NOW) {
      ctx.addIssue({ code: 'custom', path: ['SAMSPIL_NOW'], message: 'is refused when NODE_ENV=production' });
    }
    if (Boolean(env.CertificateThumbprint) !== Boolean(env.CertificatePrivateKey)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.CertificateThumbprint ? 'CertificatePrivateKey' : 'CertificateThumbprint'],
        message: 'is required with the other half of the certificate',
      });
    }
    if (env.SAMSPIL_PUBLIC_URL && !env.SAMSPIL_LINK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SAMSPIL_LINK_SECRET'],
        message: "is required with SAMSPIL_PUBLIC_URL (it signs the calendar and parents' links)",
      });
    }
    if (env.NODE_ENV === 'production' && env.SAMSPIL_PUBLIC_URL?.startsWith('http://')) {
      ctx.addIssue({
        code: 'custom',
        path: ['SAMSPIL_PUBLIC_URL'],
        message: 'must be https:// in production',
      });
    }
  });

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Validates the environment; a bad value stops the start with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/**
 * Where this deployment's signed links point and the secret they are signed with. In production
 * only with SAMSPIL_PUBLIC_URL and SAMSPIL_LINK_SECRET set; elsewhere (the demo, the Agents
 * Playground) they default to http://localhost:PORT and a secret generated once into the data
 * folder (`link-secret`, mode 0600), so every command on that folder signs alike and a link works at once.
 */
function linkBaseOf(config: Config): { url: string; secret: string } | undefined {
  if (config.NODE_ENV === 'production') {
    return config.SAMSPIL_PUBLIC_URL && config.SAMSPIL_LINK_SECRET
      ? { url: config.SAMSPIL_PUBLIC_URL, secret: config.SAMSPIL_LINK_SECRET }
      : undefined;
  }
  return {
    url: config.SAMSPIL_PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    secret: config.SAMSPIL_LINK_SECRET ?? devLinkSecret(config.SAMSPIL_DATA_DIR),
  };
}

/** The signed calendar links on invitation cards. */
export function calendarLinksOf(config: Config): CalendarLinks | undefined {
  const base = linkBaseOf(config);
  return base && new CalendarLinks(base.url, base.secret);
}

/** The signed links of the parents' answer page, shown to the coordinator when a child meeting ends. */
export function parentLinksOf(config: Config): ParentLinks | undefined {
  const base = linkBaseOf(config);
  return base && new ParentLinks(base.url, base.secret);
}

function devLinkSecret(dataDir: string): string {
  const file = path.join(dataDir, 'link-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      // Another command on the same folder wrote it first: use theirs.
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}
