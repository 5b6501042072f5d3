import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lookup audit's key as a 64-bit counter (server/db/data-source.ts, WIDE_KEYS): an `int`
 * runs out after 2,147,483,647 rows ever written, retention or not. Written by hand: one
 * statement that keeps every row's id, where the generated one dropped and re-added the column.
 */
export class WideAuditKey1796003454413 implements MigrationInterface {
  name = 'WideAuditKey1796003454413';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `lookup_audit` MODIFY `id` bigint NOT NULL AUTO_INCREMENT');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `lookup_audit` MODIFY `id` int NOT NULL AUTO_INCREMENT');
  }
}
