import type { EntityManager } from 'typeorm';
import { CertificateRequest, CorrectionRequest, RequestEvent } from '../../entities/index.js';
import type { Database } from '../db/database.js';
import type { Operator } from '../operators/operator.js';
import { askForCorrection, type CorrectionAsk } from './corrections.js';
import type { HistoryKey } from './history.js';
import { allowed, isSupervised, TRANSITIONS } from './machine.js';
import { effectOf, recordMove, type MoveInput } from './moves.js';
import { correctApplicantName, type NameCorrection } from './name-correction.js';
import { closeProposal, isDuplicate, openProposal, openProposals, proposalOpen, type ProposedMove } from './proposals.js';
import { illegalMove, type MoveResult, type ProposalView } from './refusals.js';
import { claimRequest, requestState } from './request-state.js';

export type { MoveInput } from './moves.js';
export { MoveRefused, STAGE_TEXT, type MoveResult, type ProposalView } from './refusals.js';

// Moves may wait on another operator's row lock; they get longer than a lookup.
const MOVE_DEADLINE_MS = 10_000;

/** The authority's side of a request: the moves, each in one transaction with its history and its e-mail. */
export class LifecycleService {
  constructor(
    private readonly db: Database,
    private readonly historyKey: HistoryKey,
    /** Where applicants reach this service (SSPS_PUBLIC_URL): the origin of the links e-mailed to them. */
    private readonly publicUrl: string,
  ) {}

  /** A move carried out at once; deliveries and revocations are proposed instead (`propose`). */
  async apply(input: MoveInput, now = new Date()): Promise<MoveResult> {
    if (isSupervised(input.move)) throw new Error(`${input.move} is carried out only on a supervisor's approval: propose it`);
    return this.db.run((ds) => ds.transaction((m) => this.applyIn(m, input, now)), MOVE_DEADLINE_MS);
  }

  /** Four eyes: a delivery or revocation waits for another supervisor's approval; the stage does not move. */
  async propose(input: ProposedMove, proposer: Operator, now = new Date()): Promise<MoveResult> {
    try {
      return await this.db.run(
        (ds) =>
          ds.transaction(async (m) => {
            const proposal = await openProposal(m, this.historyKey, input, proposer, now);
            const request = await requestState(m, input.requestNumber, now);
            return { requestNumber: input.requestNumber, stage: request.stage, serialNumber: null, proposal };
          }),
        MOVE_DEADLINE_MS,
      );
    } catch (error) {
      // Two proposals raced past the check: the unique index on the open proposal refused one.
      if (isDuplicate(error)) throw proposalOpen(input.requestNumber);
      throw error;
    }
  }

  /** Carries out a proposal through the one writing path, in one transaction with the decision. */
  async approveProposal(id: string, supervisor: Operator, now = new Date()): Promise<MoveResult> {
    return this.db.run(
      (ds) =>
        ds.transaction(async (m) => {
          const { move, proposal } = await closeProposal(m, this.historyKey, id, supervisor, { outcome: 'APPROVED' }, now);
          return { ...(await this.applyIn(m, move, now)), proposal };
        }),
      MOVE_DEADLINE_MS,
    );
  }

  async declineProposal(id: string, reason: string, supervisor: Operator, now = new Date()): Promise<MoveResult> {
    return this.db.run(
      (ds) =>
        ds.transaction(async (m) => {
          const { move, proposal } = await closeProposal(m, this.historyKey, id, supervisor, { outcome: 'DECLINED', reason }, now);
          const request = await requestState(m, move.requestNumber, now);
          return { requestNumber: move.requestNumber, stage: request.stage, serialNumber: null, proposal };
        }),
      MOVE_DEADLINE_MS,
    );
  }

  openProposals(requestNumber?: string): Promise<ProposalView[]> {
    return openProposals(this.db, requestNumber);
  }

  /** Asks the applicant for corrected documents (server/lifecycle/corrections.ts). */
  async requestCorrection(input: CorrectionAsk, operator: Operator, now = new Date()): Promise<MoveResult> {
    return this.db.run((ds) => ds.transaction((m) => askForCorrection(m, this.historyKey, input, operator, this.publicUrl, now)), MOVE_DEADLINE_MS);
  }

  private async applyIn(m: EntityManager, input: MoveInput, now: Date): Promise<MoveResult> {
    const request = await requestState(m, input.requestNumber, now);
    const from = request.stage;
    if (!allowed(input.move, from)) throw illegalMove(input.move, input.requestNumber, from);
    const to = TRANSITIONS[input.move].to;
    // A correction still open (expired, or the request rejected while waiting) ends with the move.
    if (request.openCorrectionId) await m.update(CorrectionRequest, { id: request.openCorrectionId }, { openRequestId: null });

    const effect = await effectOf(input, { m, requestId: request.id, validityDays: request.validityDays, from, now });
    await claimRequest(m, request, input.requestNumber, effect.request);
    // After the version update: the request's row now serializes this move's place in the chain.
    await recordMove(
      m,
      this.historyKey,
      { requestId: request.id, requestNumber: input.requestNumber, actor: input.actor, move: input.move, from, to, effect, existingSteps: new Set(request.steps.keys()), recipient: request.contactEmail },
      now,
    );
    return { requestNumber: input.requestNumber, stage: to, serialNumber: effect.request?.serialNumber ?? null };
  }

  /** An operator's correction of the applicant's recorded name (see name-correction.ts). */
  async correctName(input: NameCorrection, now = new Date()): Promise<MoveResult> {
    return this.db.run((ds) => ds.transaction((m) => correctApplicantName(m, this.historyKey, input, now)), MOVE_DEADLINE_MS);
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
