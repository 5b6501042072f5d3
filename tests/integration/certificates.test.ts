import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as x509 from '@peculiar/x509';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyAndCsr, pkcs12 } from '../../app/descarga/keystore.js';
import { createSsps } from '../../server/app.js';
import { generateDevelopmentCa } from '../../server/certificates/issuing-ca.js';
import { loadConfig } from '../../server/config.js';
import { seed } from '../../server/demo/seed.js';
import { HistoryKey, verifyHistory } from '../../server/lifecycle/history.js';
import type { Operator } from '../../server/operators/operator.js';
import { testDatabases } from '../support/databases.js';
import { raceScenario } from '../support/racing.js';
import { startServer, TEST_SECRET, testCaFiles, type StartedServer } from '../support/server.js';
import { startSmtpPeer } from '../support/smtp.js';

const run = promisify(execFile);
const crypto = webcrypto as unknown as Crypto;
const PUBLIC_URL = 'https://ssps.example.co';
const LINK = /https:\/\/ssps\.example\.co\/descarga#([A-Za-z0-9_-]{43})/;
const DELIVER = `mutation ($n: String!) { r: deliverCertificate(requestNumber: $n) { proposal { id } } }`;
const REVOKE = `mutation ($n: String!, $why: RevocationReason!) { r: revokeCertificate(requestNumber: $n, reason: $why) { proposal { id } } }`;
const VIEW = `query ($t: String!) { certificateDownload(token: $t) { requestNumber holderName certificateType validFrom validTo expiresAt } }`;
const ISSUE = `mutation ($t: String!, $csr: String!) { issueCertificate(token: $t, csr: $csr) { requestNumber serialNumber certificate chain } }`;
const RESEND = `mutation ($n: String!) { resendDownloadLink(requestNumber: $n) { requestNumber expiresAt } }`;
const ANA: Operator = { id: 'oidc:ana', name: 'Supervisora Ana', roles: ['ssps-operator', 'ssps-supervisor'], via: 'session' };

interface Issued {
  requestNumber: string;
  serialNumber: string;
  certificate: string;
  chain: string[];
}

describe.each(testDatabases())('getting the certificate on $name', (database) => {
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let server: StartedServer;
  let operator: Record<string, string>;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ssps-ca-'));
  const work = mkdtempSync(path.join(os.tmpdir(), 'ssps-pki-'));
  // Before the database exists: every CRL number drawn afterwards is above this second.
  const describedAt = Date.now();

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    server = await startServer(database, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SSPS_PUBLIC_URL: PUBLIC_URL, SSPS_DATA_DIR: dataDir });
    operator = { authorization: `Bearer ${(await server.ssps.partners.create('operadora-entregas', { role: 'operator', ratePerMinute: 10_000 })).key}` };
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await server?.dropDatabase();
    await smtp?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  const gql = <T>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => server.gql<T>(query, variables, headers);

  /** The token of the newest e-mail to `address` that carries a download link. */
  async function linkMailedTo(address: string): Promise<{ token: string; raw: string }> {
    await server.ssps.mailer!.deliver();
    const mail = smtp.received.filter((m) => m.to.includes(address) && LINK.test(m.raw)).at(-1)!;
    const raw = Buffer.from(mail.raw.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
    return { token: LINK.exec(raw)![1], raw };
  }

  async function deliver(n: string): Promise<void> {
    const proposed = await gql<{ r: { proposal: { id: string } } }>(DELIVER, { n }, operator);
    expect(proposed.errors).toBeUndefined();
    await server.ssps.lifecycle.approveProposal(proposed.data!.r.proposal.id, ANA);
  }

  /** A fresh request at AWAITING_DELIVERY, delivered; its applicant's address. */
  async function delivered(): Promise<{ n: string; email: string }> {
    const scenario = raceScenario('AWAITING_DELIVERY');
    await server.ssps.db.run((ds) => seed(ds, [scenario]), 30_000);
    const n = String(scenario.requests[0].requestNumber);
    await deliver(n);
    return { n, email: scenario.applicant!.email! };
  }

  const issue = (token: string, csr: string) => gql<{ issueCertificate: Issued }>(ISSUE, { t: token, csr });
  const detailSteps = async (n: string) =>
    (await server.ssps.db.run((ds) => ds.query("SELECT s.kind, s.state, s.information FROM request_step s JOIN certificate_request r ON r.id = s.request_id WHERE r.request_number = ? AND s.kind = 'DELIVERY'", [Number(n)]))) as {
      kind: string;
      state: string;
      information: string;
    }[];
  const issuedCount = async (n: string) =>
    Number(((await server.ssps.db.run((ds) => ds.query('SELECT COUNT(*) AS c FROM issued_certificate i JOIN certificate_request r ON r.id = i.request_id WHERE r.request_number = ?', [Number(n)]))) as { c: number }[])[0].c);
  const openssl = async (...args: string[]) => (await run('openssl', args, { cwd: work })).stdout;
  const file = (name: string, content: string | Uint8Array) => {
    writeFileSync(path.join(work, name), content);
    return name;
  };
  const fetchDer = async (p: string) => {
    const res = await fetch(`${server.url}${p}`);
    return { status: res.status, type: res.headers.get('content-type'), body: new Uint8Array(await res.arrayBuffer()) };
  };

  // RFC 5280 §5.2.3. The number was the signing second: two instances signing different CRLs in
  // one second shared it, and one whose clock lagged went backwards.
  it('numbers the CRLs of all instances in one increasing sequence, never the same twice, above the signing seconds they carried before', async () => {
    const crlNumber = async (url: string) => {
      const res = await fetch(`${url}/pki/crl`);
      expect(res.status).toBe(200);
      const name = file(`n-${Math.random()}.crl`, new Uint8Array(await res.arrayBuffer()));
      return BigInt(/X509v3 CRL Number:\s+(\d+)/.exec(await openssl('crl', '-inform', 'DER', '-in', name, '-noout', '-text'))![1]);
    };
    const first = await crlNumber(server.url);
    expect(first).toBeGreaterThan(BigInt(Math.floor(describedAt / 1000)));
    const others = [await startServer(database, { SSPS_PUBLIC_URL: PUBLIC_URL, SSPS_DATA_DIR: dataDir }, { url: server.databaseUrl }), await startServer(database, { SSPS_PUBLIC_URL: PUBLIC_URL, SSPS_DATA_DIR: dataDir }, { url: server.databaseUrl })];
    try {
      // Two instances signing their first CRL at the same instant.
      const both = await Promise.all(others.map((o) => crlNumber(o.url)));
      expect(new Set(both).size).toBe(2);
      for (const n of both) expect(n).toBeGreaterThan(first);
      // Each keeps serving the CRL it signed while nothing changes: the same number again.
      expect(await crlNumber(others[0].url)).toBe(both[0]);

      // A restored backup sets the counter back: the numbers still grow, never below the current
      // second. (Draws here came faster than one a second, ahead of the clock: wait until it passes them.)
      await server.ssps.db.run((ds) => ds.query("UPDATE number_sequence SET next_value = 5 WHERE name = 'crl_number'"));
      const highest = both[0] > both[1] ? both[0] : both[1];
      while (BigInt(Math.floor(Date.now() / 1000)) <= highest) await new Promise((r) => setTimeout(r, 200));
      const restored = await startServer(database, { SSPS_PUBLIC_URL: PUBLIC_URL, SSPS_DATA_DIR: dataDir }, { url: server.databaseUrl });
      others.push(restored);
      const after = await crlNumber(restored.url);
      for (const n of both) expect(after).toBeGreaterThan(n);
      expect(after).toBeGreaterThanOrEqual(BigInt(Math.floor(Date.now() / 1000) - 5));
    } finally {
      for (const o of others) await o.close();
    }
  });

  it('delivers with an e-mailed single-use link, issues from a browser-made CSR, and the certificate verifies against the CA and lands in the CRL once revoked (scenario delivery-pending)', async () => {
    await deliver('512004');
    // Paso4 says the certificate is ready, not that it was downloaded.
    expect(await detailSteps('512004')).toEqual([{ kind: 'DELIVERY', state: 'IN_PROGRESS', information: 'Su certificado de firma digital está listo para descarga.' }]);
    const { token, raw } = await linkMailedTo('diego.ficticio@example.com');
    expect(raw).toContain('Descárguelo en este enlace, de un solo uso, válido hasta el');
    // Sent, the e-mail is kept without the link's token: a database or a backup read later gives no certificate.
    const kept = JSON.stringify(
      await server.ssps.db.run((ds) =>
        ds.query("SELECT o.body, h.html FROM notification_outbox o LEFT JOIN notification_outbox_html h ON h.outbox_id = o.id WHERE o.recipient = 'diego.ficticio@example.com' AND o.sent_at IS NOT NULL"),
      ),
    );
    expect(kept).toContain('/descarga#…');
    expect(kept).not.toContain(token);

    const view = await gql<{ certificateDownload: Record<string, string> }>(VIEW, { t: token });
    expect(view.data!.certificateDownload).toMatchObject({ requestNumber: '512004', holderName: 'DIEGO ALEJANDRO FICTICIO LÓPEZ' });
    const hours = (Date.parse(view.data!.certificateDownload.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);

    const { keys, csr } = await keyAndCsr('RSA', crypto);
    const answer = await issue(token, csr);
    expect(answer.errors).toBeUndefined();
    const issued = answer.data!.issueCertificate;
    const [serial] = (await server.ssps.db.run((ds) => ds.query('SELECT serial_number FROM certificate_request WHERE request_number = 512004'))) as { serial_number: string }[];
    expect(issued.serialNumber).toBe(serial.serial_number);
    expect(await detailSteps('512004')).toEqual([{ kind: 'DELIVERY', state: 'COMPLETED', information: 'Su certificado de firma digital fue descargado con éxito' }]);

    // openssl: the chain verifies, and the certificate says what the issue asks.
    file('ca.pem', issued.chain.join(''));
    file('cert.pem', issued.certificate);
    expect(await openssl('verify', '-CAfile', 'ca.pem', 'cert.pem')).toContain('cert.pem: OK');
    const text = await openssl('x509', '-in', 'cert.pem', '-noout', '-text', '-nameopt', 'utf8,sep_comma_plus_space');
    expect(text).toContain('Version: 3 (0x2)');
    expect(BigInt(`0x${/Serial Number:\s*\n?\s*([0-9a-f:]+)/i.exec(text)![1].replace(/:/g, '')}`)).toBe(BigInt(`0x${serial.serial_number}`));
    expect(text).toMatch(/Subject: C ?= ?CO, O ?= ?ALCALDÍA MUNICIPAL DE PRUEBA, CN ?= ?DIEGO ALEJANDRO FICTICIO LÓPEZ, serialNumber ?= ?CC 1020304050/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(/TLS Web Client Authentication, E-mail Protection/);
    expect(text).toContain(`URI:${PUBLIC_URL}/pki/crl`);
    expect(text).toContain('X509v3 Subject Key Identifier');
    expect(text).toContain('X509v3 Authority Key Identifier');
    expect(text).toContain('Public-Key: (2048 bit)');
    // The type's validity, as the delivery recorded it.
    const cert = new x509.X509Certificate(issued.certificate);
    const [dates] = (await server.ssps.db.run((ds) => ds.query('SELECT valid_from, valid_to FROM certificate_request WHERE request_number = 512004'))) as { valid_from: string | Date; valid_to: string | Date }[];
    const at = (v: string | Date) => Math.floor(new Date(v instanceof Date ? v : `${v.replace(' ', 'T')}Z`).getTime() / 1000);
    expect(Math.floor(cert.notBefore.getTime() / 1000)).toBe(at(dates.valid_from));
    expect(Math.floor(cert.notAfter.getTime() / 1000)).toBe(at(dates.valid_to));

    // The browser's PKCS#12 opens with its password and holds the key and the certificate.
    const p12 = await pkcs12({ privateKey: keys.privateKey, certificate: issued.certificate, chain: issued.chain, password: 'Clave-Segura-2026', friendlyName: 'Solicitud 512004' }, crypto);
    file('cert.p12', new Uint8Array(p12));
    const opened = await openssl('pkcs12', '-in', 'cert.p12', '-passin', 'pass:Clave-Segura-2026', '-nodes');
    expect(opened).toContain('-----BEGIN PRIVATE KEY-----');
    expect(opened.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
    await expect(openssl('pkcs12', '-in', 'cert.p12', '-passin', 'pass:otra-clave', '-nodes')).rejects.toThrow();

    // The link is spent.
    expect((await issue(token, (await keyAndCsr('EC', crypto)).csr)).errors?.[0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'TOKEN_USED' });
    expect((await gql(VIEW, { t: token })).errors?.[0].extensions).toMatchObject({ reason: 'TOKEN_USED' });
    // Nothing to resend once downloaded.
    expect((await gql(RESEND, { n: '512004' }, operator)).errors?.[0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION' });

    // The CA's certificate and the CRL at the URLs the certificate names; not yet revoked.
    const ca = await fetchDer('/pki/ca.crt');
    expect([ca.status, ca.type]).toEqual([200, 'application/pkix-cert']);
    expect(Buffer.from(ca.body).equals(Buffer.from(new x509.X509Certificate(issued.chain[0]).rawData))).toBe(true);
    const before = await fetchDer('/pki/crl');
    expect([before.status, before.type]).toEqual([200, 'application/pkix-crl']);
    file('before.crl', before.body);
    const listed = (crlText: string) => [...crlText.matchAll(/Serial Number: ([0-9A-F]+)/gi)].some((m) => BigInt(`0x${m[1]}`) === BigInt(`0x${serial.serial_number}`));
    expect(listed(await openssl('crl', '-inform', 'DER', '-in', 'before.crl', '-noout', '-text'))).toBe(false);

    // Revoked (four eyes): the CRL, signed by the CA, lists the serial and the chain no longer verifies with -crl_check.
    const revoking = await gql<{ r: { proposal: { id: string } } }>(REVOKE, { n: '512004', why: 'keyCompromise' }, operator);
    await server.ssps.lifecycle.approveProposal(revoking.data!.r.proposal.id, ANA);
    const after = await fetchDer('/pki/crl');
    file('after.crl', after.body);
    await openssl('crl', '-inform', 'DER', '-in', 'after.crl', '-out', 'after.pem');
    const crlText = await openssl('crl', '-in', 'after.pem', '-noout', '-text', '-CAfile', 'ca.pem');
    expect(listed(crlText)).toBe(true);
    expect(crlText).toContain('Key Compromise');
    expect(crlText).toMatch(/Next Update:/);
    expect(crlText).toMatch(/X509v3 CRL Number:\s+\d+/);
    expect(crlText).toContain('X509v3 Authority Key Identifier');
    await expect(openssl('verify', '-crl_check', '-CRLfile', 'after.pem', '-CAfile', 'ca.pem', 'cert.pem')).rejects.toThrow(/certificate revoked/);
    // Before the revocation the same check passes.
    await openssl('crl', '-inform', 'DER', '-in', 'before.crl', '-out', 'before.pem');
    expect(await openssl('verify', '-crl_check', '-CRLfile', 'before.pem', '-CAfile', 'ca.pem', 'cert.pem')).toContain('OK');

    expect((await server.ssps.lifecycle.history('512004')).map((e) => e.move)).toEqual(['propose-deliver', 'approve-proposal', 'deliver', 'download', 'propose-revoke', 'approve-proposal', 'revoke']);
    expect(await verifyHistory(server.ssps.db, new HistoryKey(TEST_SECRET), '512004')).toMatchObject({ broken: [] });
  }, 60_000);

  it('refuses a bad CSR with its own code and issues nothing, and spends nothing', async () => {
    const { n, email } = await delivered();
    const { token } = await linkMailedTo(email);
    const reason = async (csr: string) => (await issue(token, csr)).errors?.[0].extensions;

    expect(await reason('esto no es un CSR')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csr', reason: 'CSR_MALFORMED' });
    expect(await reason('')).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CSR_MALFORMED' });
    // An unknown link is refused before anything reads the CSR.
    expect((await issue('A'.repeat(43), 'esto no es un CSR')).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    // A 1024-bit RSA key.
    const weak = (await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    x509.cryptoProvider.set(crypto);
    const weakCsr = await x509.Pkcs10CertificateRequestGenerator.create({ name: 'CN=x', keys: weak, signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as Algorithm });
    expect(await reason(weakCsr.toString('pem'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csr', reason: 'KEY_NOT_ALLOWED' });
    // A P-384 key: only P-256 is offered.
    const p384 = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const p384Csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: 'CN=x', keys: p384, signingAlgorithm: { name: 'ECDSA', hash: 'SHA-384' } as Algorithm });
    expect(await reason(p384Csr.toString('pem'))).toMatchObject({ reason: 'KEY_NOT_ALLOWED' });
    // A signature that does not match: the last byte of the signature changed.
    const good = new x509.Pkcs10CertificateRequest((await keyAndCsr('RSA', crypto)).csr);
    const bytes = new Uint8Array(good.rawData.slice(0));
    bytes[bytes.length - 1] ^= 0xff;
    expect(await reason(Buffer.from(bytes).toString('base64'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csr', reason: 'CSR_SIGNATURE' });

    expect(await issuedCount(n)).toBe(0);
    expect((await detailSteps(n))[0].state).toBe('IN_PROGRESS');
    // The link still works: an ECDSA P-256 key is accepted.
    const ec = await issue(token, (await keyAndCsr('EC', crypto)).csr);
    expect(ec.errors).toBeUndefined();
    file('ec.pem', ec.data!.issueCertificate.certificate);
    expect(await openssl('x509', '-in', 'ec.pem', '-noout', '-text')).toContain('ASN1 OID: prime256v1');
  }, 60_000);

  it('issues one certificate when the same link is used twice at once', async () => {
    const { n, email } = await delivered();
    const { token } = await linkMailedTo(email);
    const csrs = await Promise.all([keyAndCsr('EC', crypto), keyAndCsr('EC', crypto), keyAndCsr('EC', crypto)]);
    const answers = await Promise.all(csrs.map(({ csr }) => issue(token, csr)));
    expect(answers.filter((a) => !a.errors).length).toBe(1);
    for (const a of answers.filter((x) => x.errors)) expect(a.errors![0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'TOKEN_USED' });
    expect(await issuedCount(n)).toBe(1);
  }, 60_000);

  it('refuses an expired link, and the operator sends a new one that works (the old one then does not)', async () => {
    const { n, email } = await delivered();
    const { token: first } = await linkMailedTo(email);
    await server.ssps.db.run((ds) => ds.query("UPDATE certificate_download SET expires_at = '2020-01-01 00:00:00' WHERE request_id = (SELECT id FROM certificate_request WHERE request_number = ?)", [Number(n)]));
    const { csr } = await keyAndCsr('EC', crypto);
    expect((await issue(first, csr)).errors?.[0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'TOKEN_EXPIRED' });
    expect((await gql(VIEW, { t: first })).errors?.[0].extensions).toMatchObject({ reason: 'TOKEN_EXPIRED' });
    expect((await gql(VIEW, { t: 'A'.repeat(43) })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'TOKEN_UNKNOWN' });
    expect(await issuedCount(n)).toBe(0);

    // Only operators send links.
    expect((await gql(RESEND, { n })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const resent = await gql<{ resendDownloadLink: { requestNumber: string } }>(RESEND, { n }, operator);
    expect(resent.data?.resendDownloadLink.requestNumber).toBe(n);
    const { token: second } = await linkMailedTo(email);
    expect(second).not.toBe(first);
    expect((await issue(second, csr)).errors).toBeUndefined();
    expect(await issuedCount(n)).toBe(1);
  }, 60_000);

  it('refuses to start in production with a CA key that is not the certificate\'s, or a certificate that is not a CA\'s', async () => {
    const { CA_CERT_FILE, CA_KEY_FILE } = await testCaFiles();
    const other = path.join(work, 'other-ca');
    await generateDevelopmentCa(other, 'Otra');
    const start = (files: Record<string, string>) =>
      createSsps(loadConfig({ NODE_ENV: 'production', SSPS_SECRET: TEST_SECRET, DATABASE_URL: `sqlite:${path.join(work, 'unused.sqlite')}`, SSPS_WEB: '0', LOG_LEVEL: 'silent', ...files }));
    await expect(start({ CA_CERT_FILE, CA_KEY_FILE: path.join(other, 'ca.key') })).rejects.toThrow('Invalid configuration: CA_KEY_FILE: this key does not belong to the certificate of CA_CERT_FILE');
    // The certificate issued in the first test is an end entity's.
    await expect(start({ CA_CERT_FILE: path.join(work, 'cert.pem'), CA_KEY_FILE })).rejects.toThrow("Invalid configuration: CA_CERT_FILE: the certificate is not a CA's");
    await expect(start({ CA_CERT_FILE: path.join(work, 'missing.pem'), CA_KEY_FILE })).rejects.toThrow('Invalid configuration: CA_CERT_FILE: cannot read');
  }, 60_000);
});
