import { Writable } from 'node:stream';
import { createLogger } from '../../src/log';

/** Samspil's real logger (redaction and all) writing into memory: the lines as written. */
export function capturedLog(level = 'info') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger(level, sink), lines };
}
