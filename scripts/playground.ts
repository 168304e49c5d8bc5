/**
 * `npm run playground -- --as coordinator`: starts the Microsoft 365 Agents Playground as one of the
 * demo's fictional people (adviser, coordinator, leader, participant) against a running Samspil.
 * Options: --as ROLE (default adviser), --endpoint URL (default http://127.0.0.1:$PORT/api/messages,
 * PORT defaulting to 3978), --port N (the Playground's own port, default 56150).
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  PLAYGROUND_PEOPLE,
  PLAYGROUND_ROLES,
  type PlaygroundRole,
  writePlaygroundConfig,
} from './playgroundConfig';

const ROOT = resolve(__dirname, '..');

export interface PlaygroundLaunch {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** The command that starts the Playground for `role`; its config and log go under `dir`. */
export function playgroundLaunch(
  role: PlaygroundRole,
  o: { endpoint: string; port: number; dir: string },
): PlaygroundLaunch {
  const config = writePlaygroundConfig(role, o.dir);
  return {
    command: join(ROOT, 'node_modules', '.bin', 'agentsplayground'),
    args: ['-e', o.endpoint, '-c', 'msteams', '--disable-telemetry'],
    env: {
      ...process.env,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: config,
      M365_AGENTS_PLAYGROUND_LOGFILE: join(o.dir, `${role}.log`),
      TEAMSAPPTESTER_PORT: String(o.port),
      TEAMSAPPTESTER_BROWSER: 'none',
      SEND_INSTALLATION_ACTIVITY: 'true',
    },
  };
}

function isRole(s: string): s is PlaygroundRole {
  return (PLAYGROUND_ROLES as readonly string[]).includes(s);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      as: { type: 'string', default: 'adviser' },
      endpoint: { type: 'string' },
      port: { type: 'string' },
    },
  });
  const role = values.as!;
  if (!isRole(role)) {
    console.error(`--as must be one of ${PLAYGROUND_ROLES.join(', ')} (got "${role}")`);
    process.exit(2);
  }
  const port = Number(values.port ?? process.env.TEAMSAPPTESTER_PORT ?? 56150);
  const endpoint = values.endpoint ?? `http://127.0.0.1:${process.env.PORT ?? 3978}/api/messages`;
  const launch = playgroundLaunch(role, { endpoint, port, dir: join(ROOT, 'build', 'playground') });
  const me = PLAYGROUND_PEOPLE[role];
  console.log(`Agents Playground as ${me.name} (${me.what}): http://localhost:${port} → ${endpoint}`);
  const child = spawn(launch.command, launch.args, { env: launch.env, stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (require.main === module) main();
