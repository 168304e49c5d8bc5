import fs from 'node:fs';
import { loadDemoTemplate } from './demo';
import { SHOTS } from './playgroundClient';

/** One demo for the whole run, and no screenshots left from an earlier run. */
export default async function globalSetup(): Promise<void> {
  fs.rmSync(SHOTS, { recursive: true, force: true });
  await loadDemoTemplate();
}
