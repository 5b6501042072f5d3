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
}

type Execute = (sql: string, parameters: unknown[], deadlineMs: number) => Promise<unknown[]>;

/**
 * Coalesces the reads of many concurrent requests into fewer round trips. A read waits for the
 * end of the event loop's current turn (setImmediate), by which time every request whose bytes
 * arrived in that turn has asked too; then each statement's waiting callers go as one batch of
 * up to `maxBatch`. While `maxInFlight` batches are out (the pool's connections), callers wait
 * here and form larger batches. A read alone goes as its single statement, after the turn.
 *
 * Why: on MariaDB over TCP most of a point read's cost is per round trip, not per row — the
 * packet's write, the database thread's wake-up, the statement's execution set-up. Sixteen
 * lookups in one statement cost the database and this process about a third of sixteen
 * round trips (BENCHMARKS.md, "Reads in batches").
 *
 * A batch that fails fails for each of its callers, with the same error. Each caller's deadline
 * counts from when it asked: one waiting here is refused when it passes, and a batch gets what
 * is left of its oldest caller's.
 */
export class ReadBatcher {
  private readonly queues = new Map<BatchedStatement, Waiting[]>();
  private scheduled = false;
  private inFlight = 0;
  private expiry: NodeJS.Timeout | null = null;

  constructor(
    private readonly execute: Execute,
    private readonly maxBatch: number,
    private readonly maxInFlight: number,
    private readonly deadlineMs: number,
    private readonly onBatch?: (callers: number) => void,
  ) {}

  read<T>(statement: BatchedStatement, parameters: unknown[]): Promise<T[]> {
    return new Promise<unknown[]>((resolve, reject) => {
      let queue = this.queues.get(statement);
      if (!queue) this.queues.set(statement, (queue = []));
      queue.push({ parameters, resolve, reject, since: performance.now() });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.flush);
      }
    }) as Promise<T[]>;
  }

  /** Sends what waits: one batch per statement in turn, so no statement starves another. */
  private readonly flush = (): void => {
    this.scheduled = false;
    let sent = true;
    while (sent && this.inFlight < this.maxInFlight) {
      sent = false;
      for (const [statement, queue] of this.queues) {
        if (queue.length === 0 || this.inFlight >= this.maxInFlight) continue;
        this.send(statement, queue.splice(0, this.maxBatch));
        sent = true;
      }
    }
    this.watchDeadlines();
  };

  /** While callers wait for a free connection, one timer refuses each at its deadline. */
  private watchDeadlines(): void {
    if (this.expiry) return;
    let oldest = Infinity;
    // Each queue is in the order its callers asked: its first waited longest.
    for (const queue of this.queues.values()) if (queue.length > 0) oldest = Math.min(oldest, queue[0].since);
    if (oldest === Infinity) return;
    this.expiry = setTimeout(() => {
      this.expiry = null;
      const now = performance.now();
      for (const queue of this.queues.values()) {
        while (queue.length > 0 && now - queue[0].since >= this.deadlineMs) queue.shift()!.reject(new ServiceUnavailableError('deadline'));
      }
      this.watchDeadlines();
    }, Math.max(1, Math.ceil(oldest + this.deadlineMs - performance.now()))).unref();
  }

  private send(statement: BatchedStatement, waiting: Waiting[]): void {
    const now = performance.now();
    const late = waiting.filter((w) => now - w.since >= this.deadlineMs);
    for (const w of late) w.reject(new ServiceUnavailableError('deadline'));
    const batch = late.length ? waiting.filter((w) => now - w.since < this.deadlineMs) : waiting;
    if (batch.length === 0) return;
    // What is left of the oldest caller's deadline bounds the whole batch.
    const deadlineMs = Math.max(1, Math.floor(this.deadlineMs - (now - batch[0].since)));
    const single = batch.length === 1;
    this.onBatch?.(batch.length);
    this.inFlight++;
    this.execute(single ? statement.single : statement.batch(batch.length), single ? batch[0].parameters : batch.flatMap((w) => w.parameters), deadlineMs).then(
      (rows) => {
        this.done();
        if (single) return batch[0].resolve(rows);
        const bySlot: unknown[][] = batch.map(() => []);
        for (const row of rows as { batch_slot: number | string }[]) bySlot[Number(row.batch_slot)].push(row);
        for (let i = 0; i < batch.length; i++) batch[i].resolve(bySlot[i]);
      },
      (error: unknown) => {
        this.done();
        for (const w of batch) w.reject(error);
      },
    );
  }

  private done(): void {
    this.inFlight--;
    if (!this.scheduled) for (const queue of this.queues.values()) if (queue.length > 0) {
      this.scheduled = true;
      setImmediate(this.flush);
      break;
    }
  }
}
