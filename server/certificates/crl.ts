import type { Database } from '../db/database.js';
import { toDate } from '../db/values.js';
import type { RevocationReason } from '../lifecycle/machine.js';
import { drawCrlNumber } from '../lifecycle/numbers.js';
import type { CertificateIssuer } from './issuer.js';

/** A CRL is valid this long; it is signed again well before (REFRESH_MS) so a cached one never lapses. */
const VALID_MS = 24 * 3_600_000;
const REFRESH_MS = 3_600_000;

interface Signed {
  der: Uint8Array;
  thisUpdate: Date;
  /** What the revocations were when it was signed: their count and the latest instant. */
  fingerprint: string;
}

/**
 * The CRL every certificate names: the revoked serials, read from the requests (a revocation
 * is the revokeCertificate move, on any instance), signed by the issuing CA. Each request asks
 * the database whether anything was revoked since the CRL it holds was signed (one aggregate
 * read over the revoked requests' index, shared by the requests arriving meanwhile); a new
 * revocation, or an hour's age, signs a new one. Its CRL number is drawn from a counter in the
 * database, so the CRLs of all instances are numbered in one increasing sequence, never twice
 * the same (it was the signing second: two instances signing different CRLs in one second, or
 * one whose clock lagged, broke RFC 5280 §5.2.3).
 */
export class CrlPublisher {
  private signed: Signed | null = null;
  private signing: Promise<Signed> | null = null;
  /** Requests arriving together share one check of the database. */
  private checking: Promise<Uint8Array> | null = null;

  constructor(
    private readonly db: Database,
    private readonly issuer: CertificateIssuer,
  ) {}

  current(now = new Date()): Promise<Uint8Array> {
    this.checking ??= this.check(now).finally(() => (this.checking = null));
    return this.checking;
  }

  private async check(now: Date): Promise<Uint8Array> {
    const [row]: { n: number | string; last: Date | string | null }[] = await this.db.run((ds) =>
      ds.query('SELECT COUNT(*) AS n, MAX(revoked_at) AS last FROM certificate_request WHERE revoked_at IS NOT NULL AND serial_number IS NOT NULL'),
    );
    const fingerprint = `${Number(row.n)}:${toDate(row.last)?.getTime() ?? 0}`;
    const held = this.signed;
    if (held && held.fingerprint === fingerprint && now.getTime() - held.thisUpdate.getTime() < REFRESH_MS) return held.der;
    this.signing ??= this.sign(fingerprint, now).finally(() => (this.signing = null));
    return (await this.signing).der;
  }

  private async sign(fingerprint: string, now: Date): Promise<Signed> {
    // The issuer loads (the key, the signing library) before a number is drawn: a broken one
    // fails here, on every request, without writing to the database each time.
    await this.issuer.chain();
    const { crlNumber, read: rows } = await drawCrlNumber(this.db, now, (m): Promise<{ serial_number: string; revoked_at: Date | string; revocation_reason: string | null }[]> =>
      m.query('SELECT serial_number, revoked_at, revocation_reason FROM certificate_request WHERE revoked_at IS NOT NULL AND serial_number IS NOT NULL ORDER BY revoked_at, id'),
    );
    const revoked = rows.map((r) => ({ serialNumber: r.serial_number, revokedAt: toDate(r.revoked_at)!, reason: r.revocation_reason as RevocationReason | null }));
    // Every CRL any instance signs has a number of its own, above every number signed before it.
    const der = await this.issuer.crl(revoked, now, new Date(now.getTime() + VALID_MS), crlNumber);
    this.signed = { der, thisUpdate: now, fingerprint };
    return this.signed;
  }
}
