/**
 * Debian's Chromium for the browser tests, driven by playwright-core: launched once per test
 * file. `.ci/run` installs it, so CI always runs these; elsewhere set CHROMIUM_PATH or install
 * the `chromium` package, and the tests are skipped without it.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser tests run here: with a Chromium, and always in CI (where a missing one fails). */
export const browserTestsRun = existsSync(executablePath) || Boolean(process.env.CI);

/** The file's browser, launched before its tests and closed after them. */
export function chromiumForThisFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (existsSync(executablePath)) browser = await chromium.launch({ executablePath });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error(`no Chromium at ${executablePath}: apt-get install chromium`);
    return browser;
  };
}
