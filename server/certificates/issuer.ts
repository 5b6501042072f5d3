import 'reflect-metadata';
import { createPrivateKey, createPublicKey, webcrypto, type KeyObject } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;
type Algorithm = webcrypto.Algorithm;
type EcdsaParams = webcrypto.EcdsaParams;
import { AsnConvert } from '@peculiar/asn1-schema';
import { CRLNumber, id_ce_cRLNumber } from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';
import type { RevocationReason } from '../lifecycle/machine.js';
import { IssuerConfigError } from './ca-files.js';

// @peculiar/x509 signs and verifies through WebCrypto: Node's own.
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** Whose certificate it is: what the subject names (the CSR's own subject is ignored). */
export interface Holder {
  /** The holder's name (titular) as recorded. */
  name: string;
  idType: string;
  idNumber: string;
  company: string | null;
  /** The confirmed e-mail of the request, named in subjectAltName (emailProtection needs it). */
  email: string | null;
}

export interface Validity {
  notBefore: Date;
  notAfter: Date;
}

export interface RevokedCertificate {
  /** Lowercase hex, as the request stores it. */
  serialNumber: string;
  revokedAt: Date;
  reason: RevocationReason | null;
}

/**
 * Where certificates are issued and revocations signed. The built-in CA below is one engine; a
 * certificate authority's own (an HSM, a CA product's API) implements the same three things.
 * The CSR reaches it already checked (server/certificates/csr.ts): its signature verified,
 * its key an allowed one.
 */
export interface CertificateIssuer {
  /** An X.509 v3 certificate (DER) for the CSR's public key, naming `holder`, with this serial and validity. */
  issue(csrDer: Uint8Array, holder: Holder, serialNumber: string, validity: Validity): Promise<Uint8Array>;
  /** A CRL (DER) listing `revoked`, signed by the issuing CA, valid until `nextUpdate`, numbered `crlNumber` (RFC 5280 §5.2.3). */
  crl(revoked: RevokedCertificate[], thisUpdate: Date, nextUpdate: Date, crlNumber: number): Promise<Uint8Array>;
  /** The issuing CA's certificate first, then those above it (DER each): what a PKCS#12 carries with the certificate. */
  chain(): Promise<Uint8Array[]>;
}

/**
 * RFC 5280 §4.1.2.2: the serial is a positive INTEGER in its shortest form. The request's serial
 * is 16 bytes of hex with the top bit cleared; leading zero bytes are dropped, never a digit.
 */
export function certificateSerial(hex: string): string {
  let serial = hex.toLowerCase();
  while (serial.length > 2 && serial.startsWith('00') && parseInt(serial.slice(2, 4), 16) < 0x80) serial = serial.slice(2);
  return serial;
}

/** "CC 1013592259": the subject's serialNumber attribute (X.520 2.5.4.5), the ID type as the request records it. */
export function holderId(holder: Holder): string {
  return `${holder.idType} ${holder.idNumber}`;
}

const OID = { serialNumber: '2.5.4.5' };

function signingAlgorithm(key: CryptoKey): Algorithm | EcdsaParams {
  if (key.algorithm.name === 'ECDSA') {
    const curve = (key.algorithm as webcrypto.EcKeyAlgorithm).namedCurve;
    return { name: 'ECDSA', hash: curve === 'P-384' ? 'SHA-384' : curve === 'P-521' ? 'SHA-512' : 'SHA-256' } as EcdsaParams;
  }
  return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as Algorithm;
}

/** The issuing CA of SSPS itself: a certificate and its private key, from files or generated for development. */
export class BuiltInIssuer implements CertificateIssuer {
  private readonly algorithm: Algorithm | EcdsaParams;
  private readonly authorityKeyId: Promise<x509.AuthorityKeyIdentifierExtension>;

  constructor(
    readonly caCertificate: x509.X509Certificate,
    private readonly caKey: CryptoKey,
    private readonly above: x509.X509Certificate[],
    /** The URL each certificate names as its CRL distribution point (GET /pki/crl). */
    private readonly crlUrl: string,
    /** Where the CA's certificate is published (GET /pki/ca.crt), for authorityInfoAccess. */
    private readonly caUrl: string,
  ) {
    this.algorithm = signingAlgorithm(caKey);
    const ski = caCertificate.getExtension(x509.SubjectKeyIdentifierExtension);
    this.authorityKeyId = ski ? Promise.resolve(new x509.AuthorityKeyIdentifierExtension(ski.keyId)) : x509.AuthorityKeyIdentifierExtension.create(caCertificate.publicKey);
  }

  async issue(csrDer: Uint8Array, holder: Holder, serialNumber: string, validity: Validity): Promise<Uint8Array> {
    const csr = new x509.Pkcs10CertificateRequest(new Uint8Array(csrDer));
    const subject: x509.JsonName = [{ C: ['CO'] }, ...(holder.company ? [{ O: [holder.company] }] : []), { CN: [holder.name] }, { [OID.serialNumber]: [holderId(holder)] }];
    const extensions: x509.Extension[] = [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth, x509.ExtendedKeyUsage.emailProtection]),
      await x509.SubjectKeyIdentifierExtension.create(csr.publicKey),
      await this.authorityKeyId,
      new x509.CRLDistributionPointsExtension([this.crlUrl]),
      new x509.AuthorityInfoAccessExtension({ caIssuers: [new x509.GeneralName('url', this.caUrl)] }),
    ];
    if (holder.email) extensions.push(new x509.SubjectAlternativeNameExtension([{ type: 'email', value: holder.email }]));
    const certificate = await x509.X509CertificateGenerator.create({
      serialNumber: certificateSerial(serialNumber),
      subject,
      issuer: this.caCertificate.subjectName,
      notBefore: validity.notBefore,
      notAfter: validity.notAfter,
      publicKey: csr.publicKey,
      signingKey: this.caKey,
      signingAlgorithm: this.algorithm,
      extensions,
    });
    return new Uint8Array(certificate.rawData);
  }

  async crl(revoked: RevokedCertificate[], thisUpdate: Date, nextUpdate: Date, crlNumber: number): Promise<Uint8Array> {
    const crl = await x509.X509CrlGenerator.create({
      issuer: this.caCertificate.subjectName,
      thisUpdate,
      nextUpdate,
      signingAlgorithm: this.algorithm,
      signingKey: this.caKey,
      // RFC 5280 §5.2.3: a number that grows with each CRL, drawn from the database's counter (crl.ts).
      extensions: [await this.authorityKeyId, new x509.Extension(id_ce_cRLNumber, false, AsnConvert.serialize(new CRLNumber(crlNumber)))],
      entries: revoked.map((r) => ({
        serialNumber: certificateSerial(r.serialNumber),
        revocationDate: r.revokedAt,
        // RFC 5280 §5.3.1: reasonCode absent rather than unspecified.
        ...(r.reason && r.reason !== 'unspecified' ? { reason: x509.X509CrlReason[r.reason] } : {}),
      })),
    });
    return new Uint8Array(crl.rawData);
  }

  chain(): Promise<Uint8Array[]> {
    return Promise.resolve([this.caCertificate, ...this.above].map((c) => new Uint8Array(c.rawData)));
  }
}

/** The CA's key (PEM: PKCS#8, or the older RSA/EC forms) as a WebCrypto signing key, after checking it belongs to `certificate`. */
export async function importCaKey(pem: string, certificate: x509.X509Certificate, variable = 'CA_KEY_FILE'): Promise<CryptoKey> {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new IssuerConfigError(`Invalid configuration: ${variable}: not a private key in PEM (BEGIN PRIVATE KEY); an encrypted key must be decrypted first`);
  }
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  if (!Buffer.from(certificate.publicKey.rawData).equals(spki)) {
    throw new IssuerConfigError(`Invalid configuration: ${variable}: this key does not belong to the certificate of CA_CERT_FILE`);
  }
  const pkcs8 = key.export({ type: 'pkcs8', format: 'der' });
  if (key.asymmetricKeyType === 'rsa') return webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  const curve = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' }[key.asymmetricKeyDetails?.namedCurve ?? ''];
  if (key.asymmetricKeyType === 'ec' && curve) return webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: curve }, false, ['sign']);
  throw new IssuerConfigError(`Invalid configuration: ${variable}: the CA's key must be RSA or ECDSA (P-256, P-384, P-521)`);
}

/** The PEM blocks of a file as certificates; an issuing CA's must be a CA's (basicConstraints CA:TRUE). */
export function readCertificates(pem: string, variable: string): x509.X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new IssuerConfigError(`Invalid configuration: ${variable}: no certificate in PEM (BEGIN CERTIFICATE)`);
  try {
    return blocks.map((b) => new x509.X509Certificate(b));
  } catch {
    throw new IssuerConfigError(`Invalid configuration: ${variable}: a certificate in it cannot be read`);
  }
}

export function assertCa(certificate: x509.X509Certificate, variable: string): void {
  const constraints = certificate.getExtension(x509.BasicConstraintsExtension);
  if (!constraints?.ca) throw new IssuerConfigError(`Invalid configuration: ${variable}: the certificate is not a CA's (basicConstraints CA:TRUE is missing)`);
}

export { x509 };
