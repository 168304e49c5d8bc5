import pino from 'pino';
import { redactCpr } from './domain/cpr';

export type Logger = pino.Logger;

/*
 * docs/operations.md: no log line holds a CPR number or what a person typed. Log calls pass ids
 * Samspil issued and codes; these are the belts and braces for what slips through:
 * - fields that carry people's text (an activity's text or card values, a request body, a reason)
 *   are censored by path, whatever their content;
 * - an error is logged as its type, code and message with every quoted value blanked (PostgreSQL's
 *   "invalid input syntax for type uuid" quotes the value it refused) and its stack frames;
 * - every remaining string, and the message itself, has any CPR spelling replaced by [CPR].
 */
const CENSORED_PATHS = [
  'text',
  'value',
  'body',
  'reason',
  'values',
  '*.text',
  '*.value',
  '*.body',
  '*.reason',
  '*.values',
  'req.headers.authorization',
];

const QUOTED = /"[^"\n]*"|'[^'\n]*'/g;

function scrubMessage(message: string): string {
  return redactCpr(message.replace(QUOTED, '"[value]"'));
}

/** An error as a log field: what kind, where, and the message without the values it quotes. */
export function loggableError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err, message: scrubMessage(String(err)) };
  const code = (err as { code?: unknown }).code;
  const stack = (err.stack ?? '').split('\n').slice(1).join('\n');
  return {
    type: err.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    message: scrubMessage(err.message),
    ...(stack ? { stack: scrubMessage(stack) } : {}),
    ...(err.cause !== undefined ? { cause: loggableError(err.cause) } : {}),
  };
}

/** Every string in a log record with CPR spellings replaced; errors through loggableError. */
function scrubbed(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactCpr(value);
  if (value instanceof Error) return loggableError(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => scrubbed(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[redactCpr(k)] = scrubbed(v, depth + 1);
  return out;
}

/** JSON logs to stderr (or `destination`, for tests) so command output on stdout stays clean. */
export function createLogger(
  level: string = process.env.LOG_LEVEL ?? 'info',
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level,
      base: { app: 'samspil' },
      redact: { paths: CENSORED_PATHS, censor: '[redacted]' },
      serializers: { err: (e: unknown) => (e instanceof Error ? loggableError(e) : e) },
      formatters: { log: (record) => scrubbed(record) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? redactCpr(a) : a)) as Parameters<typeof method>,
          );
        },
      },
    },
    destination,
  );
}
