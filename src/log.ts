import pino from 'pino';

export type Logger = pino.Logger;

/** JSON logs to stderr so command output on stdout (reports, CSV) stays clean. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'samspil' } }, pino.destination(2));
}
