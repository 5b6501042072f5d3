import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The CRL number's counter (server/lifecycle/numbers.ts, drawCrlNumber). CRLs were numbered by
 * their signing second until now; the counter starts just above this second, so every number
 * drawn from it is greater than any signed before.
 */
export class CrlNumber1796010000000 implements MigrationInterface {
  name = 'CrlNumber1796010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("INSERT INTO `number_sequence` (`name`, `next_value`) VALUES ('crl_number', UNIX_TIMESTAMP() + 1)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM `number_sequence` WHERE `name` = 'crl_number'");
  }
}
