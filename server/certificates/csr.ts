import { createPublicKey } from 'node:crypto';
import { Refusal, type ErrorCode } from '../refusals.js';
import { x509 } from './issuer.js';

/** Longest CSR accepted (PEM or base64): a 4096-bit RSA request is about 1.7 kB. */
const MAX_CSR_CHARS = 16_384;

export type CsrProblem = 'CSR_MALFORMED' | 'CSR_SIGNATURE' | 'KEY_NOT_ALLOWED';

const MESSAGE: Record<CsrProblem, string> = {
  CSR_MALFORMED: 'La solicitud de certificado (CSR) no se puede leer: debe ser un PKCS#10 en PEM o base64. Vuelva a generar la clave en la página de descarga.',
  CSR_SIGNATURE: 'La firma de la solicitud de certificado (CSR) no corresponde a su clave. Vuelva a generar la clave en la página de descarga.',
  KEY_NOT_ALLOWED: 'La clave de la solicitud de certificado no está permitida: use RSA de 2048 a 4096 bits o ECDSA P-256.',
};

/** A CSR refused before anything was issued or spent. */
export class CsrRefused extends Refusal {
  readonly code: ErrorCode = 'BAD_USER_INPUT';

  constructor(readonly problem: CsrProblem) {
    super(MESSAGE[problem], { field: 'csr', reason: problem });
  }
}

/**
 * A PKCS#10 request as the download page sends it, checked: readable, its signature made by
 * the key it carries (proof of possession), and that key RSA 2048–4096 or ECDSA P-256. Its
 * subject and requested extensions are ignored: the certificate names what the request records.
 * Returns the DER to hand to the issuer.
 */
export async function checkCsr(text: string): Promise<Uint8Array> {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_CSR_CHARS) throw new CsrRefused('CSR_MALFORMED');
  let csr: x509.Pkcs10CertificateRequest;
  try {
    const pem = /-----BEGIN (NEW )?CERTIFICATE REQUEST-----/.test(text);
    csr = new x509.Pkcs10CertificateRequest(pem ? text : Buffer.from(text.replace(/\s+/g, ''), 'base64'));
  } catch {
    throw new CsrRefused('CSR_MALFORMED');
  }
  let key;
  try {
    key = createPublicKey({ key: Buffer.from(csr.publicKey.rawData), format: 'der', type: 'spki' });
  } catch {
    throw new CsrRefused('KEY_NOT_ALLOWED');
  }
  const details = key.asymmetricKeyDetails ?? {};
  const allowed =
    (key.asymmetricKeyType === 'rsa' && (details.modulusLength ?? 0) >= 2048 && (details.modulusLength ?? 0) <= 4096) ||
    (key.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1');
  if (!allowed) throw new CsrRefused('KEY_NOT_ALLOWED');
  let verified = false;
  try {
    verified = await csr.verify();
  } catch {
    verified = false;
  }
  if (!verified) throw new CsrRefused('CSR_SIGNATURE');
  return new Uint8Array(csr.rawData);
}
