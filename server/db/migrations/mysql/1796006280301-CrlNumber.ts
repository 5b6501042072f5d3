import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The CRL number's counter (server/lifecycle/numbers.ts, drawCrlNumber), and counters wide
 * enough for it. CRLs were numbered by their signing second until now; the counter starts just
 * above this second, and every draw is at least the current second. Written by hand: the
 * generated migration dropped and re-added `next_value`, losing the request and order counters.
 */
export class CrlNumber1796006280301 implements MigrationInterface {
  name = 'CrlNumber1796006280301';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `number_sequence` MODIFY `next_value` bigint NOT NULL');
    await queryRunner.query("INSERT INTO `number_sequence` (`name`, `next_value`) VALUES ('crl_number', UNIX_TIMESTAMP() + 1)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM `number_sequence` WHERE `name` = 'crl_number'");
    await queryRunner.query('ALTER TABLE `number_sequence` MODIFY `next_value` int NOT NULL');
  }
}
