import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError, type Config } from '../config.js';

/** Where the CRL and the CA's certificate are published (server/certificates/pki-routes.ts). */
export const CRL_PATH = '/pki/crl';
export const CA_CERT_PATH = '/pki/ca.crt';

/** A problem with the issuing CA's files, said in one line naming the variable (main.ts prints it and stops). */
export class IssuerConfigError extends ConfigError {}

export function readConfigured(file: string, variable: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new IssuerConfigError(`Invalid configuration: ${variable}: cannot read ${file}`);
  }
}

/**
 * The CA files checked at start with Node's own X.509 reader (cheap: the signing library loads
 * on the first certificate or CRL): readable, a CA's certificate, and the key that belongs to it.
 * A server with a broken CA does not start.
 */
export function checkCaFiles(ca: Config['ca']): void {
  if (ca.kind !== 'files') return;
  const pem = readConfigured(ca.certFile, 'CA_CERT_FILE');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    throw new IssuerConfigError('Invalid configuration: CA_CERT_FILE: no certificate in PEM (BEGIN CERTIFICATE) can be read');
  }
  if (!certificate.ca) throw new IssuerConfigError("Invalid configuration: CA_CERT_FILE: the certificate is not a CA's (basicConstraints CA:TRUE is missing)");
  let key;
  try {
    key = createPrivateKey(readConfigured(ca.keyFile, 'CA_KEY_FILE'));
  } catch (error) {
    if (error instanceof IssuerConfigError) throw error;
    throw new IssuerConfigError('Invalid configuration: CA_KEY_FILE: not a private key in PEM (BEGIN PRIVATE KEY); an encrypted key must be decrypted first');
  }
  if (!certificate.checkPrivateKey(key)) throw new IssuerConfigError('Invalid configuration: CA_KEY_FILE: this key does not belong to the certificate of CA_CERT_FILE');
  if (ca.chainFile) readConfigured(ca.chainFile, 'CA_CHAIN_FILE');
}
