import { CliContext } from './context';

export interface Command {
  usage: string;
  summary: string;
  /** More than the usage line: the choices and options `samspil COMMAND --help` explains. */
  details?: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}
