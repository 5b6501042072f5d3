import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * What the download page does with the applicant's key, in the browser (and in the tests, in
 * Node, with the same WebCrypto API): the key pair is generated here and never leaves; only a
 * PKCS#10 request goes to the server, and the PKCS#12 is built here around the key.
 */
export type KeyKind = 'RSA' | 'EC';

const ALGORITHMS: Record<KeyKind, RsaHashedKeyGenParams | EcKeyGenParams> = {
  RSA: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  EC: { name: 'ECDSA', namedCurve: 'P-256' },
};

function signing(kind: KeyKind): Algorithm {
  return kind === 'RSA' ? ALGORITHMS.RSA : ({ name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams);
}

/** A new key pair (extractable only so that it can be written into the PKCS#12) and its CSR, PEM. */
export async function keyAndCsr(kind: KeyKind, crypto: Crypto = globalThis.crypto): Promise<{ keys: CryptoKeyPair; csr: string }> {
  x509.cryptoProvider.set(crypto);
  const keys = (await crypto.subtle.generateKey(ALGORITHMS[kind], true, ['sign', 'verify'])) as CryptoKeyPair;
  // The subject is the server's to decide; the CSR proves the key only.
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: 'CN=SSPS', keys, signingAlgorithm: signing(kind) }, crypto);
  return { keys, csr: csr.toString('pem') };
}

/** A password a PKCS#12 reader gets the same bytes from everywhere: printable ASCII (RFC 7292 BMPString of it), 8 to 64 characters. */
export function passwordProblem(password: string): 'TOO_SHORT' | 'NOT_ASCII' | null {
  if (!/^[\x20-\x7e]*$/.test(password)) return 'NOT_ASCII';
  if (password.length < 8 || password.length > 64) return 'TOO_SHORT';
  return null;
}

function derOf(pem: string): ArrayBuffer {
  const base64 = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return bytes.buffer;
}

const BAG = { key: '1.2.840.113549.1.12.10.1.2', cert: '1.2.840.113549.1.12.10.1.3' };
const ATTRIBUTE = { friendlyName: '1.2.840.113549.1.9.20', localKeyId: '1.2.840.113549.1.9.21' };
const ITERATIONS = 100_000;

/**
 * A PKCS#12 (RFC 7292) holding the private key (PBES2: PBKDF2-HMAC-SHA-256, AES-256-CBC), the
 * certificate and the chain (encrypted the same way), with a SHA-256 MAC over it all: what
 * OpenSSL 3, Windows and macOS open with the password. Key and certificate share a localKeyID.
 */
export async function pkcs12(
  { privateKey, certificate, chain, password, friendlyName }: { privateKey: CryptoKey; certificate: string; chain: string[]; password: string; friendlyName: string },
  crypto: Crypto = globalThis.crypto,
): Promise<ArrayBuffer> {
  pkijs.setEngine('ssps', new pkijs.CryptoEngine({ name: 'ssps', crypto }));
  const secret = new TextEncoder().encode(password).buffer as ArrayBuffer;
  const localKeyId = crypto.getRandomValues(new Uint8Array(20)).buffer as ArrayBuffer;
  const attributes = (name: string) => [
    new pkijs.Attribute({ type: ATTRIBUTE.friendlyName, values: [new asn1js.BmpString({ value: name })] }),
    new pkijs.Attribute({ type: ATTRIBUTE.localKeyId, values: [new asn1js.OctetString({ valueHex: localKeyId })] }),
  ];
  const protection = { password: secret, contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 }, hmacHashAlgorithm: 'SHA-256', iterationCount: ITERATIONS };

  const keyBag = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: pkijs.PrivateKeyInfo.fromBER(await crypto.subtle.exportKey('pkcs8', privateKey)) });
  await keyBag.makeInternalValues(protection as Parameters<typeof keyBag.makeInternalValues>[0]);
  const certBags = [certificate, ...chain].map(
    (pem, i) =>
      new pkijs.SafeBag({
        bagId: BAG.cert,
        bagValue: new pkijs.CertBag({ parsedValue: pkijs.Certificate.fromBER(derOf(pem)) }),
        ...(i === 0 ? { bagAttributes: attributes(friendlyName) } : {}),
      }),
  );
  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            { privacyMode: 0, value: new pkijs.SafeContents({ safeBags: [new pkijs.SafeBag({ bagId: BAG.key, bagValue: keyBag, bagAttributes: attributes(friendlyName) })] }) },
            { privacyMode: 1, value: new pkijs.SafeContents({ safeBags: certBags }) },
          ],
        },
      }),
    },
  });
  await pfx.parsedValue!.authenticatedSafe!.makeInternalValues({ safeContents: [{}, protection] });
  await pfx.makeInternalValues({ password: secret, iterations: ITERATIONS, pbkdf2HashAlgorithm: 'SHA-256', hmacHashAlgorithm: 'SHA-256' });
  return pfx.toSchema().toBER(false);
}
