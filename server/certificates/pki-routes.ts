import type { Handler } from '../http/server.js';
import { sendJson } from '../http/io.js';
import type { CrlPublisher } from './crl.js';
import type { CertificateIssuer } from './issuer.js';
import { CA_CERT_PATH, CRL_PATH } from './ca-files.js';

/**
 * What relying parties fetch, at the URLs each certificate names (DER, RFC 5280 §4.2.1.13 and
 * §4.2.2.1):
 *   GET /pki/crl      the CRL, application/pkix-crl
 *   GET /pki/ca.crt   the issuing CA's certificate, application/pkix-cert
 */
export function pkiHandler(crls: CrlPublisher, issuer: CertificateIssuer): Handler {
  return async (req, res, url) => {
    if (url.pathname !== CRL_PATH && url.pathname !== CA_CERT_PATH) return sendJson(res, 404, { error: 'not found' });
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'method not allowed' }, { allow: 'GET' });
    const crl = url.pathname === CRL_PATH;
    const body = crl ? await crls.current() : (await issuer.chain())[0];
    res.writeHead(200, {
      'content-type': crl ? 'application/pkix-crl' : 'application/pkix-cert',
      'content-length': String(body.byteLength),
      'content-disposition': `attachment; filename="${crl ? 'ssps.crl' : 'ca.crt'}"`,
      // Public data; a CRL is re-signed when a revocation happens, so caches hold it briefly.
      'cache-control': crl ? 'public, max-age=60' : 'public, max-age=86400',
    });
    res.end(req.method === 'HEAD' ? undefined : Buffer.from(body));
  };
}
