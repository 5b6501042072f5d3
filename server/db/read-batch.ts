import { ServiceUnavailableError } from '../refusals.js';

/**
 * A hot-path read that many requests make at once with different parameters (a lookup by
 * identity, a detail by request), in two forms: the statement for one caller, and the same
 * statement for n callers, `SELECT <slot> AS batch_slot, …` parts joined by UNION ALL. Each
 * part is the single statement's own FROM and WHERE with that caller's parameters, so each
 * caller gets exactly the rows it would have got alone, told apart by the slot (never by
 * comparing values, which the database compares by its collation).
 */
export class BatchedStatement {
  /** The statement for one caller. */
  readonly single: string;
  private readonly batches = new Map<number, string>();

  /**
   * @param columns the select list, without SELECT
   * @param from FROM … WHERE …, with the statement's placeholders
   * @param orderBy the single statement's ORDER BY (table-qualified names), and the same
   *   order by the select list's output names, for the UNION's
   */
  constructor(
    private readonly columns: string,
    private readonly from: string,
    private readonly orderBy?: { single: string; byOutputNames: string },
  ) {
    this.single = `SELECT ${columns} ${from}${orderBy ? ` ORDER BY ${orderBy.single}` : ''}`;
  }

  /** The statement for `n` callers (n ≥ 2); built once per size. */
  batch(n: number): string {
    let sql = this.batches.get(n);
    if (!sql) {
      const parts = Array.from({ length: n }, (_, slot) => `SELECT ${slot} AS batch_slot, ${this.columns} ${this.from}`);
      // Without an order of its own, none for the batch either: the rows go to their callers by slot.
      sql = `${parts.join(' UNION ALL ')}${this.orderBy ? ` ORDER BY batch_slot, ${this.orderBy.byOutputNames}` : ''}`;
      this.batches.set(n, sql);
    }
    return sql;
  }
}

interface Waiting {
  parameters: unknown[];
  resolve: (rows: unknown[]) => void;
  reject: (error: unknown) => void;
  /** performance.now() when it asked: the deadline counts from there. */
  since: number;
  /** Answered or refused: nothing more reaches it. */
  settled: boolean;
}

/** The fewest callers a batch is given while connections are free (see `flush`). */
export const MIN_BATCH = 8;

type Execute = (sql: string, parameters: unknown[], deadlineMs: number) => Promise<unknown[]>;

/**
 * Coalesces the reads of many concurrent requests into fewer round trips. A read waits for the
 * end of the event loop's current turn (setImmediate), by which time every request whose bytes
 * arrived in that turn has asked too; then each statement's waiting callers go in one
 * or more batches of `minBatch` to `maxBatch` callers. While `maxInFlight` batches are out (the
 * pool's connections), callers wait here and form larger batches. A read alone goes as its
 * single statement, after the turn.
 *
 * Why: on MariaDB over TCP most of a point read's cost is per round trip, not per row — the
 * packet's write, the database thread's wake-up, the statement's execution set-up. Sixteen
 * lookups in one statement cost the database and this process about a third of sixteen
 * round trips (BENCHMARKS.md, "Reads in batches").
 *
 * A batch that fails fails for each of its callers, with the same error. Each caller keeps its
 * own deadline, counted from when it asked, whether it still waits here or its batch is out:
 * one timer refuses each caller when its deadline passes. A batch is sent with the time its
 * youngest caller has left, so an old caller never shortens a fresh one's.
 */
export class ReadBatcher {
  private readonly queues = new Map<BatchedStatement, Waiting[]>();
  /** The batches out, each in the order its callers asked. */
  private readonly out = new Set<Waiting[]>();
  private scheduled = false;
  private expiry: NodeJS.Timeout | null = null;

  constructor(
    private readonly execute: Execute,
    private readonly maxBatch: number,
    private readonly maxInFlight: number,
    private readonly deadlineMs: number,
    private readonly onBatch?: (callers: number) => void,
    private readonly minBatch = MIN_BATCH,
  ) {}

  read<T>(statement: BatchedStatement, parameters: unknown[]): Promise<T[]> {
    return new Promise<unknown[]>((resolve, reject) => {
      let queue = this.queues.get(statement);
      if (!queue) this.queues.set(statement, (queue = []));
      queue.push({ parameters, resolve, reject, since: performance.now(), settled: false });
      this.schedule();
    }) as Promise<T[]>;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  /**
   * Sends what waits. The free connections are shared among the statements that have callers
   * waiting, the one served longest ago first, so none starves another; each statement's callers are spread over its share, in
   * batches of at least `minBatch` and at most `maxBatch`. The database runs each statement's
   * parts one after the other in one thread, so a few smaller batches on several connections
   * read in parallel — on a database larger than its memory, that is the pages read from disk.
   */
  private readonly flush = (): void => {
    this.scheduled = false;
    let waiting = [...this.queues].filter(([, queue]) => queue.length > 0);
    while (waiting.length > 0 && this.out.size < this.maxInFlight) {
      const share = Math.max(1, Math.floor((this.maxInFlight - this.out.size) / waiting.length));
      for (const [statement, queue] of waiting) {
        if (this.out.size >= this.maxInFlight) break;
        const callers = Math.min(queue.length, share * this.maxBatch);
        const batches = Math.max(Math.ceil(callers / this.maxBatch), Math.min(share, Math.max(1, Math.floor(callers / this.minBatch))));
        const size = Math.ceil(callers / batches);
        for (let i = 0; i < batches && queue.length > 0 && this.out.size < this.maxInFlight; i++) this.send(statement, queue.splice(0, size));
        // Served: the next connection to come free goes first to the statements that were not.
        this.queues.delete(statement);
        this.queues.set(statement, queue);
      }
      waiting = waiting.filter(([, queue]) => queue.length > 0);
    }
    this.watchDeadlines();
  };

  /** One timer, set for the caller whose deadline comes first, waiting here or out. */
  private watchDeadlines(): void {
    if (this.expiry) return;
    let oldest = Infinity;
    // Queues and batches are in the order their callers asked: the first unsettled waited longest.
    for (const queue of this.queues.values()) if (queue.length > 0) oldest = Math.min(oldest, queue[0].since);
    for (const batch of this.out) {
      const first = batch.find((w) => !w.settled);
      if (first) oldest = Math.min(oldest, first.since);
    }
    if (oldest === Infinity) return;
    this.expiry = setTimeout(this.expire, Math.max(1, Math.ceil(oldest + this.deadlineMs - performance.now()))).unref();
  }

  private readonly expire = (): void => {
    this.expiry = null;
    const now = performance.now();
    const late = (w: Waiting) => now - w.since >= this.deadlineMs;
    for (const queue of this.queues.values()) while (queue.length > 0 && late(queue[0])) refuse(queue.shift()!);
    for (const batch of this.out) for (const w of batch) if (!w.settled && late(w)) refuse(w);
    this.watchDeadlines();
  };

  private send(statement: BatchedStatement, waiting: Waiting[]): void {
    const now = performance.now();
    const batch = waiting.filter((w) => {
      if (now - w.since < this.deadlineMs) return true;
      refuse(w);
      return false;
    });
    if (batch.length === 0) return;
    // The youngest caller's time bounds the round trip; each older one is refused at its own deadline.
    const deadlineMs = Math.max(1, Math.floor(this.deadlineMs - (now - batch[batch.length - 1].since)));
    const single = batch.length === 1;
    this.onBatch?.(batch.length);
    this.out.add(batch);
    this.execute(single ? statement.single : statement.batch(batch.length), single ? batch[0].parameters : batch.flatMap((w) => w.parameters), deadlineMs).then(
      (rows) => {
        this.done(batch);
        if (single) return answer(batch[0], rows);
        const bySlot = route(rows, batch.length);
        if (bySlot instanceof Error) for (const w of batch) fail(w, bySlot);
        else for (let i = 0; i < batch.length; i++) answer(batch[i], bySlot[i]);
      },
      (error: unknown) => {
        this.done(batch);
        for (const w of batch) fail(w, error);
      },
    );
  }

  private done(batch: Waiting[]): void {
    this.out.delete(batch);
    for (const queue of this.queues.values()) if (queue.length > 0) return this.schedule();
  }
}

/**
 * Each row to the caller whose slot it names. Every row must name a caller of this batch: a row
 * that does not (a statement or a driver that changed) fails the whole batch, never a guess.
 */
function route(rows: unknown[], callers: number): unknown[][] | Error {
  const bySlot: unknown[][] = Array.from({ length: callers }, () => []);
  for (const row of rows as { batch_slot?: unknown }[]) {
    const slot = typeof row.batch_slot === 'number' || typeof row.batch_slot === 'bigint' || (typeof row.batch_slot === 'string' && /^\d+$/.test(row.batch_slot)) ? Number(row.batch_slot) : NaN;
    if (!Number.isInteger(slot) || slot < 0 || slot >= callers) return new Error(`a batched read returned a row for slot ${String(row.batch_slot)} of ${callers}`);
    bySlot[slot].push(row);
  }
  return bySlot;
}

function answer(w: Waiting, rows: unknown[]): void {
  if (w.settled) return;
  w.settled = true;
  w.resolve(rows);
}

function fail(w: Waiting, error: unknown): void {
  if (w.settled) return;
  w.settled = true;
  w.reject(error);
}

function refuse(w: Waiting): void {
  fail(w, new ServiceUnavailableError('deadline'));
}
