/**
 * What the CAPTCHA costs at a given difficulty, for the benchmark (run.ts): the server's
 * verification of one solved token, timed in this process with the server's own verifier,
 * and the applicant's wait, timed inside Chromium on /consulta from the moment the ALTCHA
 * widget starts verifying until it says 'verified'.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { Browser } from 'playwright-core';
import { AltchaCaptcha } from '../server/captcha/altcha.js';
import { CHROMIUM, launchBrowser } from './chromium.js';

export interface CaptchaTimings {
  /** `AltchaCaptcha.verify()` per solved token, in ms. */
  verify: { tokens: number; meanMs: number; p50Ms: number; p99Ms: number; maxMs: number };
  /** The widget's verification in the browser (challenge fetch, proof of work, its 500 ms floor), in ms. */
  browser: { solves: number; medianMs: number; maxMs: number; cost: number; maxCounter: number };
}

export interface CaptchaBenchOptions {
  /** A running SSPS with its web pages, e.g. http://127.0.0.1:3900. */
  baseUrl: string;
  /** Tokens verified server-side; 1,000 unless told (enough that p99 is not one pause). */
  tokens?: number;
  /** Browser solves, a fresh page each; 5 unless told. Each spends one of RATE_LIMIT_CHALLENGE_IP. */
  solves?: number;
  /** The server's CAPTCHA_COST and CAPTCHA_MAX_COUNTER: the verifier here uses them too. */
  cost: number;
  maxCounter: number;
  /** Any secret: the verifier here signs and checks its own challenges. */
  secret: string;
}

/** Verifications run, and not timed, before the timed ones: JIT and crypto warm-up. */
const WARM_UP = 5;
/** Longest a single solve may take, in Node or in the browser, before the run fails. */
const SOLVE_TIMEOUT_MS = 60_000;

/** Both measurements, one after the other, so the Node solving does not slow the browser's. */
export async function measureCaptcha(options: CaptchaBenchOptions): Promise<CaptchaTimings> {
  const tokens = options.tokens ?? 1_000;
  const solves = options.solves ?? 5;
  if (!(tokens >= 1 && solves >= 1)) throw new Error('tokens and solves must be at least 1');
  const verify = await measureVerify(tokens, options);
  const browser = await measureBrowser(solves, options);
  return { verify, browser };
}

/**
 * Issues `tokens` challenges, solves them all first (so the proof of work does not compete
 * with the timing), then times each verification alone. Every token must verify.
 */
async function measureVerify(tokens: number, options: CaptchaBenchOptions): Promise<CaptchaTimings['verify']> {
  const captcha = new AltchaCaptcha({ secret: options.secret, cost: options.cost, maxCounter: options.maxCounter, ttlSeconds: 600 });
  const total = tokens + WARM_UP;
  const solved: string[] = [];
  // PBKDF2 runs on libuv's thread pool: one solve per core keeps it busy without queueing.
  await runPool(total, os.availableParallelism(), async () => solved.push(await solve(await captcha.challenge())));

  const samples: number[] = [];
  for (const [i, token] of solved.entries()) {
    const start = performance.now();
    const check = await captcha.verify(token);
    const elapsed = performance.now() - start;
    if (!check.ok) throw new Error(`token ${i} did not verify: ${check.reason}`);
    if (i >= WARM_UP) samples.push(elapsed);
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((sum, ms) => sum + ms, 0) / samples.length;
  return { tokens, meanMs: round(mean), p50Ms: round(percentile(samples, 50)), p99Ms: round(percentile(samples, 99)), maxMs: round(samples[samples.length - 1]) };
}

/** The widget's payload for a challenge: base64 of `{ challenge, solution }`, as tests/support/captcha.ts builds it. */
async function solve(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: SOLVE_TIMEOUT_MS });
  if (!solution) throw new Error('challenge not solved');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** The parts of ALTCHA's <altcha-widget> used here; its methods exist once the element is mounted. */
interface Widget {
  verify: () => Promise<{ challenge?: Challenge | null; solution?: { counter: number } | null } | null>;
  addEventListener(type: 'statechange', listener: (event: { detail: { state: string } }) => void): void;
  removeEventListener(type: 'statechange', listener: (event: { detail: { state: string } }) => void): void;
}

interface Solve {
  ms?: number;
  error?: string;
  cost?: number;
  counter?: number;
}

/**
 * Opens /consulta `solves` times, each in a fresh page, and times inside the page the widget's
 * `verify()` (what ticking "No soy un robot" calls) until its `statechange` says 'verified'.
 * Page load and the lazy load of the widget are not counted; the challenge fetch, the workers'
 * proof of work and the widget's minimum duration (500 ms by default) are, as the applicant waits
 * for them. The challenges' cost is checked against `options.cost`, so the numbers are labelled right.
 */
async function measureBrowser(solves: number, options: CaptchaBenchOptions): Promise<CaptchaTimings['browser']> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  const samples: number[] = [];
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    for (let i = 0; i < solves; i++) {
      const page = await browser.newPage();
      try {
        await page.goto(`${options.baseUrl}/consulta`);
        const widget = page.locator('altcha-widget');
        await widget.waitFor({ timeout: 30_000 });
        const result = await widget.evaluate(timeWidget, SOLVE_TIMEOUT_MS);
        if (result.ms === undefined) throw new Error(`browser solve ${i + 1}: ${result.error}`);
        if (result.cost !== options.cost) throw new Error(`the server issues cost ${result.cost}, not ${options.cost}: pass its CAPTCHA_COST`);
        if (result.counter !== undefined && result.counter > options.maxCounter) {
          throw new Error(`solved at counter ${result.counter}, above ${options.maxCounter}: pass the server's CAPTCHA_MAX_COUNTER`);
        }
        samples.push(result.ms);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser?.close();
  }
  samples.sort((a, b) => a - b);
  return { solves, medianMs: round(percentile(samples, 50)), maxMs: round(samples[samples.length - 1]), cost: options.cost, maxCounter: options.maxCounter };
}

/** Runs in the page (serialized by Playwright): nothing from this module is in scope there. */
async function timeWidget(element: unknown, timeoutMs: number): Promise<Solve> {
  const widget = element as Widget;
  // The element exists before Svelte mounts it; its methods appear once it is mounted.
  while (typeof widget.verify !== 'function') await new Promise((resolve) => setTimeout(resolve, 20));
  let onState = (_event: { detail: { state: string } }) => {};
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const start = performance.now();
  // The widget dispatches 'statechange' a tick after its state changes, so verify() may settle
  // first: the time is taken at the event, the challenge and solution from verify()'s result.
  const verified = new Promise<number>((resolve, reject) => {
    onState = (event) => {
      if (event.detail.state === 'verified') resolve(performance.now() - start);
      else if (event.detail.state === 'error') reject(new Error('the widget ended in state error (challenge refused or rate-limited?)'));
    };
    deadline = setTimeout(() => reject(new Error(`not verified within ${timeoutMs} ms`)), timeoutMs);
  });
  widget.addEventListener('statechange', onState);
  try {
    const [ms, value] = await Promise.all([verified, widget.verify()]);
    return { ms, cost: value?.challenge?.parameters.cost, counter: value?.solution?.counter };
  } catch (error) {
    return { error: String(error) };
  } finally {
    clearTimeout(deadline);
    widget.removeEventListener('statechange', onState);
  }
}

/** Runs `task` `count` times, at most `concurrency` at once. */
async function runPool(count: number, concurrency: number, task: () => Promise<unknown>): Promise<void> {
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(count, Math.max(1, concurrency)) }, worker));
}

/** Nearest-rank percentile of ascending samples. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
