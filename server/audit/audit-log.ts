import { LessThan } from 'typeorm';
import { LookupAudit, type AuditKind } from '../../entities/index.js';
import { deleteInBatches } from '../db/batches.js';
import type { Database } from '../db/database.js';
import { utcDatetime } from '../db/values.js';
import type { Logger } from '../log.js';

export interface AuditEntry {
  kind: AuditKind;
  identityHash: string | null;
  requestId: number | null;
  partnerId: number | null;
  clientNetwork: string;
  outcome: string;
  resultCount: number;
  occurredAt?: Date;
}

// One multi-row INSERT per batch, by hand: TypeORM's insert of entities cost about 60 µs of
// CPU per row, on the event loop the lookups share (BENCHMARKS.md).
const COLUMNS = 'occurred_at, kind, identity_hash, request_id, partner_id, client_network, outcome, result_count';
const PLACEHOLDERS = '(?, ?, ?, ?, ?, ?, ?, ?)';

type Pending = Required<AuditEntry>;

const FLUSH_EVERY_MS = 1_000;
// Rows per INSERT. Larger batches cost the database less per row, but building one holds the
// event loop the lookups share; at 100 rows that is a fraction of a millisecond.
export const AUDIT_BATCH = 100;
// Past this many unwritten entries (the database far behind) lookups are refused until the queue drains.
const MAX_PENDING = 50_000;

/**
 * The lookup audit, written off the request's path: `record` only queues; a timer writes
 * the queue every second in batches, so a crash loses at most the last second; `close` writes
 * what is left, so a clean shutdown loses nothing. The queue is bounded: once `full`, the
 * lookups are refused (PublicLookup) rather than answered unaudited.
 */
export class AuditLog {
  private pending: Pending[] = [];
  private writing = 0;
  private flushing: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    flushEveryMs = FLUSH_EVERY_MS,
    private readonly maxPending = MAX_PENDING,
  ) {
    this.timer = setInterval(() => void this.flush(), flushEveryMs).unref();
  }

  record(entry: AuditEntry): void {
    this.pending.push(entry.occurredAt ? (entry as Pending) : { ...entry, occurredAt: new Date() });
    if (this.pending.length === this.maxPending) this.log.error({ queued: this.pending.length }, 'audit queue full: lookups refused until it is written');
    // A full batch goes at once; a partial one waits for the timer, so under load the audit is
    // written in full batches rather than as a stream of small INSERTs (each its own commit).
    if (this.pending.length >= AUDIT_BATCH) void this.drain(true);
  }

  /** True while as many entries wait as the queue holds: no lookup may run until some are written. */
  get full(): boolean {
    // Entries being written count too: they are not written until their INSERT succeeds.
    return this.pending.length + this.writing >= this.maxPending;
  }

  get queued(): number {
    return this.pending.length;
  }

  /** Writes everything queued so far; entries that fail to write go back to the queue. */
  flush(): Promise<void> {
    return this.drain(false);
  }

  /** One writer at a time: either every full batch there is, or all that is queued when it begins. */
  private drain(fullBatchesOnly: boolean): Promise<void> {
    this.flushing ??= this.write(fullBatchesOnly).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async write(fullBatchesOnly: boolean): Promise<void> {
    // A flush writes what is queued when it begins: under load it must end, not go on writing a
    // few rows at a time for as long as the load lasts. Full batches go on while there are some.
    const least = fullBatchesOnly ? AUDIT_BATCH : 1;
    let left = fullBatchesOnly ? Infinity : this.pending.length;
    while (left > 0 && this.pending.length >= least && this.db.ready) {
      const batch = this.pending.splice(0, Math.min(AUDIT_BATCH, left));
      left -= batch.length;
      this.writing = batch.length;
      try {
        const values = batch.flatMap((e) => [utcDatetime(e.occurredAt), e.kind, e.identityHash, e.requestId, e.partnerId, e.clientNetwork, e.outcome, e.resultCount]);
        await this.db.run((ds) => ds.query(`INSERT INTO lookup_audit (${COLUMNS}) VALUES ${batch.map(() => PLACEHOLDERS).join(', ')}`, values));
      } catch (err) {
        this.pending.unshift(...batch);
        this.log.warn({ err, queued: this.pending.length }, 'audit entries not written yet');
        return;
      } finally {
        this.writing = 0;
      }
    }
  }

  /** Deletes entries older than the retention period; returns how many. */
  async purge(retentionDays: number, now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
    return deleteInBatches(this.db, LookupAudit, { occurredAt: LessThan(cutoff) }, 'id');
  }

  /** Stops the timer and writes what is queued, retrying for up to `timeoutMs`. */
  async close(timeoutMs = 5_000): Promise<void> {
    clearInterval(this.timer);
    const deadline = Date.now() + timeoutMs;
    while (this.pending.length > 0 && Date.now() < deadline) {
      await this.flush();
      if (this.pending.length > 0) await new Promise((r) => setTimeout(r, 200));
    }
    if (this.pending.length > 0) this.log.error({ lost: this.pending.length }, 'audit entries could not be written before shutdown');
  }
}

/**
 * Who consulted one identity (its keyed hash) since `since`, newest first: a range read of
 * ix_lookup_audit_occurred_identity over the period, the hash matched within the index, so
 * only that person's rows are read. An operator's query, rare next to the writes it spares.
 */
export function consultationsQuery(identityHash: string, since: Date): { sql: string; parameters: unknown[] } {
  const sql = `
    SELECT a.occurred_at AS occurred_at, a.kind AS kind, p.name AS partner, a.client_network AS network, a.outcome AS outcome, a.result_count AS results
      FROM lookup_audit a
      LEFT JOIN partner p ON p.id = a.partner_id
     WHERE a.occurred_at >= ? AND a.identity_hash = ?
     ORDER BY a.occurred_at DESC`;
  return { sql, parameters: [utcDatetime(since), identityHash] };
}
