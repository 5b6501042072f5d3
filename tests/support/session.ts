import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startCompiledServer } from './process.js';

export interface BrowserSession {
  server: Awaited<ReturnType<typeof startCompiledServer>>;
  browser: Browser;
}

/** A light CAPTCHA: the browser tests solve many, and the real cost is measured elsewhere. */
export const QUICK_CAPTCHA = { CAPTCHA_COST: '200', CAPTCHA_MAX_COUNTER: '30' };

/**
 * For a browser test file: the compiled server on a fresh embedded database with the demo
 * data, and Debian's Chromium, both started before the file's tests and stopped after.
 * The fields are set once `beforeAll` has run.
 */
export function browserSession(env: Record<string, string> = QUICK_CAPTCHA): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    [session.server, session.browser] = await Promise.all([startCompiledServer(env), launchBrowser()]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
