import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSamspil } from '../../support/processes';

/**
 * The demo is loaded once per run, as of Tuesday 10 November 2026, 10:00 in Copenhagen (a working
 * day inside working hours, so reminders are due and sendable); each role's journey starts from a
 * copy of that data folder, so roles never see each other's changes.
 */
export const DEMO_NOW = '2026-11-10T09:00:00Z';

const TEMPLATE_ENV = 'SAMSPIL_CLIENT_DEMO_DIR';

export async function loadDemoTemplate(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-client-demo-'));
  const r = await runSamspil(['demo'], { SAMSPIL_DATA_DIR: path.join(dir, 'data'), SAMSPIL_NOW: DEMO_NOW });
  if (r.code !== 0) throw new Error(`samspil demo failed:\n${r.out}\n${r.err}`);
  process.env[TEMPLATE_ENV] = dir;
}

export function removeDemoTemplate(): void {
  const dir = process.env[TEMPLATE_ENV];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

/** A fresh copy of the loaded demo's data folder under `into`. */
export function copyDemo(into: string): string {
  const dir = process.env[TEMPLATE_ENV];
  if (!dir) throw new Error('the demo template is missing: run through jest.client.config.js');
  const data = path.join(into, 'data');
  fs.cpSync(path.join(dir, 'data'), data, { recursive: true });
  return data;
}
