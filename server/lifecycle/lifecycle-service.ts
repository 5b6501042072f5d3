import type { EntityManager } from 'typeorm';
import { CertificateRequest, CorrectionRequest, RequestEvent } from '../../entities/index.js';
import { lostRace, pauseAfterConflict } from '../db/conflicts.js';
import type { Database } from '../db/database.js';
import type { Operator } from '../operators/operator.js';
import type { PriceList } from '../payments/prices.js';
import { askForCorrection, type CorrectionAsk } from './corrections.js';
import type { HistoryKey } from './history.js';
import type { InvoiceLinks } from './invoice.js';
import { allowed, isSupervised, TRANSITIONS } from './machine.js';
import { effectOf, recipientOf, recordMove, type MoveInput } from './moves.js';
import { correctApplicantName, type NameCorrection } from './name-correction.js';
import { closeProposal, openProposal, openProposals, proposalConflict, proposalSeen, type ProposedMove } from './proposals.js';
import { illegalMove, type MoveRefused, type MoveResult, type ProposalView } from './refusals.js';
import { claimRequest, moveConflict, requestSeen, requestState } from './request-state.js';

export type { MoveInput } from './moves.js';
export { MoveRefused, STAGE_TEXT, type MoveResult, type ProposalView } from './refusals.js';

// Moves may wait on another operator's row lock; they get longer than a lookup.
const MOVE_DEADLINE_MS = 10_000;
/** Tries of a move that keeps losing write conflicts while what it decided on is unchanged. */
const MOVE_TRIES = 5;

/** The authority's side of a request: the moves, each in one transaction with its history and its e-mail. */
export class LifecycleService {
  constructor(
    private readonly db: Database,
    private readonly historyKey: HistoryKey,
    /** Where applicants reach this service (SSPS_PUBLIC_URL): the origin of the links e-mailed to them. */
    private readonly publicUrl: string,
    /** Prices each request's invoice (server/payments/prices.ts). */
    private readonly prices: PriceList,
    /** How long a delivery's download link lives (DOWNLOAD_TTL_HOURS). */
    private readonly downloadTtlHours = 72,
    /** Seals the invoice link the payment's e-mail carries. */
    private readonly invoiceLinks: InvoiceLinks | null = null,
  ) {}

  /** A move carried out at once; deliveries and revocations are proposed instead (`propose`). */
  async apply(input: MoveInput, now = new Date(), alongside?: (m: EntityManager, requestId: number) => Promise<void>): Promise<MoveResult> {
    if (isSupervised(input.move)) throw new Error(`${input.move} is carried out only on a supervisor's approval: propose it`);
    return this.write(requestOf(input.requestNumber), (m) => this.applyIn(m, input, now, alongside));
  }

  /** Four eyes: a delivery or revocation waits for another supervisor's approval; the stage does not move. */
  async propose(input: ProposedMove, proposer: Operator, now = new Date()): Promise<MoveResult> {
    return this.write(requestOf(input.requestNumber), async (m) => {
      const proposal = await openProposal(m, this.historyKey, input, proposer, now);
      const request = await requestState(m, input.requestNumber, now);
      return { requestNumber: input.requestNumber, stage: request.stage, serialNumber: null, proposal };
    });
  }

  /** Carries out a proposal through the one writing path, in one transaction with the decision. */
  async approveProposal(id: string, supervisor: Operator, now = new Date()): Promise<MoveResult> {
    return this.write(proposalOf(id), async (m) => {
      const { move, proposal } = await closeProposal(m, this.historyKey, id, supervisor, { outcome: 'APPROVED' }, now);
      return { ...(await this.applyIn(m, move, now)), proposal };
    });
  }

  async declineProposal(id: string, reason: string, supervisor: Operator, now = new Date()): Promise<MoveResult> {
    return this.write(proposalOf(id), async (m) => {
      const { move, proposal } = await closeProposal(m, this.historyKey, id, supervisor, { outcome: 'DECLINED', reason }, now);
      const request = await requestState(m, move.requestNumber, now);
      return { requestNumber: move.requestNumber, stage: request.stage, serialNumber: null, proposal };
    });
  }

  openProposals(requestNumber?: string): Promise<ProposalView[]> {
    return openProposals(this.db, requestNumber);
  }

  /** Asks the applicant for corrected documents (server/lifecycle/corrections.ts). */
  async requestCorrection(input: CorrectionAsk, operator: Operator, now = new Date()): Promise<MoveResult> {
    return this.write(requestOf(input.requestNumber), (m) => askForCorrection(m, this.historyKey, input, operator, this.publicUrl, now));
  }

  /** `alongside`: what the caller writes in the move's transaction once the move is written (a payment provider's record of the event). */
  private async applyIn(m: EntityManager, input: MoveInput, now: Date, alongside?: (m: EntityManager, requestId: number) => Promise<void>): Promise<MoveResult> {
    const request = await requestState(m, input.requestNumber, now);
    const from = request.stage;
    if (!allowed(input.move, from)) throw illegalMove(input.move, input.requestNumber, from);
    const to = TRANSITIONS[input.move].to;
    // First the version: the request's row now orders this move against any other on it.
    await claimRequest(m, request, input.requestNumber);
    // A correction still open (expired, or the request rejected while waiting) ends with the move.
    if (request.openCorrectionId) await m.update(CorrectionRequest, { id: request.openCorrectionId }, { openRequestId: null });

    const effect = await effectOf(input, {
      m,
      requestId: request.id,
      validityDays: request.validityDays,
      price: this.prices.priceOf(request.certificateTypeCode),
      from,
      now,
      delivery: { publicUrl: this.publicUrl, downloadTtlHours: this.downloadTtlHours },
      invoiceEmailLink: (stored) => {
        const link = this.invoiceLinks?.emailLink(stored, now.getTime());
        return link ? `${this.publicUrl}${link}` : null;
      },
    });
    if (effect.request) await m.update(CertificateRequest, { id: request.id }, effect.request);
    await recordMove(
      m,
      this.historyKey,
      { requestId: request.id, requestNumber: input.requestNumber, actor: input.actor, move: input.move, from, to, effect, existingSteps: new Set(request.steps.keys()), recipient: recipientOf(request, this.publicUrl) },
      now,
    );
    await alongside?.(m, request.id);
    return { requestNumber: input.requestNumber, stage: to, serialNumber: effect.request?.serialNumber ?? null };
  }

  /**
   * Runs one move's transaction. A try that lost a race was rolled back whole: a write conflict
   * (InnoDB's deadlock victim; a commit Galera's certification refused, also ER_LOCK_DEADLOCK;
   * SQLite's busy writer) or a unique index another transaction's row took first. It is tried
   * again only if what it decided on is unchanged (`seen`, read first in each try): a move that
   * lost to another move is never repeated blindly, but refused with CONFLICT — as is one that
   * keeps losing. A racing move answers CONFLICT, never an internal error.
   */
  private async write<T>(target: Target, work: (m: EntityManager) => Promise<T>): Promise<T> {
    let first: string | null | undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.run(
          (ds) =>
            ds.transaction(async (m) => {
              const seen = await target.seen(m);
              if (first === undefined) first = seen;
              else if (seen !== first) throw target.conflict();
              return work(m);
            }),
          MOVE_DEADLINE_MS,
        );
      } catch (error) {
        if (!lostRace(error)) throw error;
        if (attempt >= MOVE_TRIES) throw target.conflict();
        await pauseAfterConflict(attempt);
      }
    }
  }

  /** An operator's correction of the applicant's recorded name (see name-correction.ts). */
  async correctName(input: NameCorrection, now = new Date()): Promise<MoveResult> {
    return this.write(requestOf(input.requestNumber), (m) => correctApplicantName(m, this.historyKey, input, this.publicUrl, now));
  }

  async history(requestNumber: string): Promise<RequestEvent[]> {
    if (!/^\d{1,9}$/.test(requestNumber)) return [];
    return this.db.run((ds) =>
      ds
        .getRepository(RequestEvent)
        .createQueryBuilder('e')
        .innerJoin(CertificateRequest, 'r', 'r.id = e.request_id')
        .where('r.request_number = :n', { n: Number(requestNumber) })
        .orderBy('e.occurred_at', 'ASC')
        .addOrderBy('e.id', 'ASC')
        .getMany(),
    );
  }
}

/** What a move is about: how to read what it decides on, and how to refuse it when it lost a race. */
interface Target {
  seen(m: EntityManager): Promise<string | null>;
  conflict(): MoveRefused;
}

function requestOf(requestNumber: string): Target {
  return { seen: (m) => requestSeen(m, requestNumber), conflict: () => moveConflict(requestNumber) };
}

function proposalOf(id: string): Target {
  return { seen: (m) => proposalSeen(m, id), conflict: () => proposalConflict(id) };
}
