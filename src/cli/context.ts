import { Clock, offsetClock, systemClock } from '../domain/clock';
import { Config, loadConfig } from '../config';
import type { Store } from '../store/store';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export interface CliContext extends CliIO {
  config: Config;
  clock: Clock;
  /** Set when a running server executes the command for an admin: its open store is used. */
  sharedStore?: Store;
}

export class UsageError extends Error {}

export function buildContext(env: NodeJS.ProcessEnv, io: CliIO, sharedStore?: Store): CliContext {
  const config = loadConfig(env);
  const clock = config.SAMSPIL_NOW ? offsetClock(new Date(config.SAMSPIL_NOW)) : systemClock;
  return { ...io, config, clock, sharedStore };
}
