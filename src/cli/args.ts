import { parseArgs, ParseArgsConfig } from 'node:util';
import { UsageError } from './context';

/** node:util parseArgs, with its errors turned into usage errors the user can act on. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
