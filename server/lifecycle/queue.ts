import { In, type EntityManager } from 'typeorm';
import { CertificateRequest, RequestQueue } from '../../entities/index.js';
import type { Stage } from './machine.js';

/**
 * The queue's stages: the lifecycle's, except EXPIRED. Expiry is the passing of `valid_to`, not
 * a move, so nothing would write it; an expired certificate stays ISSUED in request_queue.
 */
export type QueueStage = Exclude<Stage, 'EXPIRED'>;
export const QUEUE_STAGES: readonly QueueStage[] = ['AWAITING_FILING', 'AWAITING_CORRECTION', 'AWAITING_PAYMENT', 'AWAITING_APPROVAL', 'AWAITING_DELIVERY', 'ISSUED', 'REVOKED', 'REJECTED', 'CANCELLED'];
export const OPEN_STAGES: readonly QueueStage[] = ['AWAITING_FILING', 'AWAITING_CORRECTION', 'AWAITING_PAYMENT', 'AWAITING_APPROVAL', 'AWAITING_DELIVERY'];

export function queueStage(stage: Stage): QueueStage {
  return stage === 'EXPIRED' ? 'ISSUED' : stage;
}

/**
 * In a move's transaction (recordMove): the request is now at `stage`, since `now`. A request
 * with no queue row yet — a submission, which has just created it — gets one, filed at its creation.
 */
export async function placeInQueue(m: EntityManager, requestId: number, stage: Stage, now: Date): Promise<void> {
  // A plain read first, not an UPDATE of a row that may not exist: on InnoDB that UPDATE locks
  // the gap where the row would go, and concurrent submissions then deadlock on each other's gaps.
  // A move already holds its request's row (claimRequest), so nothing races this read for one request.
  if (await m.existsBy(RequestQueue, { requestId })) {
    await m.update(RequestQueue, { requestId }, { stage: queueStage(stage), since: now });
    return;
  }
  const request = await m.findOneByOrFail(CertificateRequest, { id: requestId });
  await m.insert(RequestQueue, { requestId, stage: queueStage(stage), filedAt: request.createdAt, since: now, certificateTypeId: request.certificateTypeId });
}

/**
 * Derives the queue rows of requests written outside the moves (the demo scenarios, synthetic
 * data) from their stored status and steps, as machine.ts's stageOf does; `since` is their newest step.
 */
export async function requeue(m: EntityManager, requestIds: number[]): Promise<void> {
  for (let i = 0; i < requestIds.length; i += 500) {
    const batch = requestIds.slice(i, i + 500);
    await m.delete(RequestQueue, { requestId: In(batch) });
    await m.query(`${DERIVED_QUEUE_ROWS} WHERE r.id IN (${batch.map(() => '?').join(', ')})`, batch);
  }
}

const DERIVED_QUEUE_ROWS = `
  INSERT INTO request_queue (request_id, stage, filed_at, since, certificate_type_id)
  SELECT r.id,
         CASE WHEN r.status = 'REJECTED' THEN 'REJECTED'
              WHEN r.status = 'CANCELLED' THEN 'CANCELLED'
              WHEN v.state = 'REVOKED' THEN 'REVOKED'
              WHEN v.state = 'VALID' THEN 'ISSUED'
              WHEN f.state IS NULL OR f.state <> 'COMPLETED' THEN 'AWAITING_FILING'
              WHEN p.state IS NULL OR p.state <> 'COMPLETED' THEN 'AWAITING_PAYMENT'
              WHEN a.state IS NULL OR a.state <> 'COMPLETED' THEN 'AWAITING_APPROVAL'
              ELSE 'AWAITING_DELIVERY' END,
         r.created_at,
         COALESCE((SELECT MAX(s.modified_at) FROM request_step s WHERE s.request_id = r.id), r.created_at),
         r.certificate_type_id
    FROM certificate_request r
    LEFT JOIN request_step f ON f.request_id = r.id AND f.kind = 'FILING'
    LEFT JOIN request_step p ON p.request_id = r.id AND p.kind = 'PAYMENT'
    LEFT JOIN request_step a ON a.request_id = r.id AND a.kind = 'APPROVAL'
    LEFT JOIN request_step v ON v.request_id = r.id AND v.kind = 'VALIDITY'`;

/**
 * A correction link that expired unused puts its request back in the filing review without a
 * move (machine.ts derives AWAITING_CORRECTION only from a live link): the queue's index follows
 * here, run with the periodic jobs. Returns how many requests went back.
 */
export async function requeueExpiredCorrections(m: EntityManager, now: Date): Promise<number> {
  const result = await m
    .createQueryBuilder()
    .update(RequestQueue)
    .set({ stage: 'AWAITING_FILING', since: now })
    .where("stage = 'AWAITING_CORRECTION'")
    .andWhere('NOT EXISTS (SELECT 1 FROM correction_request c WHERE c.open_request_id = request_queue.request_id AND c.expires_at > :now)', { now })
    .execute();
  return result.affected ?? 0;
}
