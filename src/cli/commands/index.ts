import { Command } from '../command';
import { demo } from './demo';
import { importFile } from './importFile';
import { migrate } from './migrate';
import { municipality } from './municipality';
import { report } from './report';
import { start } from './start';
import { tick } from './tick';
import { questionnaire } from './questionnaire';
import { apiToken } from './apiToken';
import { retention } from './retention';
import { exportCase } from './exportCase';
import { graph } from './graph';

export const COMMANDS: Record<string, Command> = {
  migrate,
  municipality,
  demo,
  import: importFile,
  report,
  start,
  tick,
  questionnaire,
  'api-token': apiToken,
  retention,
  export: exportCase,
  graph,
};
