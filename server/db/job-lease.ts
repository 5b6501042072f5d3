import { randomUUID } from 'node:crypto';
import { LessThan, Or, Equal } from 'typeorm';
import { JobLease } from '../../entities/index.js';
import { isDuplicateKey, isWriteConflict } from './conflicts.js';
import type { Database } from './database.js';

/**
 * Leases on periodic jobs, shared by every instance through the database: the instance that
 * takes a job's lease runs it, the others skip it until the lease lapses. The lease is held
 * for the whole period (not released after the run), so a job runs once per period however
 * many instances wake up for it; a holder that dies simply lets it lapse.
 */
export class JobLeases {
  readonly owner = randomUUID();

  constructor(private readonly db: Database) {}

  /** True when this instance holds `job` for `forMs` from `now` (it took it, or already held it). */
  async take(job: string, forMs: number, now = new Date()): Promise<boolean> {
    const until = new Date(now.getTime() + forMs);
    try {
      const taken = await this.db.run((ds) =>
        ds.getRepository(JobLease).update({ job, leaseUntil: Or(LessThan(now), Equal(now)) }, { owner: this.owner, leaseUntil: until }),
      );
      if (taken.affected === 1) return true;
      await this.db.run((ds) => ds.getRepository(JobLease).insert({ job, owner: this.owner, leaseUntil: until }));
      return true;
    } catch (error) {
      // Another instance took it in the same instant: its insert or its commit came first.
      if (isDuplicateKey(error) || isWriteConflict(error)) return false;
      throw error;
    }
  }
}
