/**
 * `npm run -s captcha:token [-- <baseUrl>]`: asks a running SSPS for a challenge, solves
 * it as the ALTCHA widget would and prints the payload to pass as `captchaToken`.
 * For trying the API with curl; browsers use the widget.
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';

const base = (process.argv[2] ?? 'http://localhost:3000').replace(/\/$/, '');
const res = await fetch(`${base}/captcha/challenge`);
if (!res.ok) {
  console.error(`GET ${base}/captcha/challenge respondió HTTP ${res.status}.`);
  process.exit(1);
}
const challenge = (await res.json()) as Challenge;
const solution = await solveChallenge({ challenge, deriveKey });
if (!solution) {
  console.error('No se pudo resolver el desafío a tiempo.');
  process.exit(1);
}
console.log(Buffer.from(JSON.stringify({ challenge, solution })).toString('base64'));
