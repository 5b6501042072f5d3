import type { CertificateIssuer, Holder, RevokedCertificate, Validity } from './issuer.js';

/**
 * An issuer loaded on first use: the signing library and the key load when the first
 * certificate or CRL is asked for, not on the server's start (they cost about a second).
 */
export class LazyIssuer implements CertificateIssuer {
  private loaded: Promise<CertificateIssuer> | null = null;

  constructor(private readonly load: () => Promise<CertificateIssuer>) {}

  ready(): Promise<CertificateIssuer> {
    this.loaded ??= this.load().catch((error: unknown) => {
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  async issue(csrDer: Uint8Array, holder: Holder, serialNumber: string, validity: Validity): Promise<Uint8Array> {
    return (await this.ready()).issue(csrDer, holder, serialNumber, validity);
  }

  async crl(revoked: RevokedCertificate[], thisUpdate: Date, nextUpdate: Date, crlNumber: number): Promise<Uint8Array> {
    return (await this.ready()).crl(revoked, thisUpdate, nextUpdate, crlNumber);
  }

  async chain(): Promise<Uint8Array[]> {
    return (await this.ready()).chain();
  }
}
