import { expect } from 'vitest';
import { solvedToken } from './captcha.js';
import type { TestServer } from './server.js';

export const START = `mutation ($t: String!, $v: String!, $e: String!) { startApplication(captchaToken: $t, termsVersion: $v, email: $e) { id expiresAt termsVersion email emailConfirmed codeExpiresAt } }`;
export const CONFIRM = `mutation ($d: ID!, $c: String!) { confirmApplicationEmail(draftId: $d, code: $c) { id email emailConfirmed } }`;
export const RESEND = `mutation ($d: ID!) { resendApplicationEmailCode(draftId: $d) { id email emailConfirmed codeExpiresAt } }`;
export const SUBMIT = `mutation ($d: ID!, $a: ApplicationInput!) { submitApplication(draftId: $d, application: $a) { requestNumber orderNumber } }`;

/**
 * The newest code mailed to `email`, as the outbox holds it for the SMTP sender (the e-mail tests
 * read it from a real SMTP peer instead). Each test's drafts use their own addresses.
 */
export async function lastCodeSentTo(server: TestServer, email: string): Promise<string> {
  const rows = (await server.ssps.db.run((ds) =>
    ds.query('SELECT subject FROM notification_outbox WHERE recipient = ? AND request_id IS NULL ORDER BY id DESC', [email]),
  )) as { subject: string }[];
  const code = /(\d{6})$/.exec(rows[0]?.subject ?? '')?.[1];
  if (!code) throw new Error('no code was mailed to that address');
  return code;
}

/** Opens a draft with a solved CAPTCHA and the current terms; its e-mail still unconfirmed. */
export async function openDraft(server: TestServer, email: string): Promise<string> {
  const res = await server.gql<{ startApplication: { id: string } }>(START, { t: await solvedToken(server.url), v: '2026-11', e: email });
  expect(res.errors).toBeUndefined();
  return res.data!.startApplication.id;
}

/** A draft whose e-mail is confirmed with the code mailed to it: ready for documents and submission. */
export async function confirmedDraft(server: TestServer, email: string): Promise<string> {
  const id = await openDraft(server, email);
  const confirmed = await server.gql(CONFIRM, { d: id, c: await lastCodeSentTo(server, email) });
  expect(confirmed.errors).toBeUndefined();
  return id;
}
