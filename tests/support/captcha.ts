import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';

/** Solves a challenge the way the ALTCHA widget does and returns the widget's payload. */
export async function solve(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 30_000 });
  if (!solution) throw new Error('challenge not solved');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

export async function fetchChallenge(baseUrl: string): Promise<Challenge> {
  const res = await fetch(`${baseUrl}/captcha/challenge`);
  if (!res.ok) throw new Error(`challenge: HTTP ${res.status}`);
  return (await res.json()) as Challenge;
}

export async function solvedToken(baseUrl: string): Promise<string> {
  return solve(await fetchChallenge(baseUrl));
}
