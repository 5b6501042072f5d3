import { LessThan } from 'typeorm';
import { UsedCaptcha } from '../../entities/index.js';
import { deleteInBatches } from '../db/batches.js';
import { isDuplicateKey, isWriteConflict } from '../db/conflicts.js';
import type { Database } from '../db/database.js';
import type { UsedTokenStore } from './captcha.js';

/**
 * Used challenges live in the database every instance shares; the primary key makes
 * "first use wins" atomic even when two instances receive the same token at once. On a
 * Galera cluster two nodes inserting the same challenge at once do not see each other's row:
 * the later commit is refused by certification and reported as a deadlock, which means the
 * same thing here — someone else used it first.
 */
export class DatabaseUsedTokenStore implements UsedTokenStore {
  constructor(private readonly db: Database) {}

  async markUsed(id: string, expiresAt: Date): Promise<boolean> {
    try {
      await this.db.run((ds) => ds.getRepository(UsedCaptcha).insert({ challengeId: id, expiresAt }));
      return true;
    } catch (error) {
      if (isDuplicateKey(error) || isWriteConflict(error)) return false;
      throw error;
    }
  }

  async purgeExpired(now = new Date()): Promise<number> {
    return deleteInBatches(this.db, UsedCaptcha, { expiresAt: LessThan(now) }, 'challengeId');
  }
}
