import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The CRL number's counter (server/lifecycle/numbers.ts, drawCrlNumber), and `next_value`
 * declared bigint as on MySQL (SQLite's integers are 64-bit either way). CRLs were numbered by
 * their signing second until now; the counter starts just above this second.
 */
export class CrlNumber1796006280301 implements MigrationInterface {
  name = 'CrlNumber1796006280301';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "temporary_number_sequence" ("name" varchar(32) PRIMARY KEY NOT NULL, "next_value" bigint NOT NULL)`);
    await queryRunner.query(`INSERT INTO "temporary_number_sequence"("name", "next_value") SELECT "name", "next_value" FROM "number_sequence"`);
    await queryRunner.query(`DROP TABLE "number_sequence"`);
    await queryRunner.query(`ALTER TABLE "temporary_number_sequence" RENAME TO "number_sequence"`);
    await queryRunner.query(`INSERT INTO "number_sequence" ("name", "next_value") VALUES ('crl_number', CAST(strftime('%s', 'now') AS INTEGER) + 1)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "number_sequence" WHERE "name" = 'crl_number'`);
    await queryRunner.query(`CREATE TABLE "temporary_number_sequence" ("name" varchar(32) PRIMARY KEY NOT NULL, "next_value" integer NOT NULL)`);
    await queryRunner.query(`INSERT INTO "temporary_number_sequence"("name", "next_value") SELECT "name", "next_value" FROM "number_sequence"`);
    await queryRunner.query(`DROP TABLE "number_sequence"`);
    await queryRunner.query(`ALTER TABLE "temporary_number_sequence" RENAME TO "number_sequence"`);
  }
}
