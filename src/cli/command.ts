import { CliContext } from './context';

export interface Command {
  usage: string;
  summary: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}
