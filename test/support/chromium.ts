import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, which `bash .ci/run` installs; CHROMIUM_PATH points elsewhere when needed. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, and without the background traffic this machine's closed network refuses (updates,
 * sync, QUIC): otherwise every start waits on failing lookups.
 */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails with how to get Chromium, instead of a launch error deep in playwright. */
function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `Chromium is required for this test and was not found at ${CHROMIUM}. Install it with ` +
        '"apt-get update && apt-get install -y --no-install-recommends chromium" (bash .ci/run does), or set CHROMIUM_PATH.',
    );
}

export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** A browser with its own profile folder (downloads, storage) for one suite. */
export async function launchChromiumContext(
  profile: string,
  o: Parameters<typeof chromium.launchPersistentContext>[1] = {},
): Promise<BrowserContext> {
  requireChromium();
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    ...o,
  });
}
