import type { IdType } from '../../graphql/id-number.js';
import type { AuditKind } from '../../entities/index.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CaptchaGate } from '../captcha/gate.js';
import type { Database } from '../db/database.js';
import { certificateBySerial, type CertificateStatusView } from '../lifecycle/serial.js';
import type { Caller } from '../partners/partner-service.js';
import { clientNetwork, type Pseudonymizer } from '../privacy.js';
import type { RateLimits } from '../ratelimit/limits.js';
import { Refusal, ServiceUnavailableError } from '../refusals.js';
import type { Language } from '../lifecycle/step-texts.js';
import type { LookupResult, RequestDetail, RequestService } from './lookup-service.js';

/**
 * Everything that stands between a caller and the requests: who may ask (a solved CAPTCHA
 * or a partner key), how often (rate limits), and the record that they asked (the audit).
 */
export class PublicLookup {
  constructor(
    private readonly requests: RequestService,
    private readonly captcha: CaptchaGate,
    private readonly limits: RateLimits,
    private readonly audit: AuditLog,
    private readonly pseudonyms: Pseudonymizer,
    private readonly db: Database,
  ) {}

  async lookup(caller: Caller, idType: IdType, idNumber: string, captchaToken: string | null | undefined): Promise<LookupResult> {
    const identityHash = this.pseudonyms.identity(idType, idNumber);
    return this.audited(caller, { kind: 'LOOKUP', identityHash, requestId: null }, async () => {
      if (caller.partner) {
        await this.limits.consumePartner(caller.partner.id, caller.partner.ratePerMinute);
      } else {
        // The CAPTCHA first: a caller without a solved one spends no lookup budget, neither the
        // address's nor the person's (failures have their own bucket, see CaptchaGate).
        await this.captcha.spend(captchaToken, caller.ip);
        await this.limits.consumeClient('lookupIp', caller.ip);
        // A person's budget is counted per client network: whoever exhausts it from one
        // address cannot lock the person (or an office helping them) out from another.
        await this.limits.consumeClient('lookupIdentity', caller.ip, identityHash);
      }
      const result = await this.requests.lookup(idType, idNumber);
      return { result, count: result.requests.length };
    });
  }

  async detail(caller: Caller, handle: string, orderNumber: string | null | undefined, language: Language = 'es'): Promise<RequestDetail | null> {
    const audit = { kind: 'DETAIL' as const, identityHash: null as string | null, requestId: null as number | null };
    return this.audited(caller, audit, async () => {
      if (caller.partner) await this.limits.consumePartner(caller.partner.id, caller.partner.ratePerMinute);
      else await this.limits.consumeClient('detailIp', caller.ip);
      const found = await this.requests.detail(handle, orderNumber, language);
      if (found) {
        audit.identityHash = this.pseudonyms.identity(found.applicant.idType, found.applicant.idNumber);
        audit.requestId = found.requestId;
      }
      return { result: found?.detail ?? null, count: found ? 1 : 0 };
    });
  }

  /** A relying party's check of a serial number: a partner's call, spent from its budget and audited like a detail read. */
  async serial(caller: Caller & { partner: NonNullable<Caller['partner']> }, serial: string): Promise<CertificateStatusView | null> {
    const audit = { kind: 'SERIAL' as const, identityHash: null as string | null, requestId: null as number | null };
    return this.audited(caller, audit, async () => {
      await this.limits.consumePartner(caller.partner.id, caller.partner.ratePerMinute);
      const found = await certificateBySerial(this.db, serial);
      if (found) {
        audit.identityHash = this.pseudonyms.identity(found.holder.idType, found.holder.idNumber);
        audit.requestId = found.requestId;
      }
      return { result: found?.status ?? null, count: found ? 1 : 0 };
    });
  }

  private async audited<T>(
    caller: Caller,
    entry: { kind: AuditKind; identityHash: string | null; requestId: number | null },
    work: () => Promise<{ result: T; count: number }>,
  ): Promise<T> {
    // Nothing is read that cannot be audited: with the audit's queue full (the database far
    // behind), the lookup is refused as unavailable, and that refusal is not queued either.
    if (this.audit.full) throw new ServiceUnavailableError('audit');
    // One entry object per request, built after the work (the detail learns whose request it was).
    const record = (outcome: string, resultCount: number) =>
      this.audit.record({
        kind: entry.kind,
        identityHash: entry.identityHash,
        requestId: entry.requestId,
        partnerId: caller.partner?.id ?? null,
        clientNetwork: clientNetwork(caller.ip),
        outcome,
        resultCount,
        occurredAt: new Date(),
      });
    try {
      const { result, count } = await work();
      // An empty lookup is an answer; a detail or serial that names nothing is not.
      record(count === 0 && entry.kind !== 'LOOKUP' ? 'NOT_FOUND' : 'OK', count);
      return result;
    } catch (error) {
      record(error instanceof Refusal || error instanceof ServiceUnavailableError ? error.code : 'ERROR', 0);
      throw error;
    }
  }
}
