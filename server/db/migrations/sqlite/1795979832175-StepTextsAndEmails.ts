import type { MigrationInterface, QueryRunner } from 'typeorm';
import { codeStoredStepTexts } from '../step-text-codes.js';

/**
 * Written by hand from the generated one: TypeORM rebuilds a SQLite table to add a column
 * (a new table, a copy, DROP TABLE), and with foreign keys on, which a migration's transaction
 * cannot turn off, dropping certificate_request deletes every row that cascades from it (its
 * steps, documents, history). SQLite adds a nullable column, or one with a constant default,
 * in place: the same schema, nothing dropped.
 */
export class StepTextsAndEmails1795979832175 implements MigrationInterface {
  name = 'StepTextsAndEmails1795979832175';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notification_outbox_html" ("outbox_id" integer PRIMARY KEY NOT NULL, "html" text NOT NULL, CONSTRAINT "fk_notification_outbox_html_outbox" FOREIGN KEY ("outbox_id") REFERENCES "notification_outbox" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query('ALTER TABLE "certificate_request" ADD COLUMN "contact_language" varchar(2) NOT NULL DEFAULT (\'es\')');
    await queryRunner.query('ALTER TABLE "request_step" ADD COLUMN "text_code" varchar(32)');
    await queryRunner.query('ALTER TABLE "request_step" ADD COLUMN "text_params" varchar(1000)');
    // The steps already stored get their sentences' codes.
    await codeStoredStepTexts(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "request_step" DROP COLUMN "text_params"');
    await queryRunner.query('ALTER TABLE "request_step" DROP COLUMN "text_code"');
    await queryRunner.query('ALTER TABLE "certificate_request" DROP COLUMN "contact_language"');
    await queryRunner.query('DROP TABLE "notification_outbox_html"');
  }
}
