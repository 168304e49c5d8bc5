import { ConfigError } from '../config';
import { DataFolderLockedError } from '../store/dataLock';
import { CprRejectedError } from '../domain/cpr';
import { buildContext, CliContext, CliIO, UsageError } from './context';
import { COMMANDS } from './commands';
import type { Command } from './command';
import { forwardToServer } from './forward';
import type { Store } from '../store/store';

const HELP = `samspil — Teams bot for municipal child and family services

Usage: samspil <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`)
  .join('\n')}

Configuration is read from the environment (DATABASE_URL, SAMSPIL_DATA_DIR, PORT, MicrosoftAppId, ...);
see README.md. \`samspil COMMAND --help\` explains one command.`;

/** `samspil COMMAND --help`: what it does, how to call it and, where it has them, its choices. */
function commandHelp(c: Command): string {
  return [`samspil ${c.usage}`, '', c.summary, ...(c.details ? ['', c.details] : [])].join('\n');
}

/** Runs one command and returns its exit code; never calls process.exit, so tests run it in-process. */
export async function run(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CliIO,
  sharedStore?: Store,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command));
    return 0;
  }
  let ctx: CliContext;
  try {
    if (!sharedStore) {
      const forwarded = await forwardToServer(argv, env, io);
      if (forwarded !== null) return forwarded;
    }
    ctx = buildContext(env, io, sharedStore);
    return await command.run(rest, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\nUsage: samspil ${command.usage}`);
      return 2;
    }
    if (
      err instanceof ConfigError ||
      err instanceof DataFolderLockedError ||
      err instanceof CprRejectedError
    ) {
      io.err(err.message);
      return 1;
    }
    io.err(`samspil ${name} failed: ${(err as Error).stack ?? String(err)}`);
    return 1;
  }
}
