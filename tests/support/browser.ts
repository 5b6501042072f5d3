import { existsSync } from 'node:fs';
import { CHROMIUM } from '../../bench/chromium.js';

export { CHROMIUM, launchBrowser } from '../../bench/chromium.js';

/** Browser tests run when Chromium is present; with CI=true its absence fails the run. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true but Chromium is missing at ${CHROMIUM}: install it (apt-get install chromium)`);
  return false;
}
