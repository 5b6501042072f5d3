import type { EntityManager } from 'typeorm';
import { CertificateDownload, IssuedCertificate } from '../../entities/index.js';
import { lostRace, pauseAfterConflict } from '../db/conflicts.js';
import type { Database } from '../db/database.js';
import { toDate, utcDatetime } from '../db/values.js';
import type { HistoryKey } from '../lifecycle/history.js';
import { recordMove, type DeliverySettings } from '../lifecycle/moves.js';
import { claimRequest, requestState } from '../lifecycle/request-state.js';
import type { RateLimits } from '../ratelimit/limits.js';
import { Refusal, type ErrorCode } from '../refusals.js';
import { downloadTokenHash } from './download-links.js';
import { resendDownloadLink } from './download-resend.js';
import type { CertificateIssuer } from './issuer.js';

export type DownloadProblem = 'TOKEN_UNKNOWN' | 'TOKEN_EXPIRED' | 'TOKEN_USED' | 'NOT_AVAILABLE';

const PROBLEM: Record<DownloadProblem, { code: ErrorCode; message: string }> = {
  TOKEN_UNKNOWN: { code: 'NOT_FOUND', message: 'El enlace de descarga no es válido. Ábralo tal como llegó en el correo que le enviamos, sin cambiarlo.' },
  TOKEN_EXPIRED: { code: 'FAILED_PRECONDITION', message: 'El enlace de descarga venció. Comuníquese con nuestro Call Center para que le enviemos uno nuevo.' },
  TOKEN_USED: { code: 'FAILED_PRECONDITION', message: 'Este enlace ya se usó: su certificado fue emitido y descargado. Si no tiene el archivo .p12, comuníquese con nuestro Call Center.' },
  NOT_AVAILABLE: { code: 'FAILED_PRECONDITION', message: 'Este certificado ya no se puede descargar: fue revocado o está vencido. Consulte su estado en "Conozca el estado del trámite de su firma".' },
};

/** A download link refused; nothing was issued or spent. */
export class DownloadRefused extends Refusal {
  readonly code: ErrorCode;

  constructor(readonly problem: DownloadProblem) {
    super(PROBLEM[problem].message, { field: 'token', reason: problem });
    this.code = PROBLEM[problem].code;
  }
}

/** What the download page shows before the key is made. */
export interface DownloadView {
  requestNumber: string;
  holderName: string;
  certificateType: string;
  validFrom: Date;
  validTo: Date;
  expiresAt: Date;
}

/** What the browser puts in the PKCS#12 with its key: the certificate and the chain, PEM. */
export interface IssuedView {
  requestNumber: string;
  serialNumber: string;
  certificate: string;
  chain: string[];
}

interface LinkRow {
  id: number;
  request_id: number;
  open_request_id: number | null;
  expires_at: Date | string;
  used_at: Date | string | null;
  request_number: number;
  holder_name: string;
  company: string | null;
  serial_number: string | null;
  valid_from: Date | string | null;
  valid_to: Date | string | null;
  revoked_at: Date | string | null;
  contact_email: string | null;
  id_type: string;
  id_number: string;
  type_name: string;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const TRIES = 3;

export function pem(der: Uint8Array, label = 'CERTIFICATE'): string {
  return `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * The applicant's side of a delivery: the e-mailed link opens the download page, the page sends
 * a CSR made from a key the browser generated, and the certificate is issued through the one
 * issuer — once per link, once per request.
 */
export class DownloadService {
  constructor(
    private readonly db: Database,
    private readonly issuer: CertificateIssuer,
    private readonly historyKey: HistoryKey,
    private readonly limits: RateLimits,
    private readonly delivery: DeliverySettings,
  ) {}

  async view(token: string, ip: string, now = new Date()): Promise<DownloadView> {
    const row = await this.open(token, ip, now);
    return { requestNumber: String(row.request_number), holderName: row.holder_name, certificateType: row.type_name, validFrom: toDate(row.valid_from)!, validTo: toDate(row.valid_to)!, expiresAt: toDate(row.expires_at)! };
  }

  /**
   * Issues the certificate for the CSR, if the link still opens: the link is opened, then the
   * CSR checked (a bad one spends nothing of a live link), the certificate signed, then — in one transaction — the link is
   * spent by a conditional update (of two uses at once exactly one matches), the request
   * claimed, the certificate recorded (unique per request) and Paso4 completed.
   */
  async issue(token: string, csrText: string, ip: string, now = new Date()): Promise<IssuedView> {
    // The link first: an unknown one is refused (and spends the caller's budget of failures)
    // before anything reads the CSR or loads the signing library.
    let row = await this.open(token, ip, now);
    // The CSR's reader is the signing library: loaded with the first use, not at start.
    const { checkCsr } = await import('./csr.js');
    const csr = await checkCsr(csrText);
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) row = await this.open(token, ip, now);
      const requestNumber = String(row.request_number);
      const der = await this.issuer.issue(
        csr,
        { name: row.holder_name, idType: row.id_type, idNumber: row.id_number, company: row.company, email: row.contact_email },
        row.serial_number!,
        { notBefore: toDate(row.valid_from)!, notAfter: toDate(row.valid_to)! },
      );
      const certificate = pem(der);
      try {
        await this.db.run((ds) => ds.transaction((m) => this.record(m, row, certificate, now)), 10_000);
        return { requestNumber, serialNumber: row.serial_number!, certificate, chain: (await this.issuer.chain()).map((c) => pem(c)) };
      } catch (error) {
        if (!lostRace(error) || attempt >= TRIES) throw error;
        await pauseAfterConflict(attempt);
      }
    }
  }

  private async record(m: EntityManager, row: LinkRow, certificate: string, now: Date): Promise<void> {
    const spent = await m
      .createQueryBuilder()
      .update(CertificateDownload)
      .set({ usedAt: now, openRequestId: null })
      .where('id = :id AND used_at IS NULL AND open_request_id IS NOT NULL AND expires_at > :now', { id: row.id, now: utcDatetime(now) })
      .execute();
    if (spent.affected !== 1) throw new DownloadRefused('TOKEN_USED');
    const requestNumber = String(row.request_number);
    const request = await requestState(m, requestNumber, now);
    if (request.stage !== 'ISSUED') throw new DownloadRefused('NOT_AVAILABLE');
    await claimRequest(m, request, requestNumber);
    await m.insert(IssuedCertificate, { requestId: row.request_id, serialNumber: row.serial_number!, certificate, issuedAt: now });
    await recordMove(
      m,
      this.historyKey,
      {
        requestId: row.request_id,
        requestNumber,
        actor: 'applicant',
        move: 'download',
        from: request.stage,
        to: request.stage,
        effect: { steps: [{ kind: 'DELIVERY', state: 'COMPLETED', text: { code: 'delivered' } }], reason: `Certificado ${row.serial_number}` },
        existingSteps: new Set(request.steps.keys()),
        recipient: null,
      },
      now,
    );
  }

  /** An operator sends a new link (server/certificates/download-resend.ts). */
  resendLink(requestNumber: string, actor: string, now = new Date()): Promise<{ requestNumber: string; expiresAt: Date }> {
    return resendDownloadLink(this.db, this.historyKey, this.delivery, requestNumber, actor, now);
  }

  /** The link the token opens, if it still does; unknown tokens spend the client's budget of failures. */
  private async open(token: string, ip: string, now: Date): Promise<LinkRow> {
    const rows: LinkRow[] = TOKEN.test(token)
      ? await this.db.run((ds) =>
          ds.query(
            `SELECT d.id, d.request_id, d.open_request_id, d.expires_at, d.used_at, r.request_number, r.holder_name, r.company, r.serial_number,
                    r.valid_from, r.valid_to, r.revoked_at, r.contact_email, a.id_type, a.id_number, t.name AS type_name
               FROM certificate_download d
               JOIN certificate_request r ON r.id = d.request_id
               JOIN applicant a ON a.id = r.applicant_id
               JOIN certificate_type t ON t.id = r.certificate_type_id
              WHERE d.token_hash = ?`,
            [downloadTokenHash(token)],
          ),
        )
      : [];
    const [row] = rows;
    if (!row) {
      // Guessing a 256-bit token is hopeless; the budget keeps the attempts from costing the database.
      await this.limits.consumeClient('captchaFailureIp', ip, 'download-token');
      throw new DownloadRefused('TOKEN_UNKNOWN');
    }
    if (row.used_at) throw new DownloadRefused('TOKEN_USED');
    if (row.open_request_id === null) throw new DownloadRefused('TOKEN_EXPIRED');
    if (toDate(row.expires_at)!.getTime() <= now.getTime()) throw new DownloadRefused('TOKEN_EXPIRED');
    const validTo = toDate(row.valid_to);
    if (row.revoked_at || !row.serial_number || !validTo || validTo.getTime() <= now.getTime()) throw new DownloadRefused('NOT_AVAILABLE');
    return row;
  }
}

