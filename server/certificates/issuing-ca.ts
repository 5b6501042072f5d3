import { webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { CA_CERT_PATH, CRL_PATH, readConfigured } from './ca-files.js';
import { assertCa, BuiltInIssuer, importCaKey, readCertificates, x509 } from './issuer.js';

const CERT_FILE = 'ca.crt';
const KEY_FILE = 'ca.key';

/**
 * The built-in issuing CA of this configuration: from CA_CERT_FILE/CA_KEY_FILE (and
 * CA_CHAIN_FILE), or — outside production, where config.ts allows no other — the development CA
 * kept under the data directory, generated on first use.
 */
export async function builtInIssuer(config: Pick<Config, 'ca' | 'publicUrl' | 'site'>): Promise<BuiltInIssuer> {
  const urls = [`${config.publicUrl}${CRL_PATH}`, `${config.publicUrl}${CA_CERT_PATH}`] as const;
  if (config.ca.kind === 'files') {
    const [certificate] = readCertificates(readConfigured(config.ca.certFile, 'CA_CERT_FILE'), 'CA_CERT_FILE');
    assertCa(certificate, 'CA_CERT_FILE');
    const key = await importCaKey(readConfigured(config.ca.keyFile, 'CA_KEY_FILE'), certificate);
    const above = config.ca.chainFile ? readCertificates(readConfigured(config.ca.chainFile, 'CA_CHAIN_FILE'), 'CA_CHAIN_FILE') : [];
    return new BuiltInIssuer(certificate, key, above, ...urls);
  }
  const dir = config.ca.dir;
  if (!existsSync(path.join(dir, CERT_FILE))) await generateDevelopmentCa(dir, config.site.orgName);
  const [certificate] = readCertificates(readFileSync(path.join(dir, CERT_FILE), 'utf8'), `${dir}/${CERT_FILE}`);
  const key = await importCaKey(readFileSync(path.join(dir, KEY_FILE), 'utf8'), certificate, `${dir}/${KEY_FILE}`);
  return new BuiltInIssuer(certificate, key, [], ...urls);
}

/**
 * A self-signed development CA (RSA 2048, ten years: quick to make at a first start), written to a fresh directory and moved
 * into place in one rename: of two instances starting at once, one CA wins and both use it.
 */
export async function generateDevelopmentCa(dir: string, orgName: string): Promise<void> {
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const now = new Date();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1'),
    name: [{ C: ['CO'] }, { O: [orgName] }, { CN: ['SSPS CA de desarrollo (no válida en producción)'] }],
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + 10 * 365 * 86_400_000),
    signingAlgorithm: algorithm,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
  mkdirSync(path.dirname(dir), { recursive: true });
  const fresh = mkdtempSync(`${dir}.new-`);
  writeFileSync(path.join(fresh, CERT_FILE), `${certificate.toString('pem')}\n`);
  writeFileSync(path.join(fresh, KEY_FILE), keyPem, { mode: 0o600 });
  try {
    renameSync(fresh, dir);
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true });
    // Another instance put its CA there first: that one is used.
    if (!existsSync(path.join(dir, CERT_FILE))) throw error;
  }
}
