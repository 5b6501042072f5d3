import type { MigrationInterface, QueryRunner } from 'typeorm';
import { codeStoredStepTexts } from '../step-text-codes.js';

export class StepTextsAndEmails1795979832175 implements MigrationInterface {
  name = 'StepTextsAndEmails1795979832175';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"notification_outbox_html\" (\"outbox_id\" integer PRIMARY KEY NOT NULL, \"html\" text NOT NULL)");
    await queryRunner.query("DROP INDEX \"ix_certificate_request_order\"");
    await queryRunner.query("DROP INDEX \"ix_certificate_request_applicant\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_number\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_serial\"");
    await queryRunner.query("CREATE TABLE \"temporary_certificate_request\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_number\" integer NOT NULL, \"order_number\" integer NOT NULL, \"applicant_id\" integer NOT NULL, \"holder_name\" varchar(200) NOT NULL, \"company\" varchar(200), \"project\" varchar(200), \"certificate_type_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"issued_at\" datetime, \"serial_number\" varchar(32), \"valid_from\" datetime, \"valid_to\" datetime, \"revoked_at\" datetime, \"revocation_reason\" varchar(32), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"version\" integer NOT NULL DEFAULT (1), \"contact_email\" varchar(254), \"contact_phone\" varchar(20), \"contact_language\" varchar(2) NOT NULL DEFAULT ('es'), CONSTRAINT \"fk_certificate_request_type\" FOREIGN KEY (\"certificate_type_id\") REFERENCES \"certificate_type\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"fk_certificate_request_applicant\" FOREIGN KEY (\"applicant_id\") REFERENCES \"applicant\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_certificate_request\"(\"id\", \"request_number\", \"order_number\", \"applicant_id\", \"holder_name\", \"company\", \"project\", \"certificate_type_id\", \"status\", \"issued_at\", \"serial_number\", \"valid_from\", \"valid_to\", \"revoked_at\", \"revocation_reason\", \"created_at\", \"updated_at\", \"version\", \"contact_email\", \"contact_phone\") SELECT \"id\", \"request_number\", \"order_number\", \"applicant_id\", \"holder_name\", \"company\", \"project\", \"certificate_type_id\", \"status\", \"issued_at\", \"serial_number\", \"valid_from\", \"valid_to\", \"revoked_at\", \"revocation_reason\", \"created_at\", \"updated_at\", \"version\", \"contact_email\", \"contact_phone\" FROM \"certificate_request\"");
    await queryRunner.query("DROP TABLE \"certificate_request\"");
    await queryRunner.query("ALTER TABLE \"temporary_certificate_request\" RENAME TO \"certificate_request\"");
    await queryRunner.query("CREATE INDEX \"ix_certificate_request_order\" ON \"certificate_request\" (\"order_number\") ");
    await queryRunner.query("CREATE INDEX \"ix_certificate_request_applicant\" ON \"certificate_request\" (\"applicant_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_number\" ON \"certificate_request\" (\"request_number\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_serial\" ON \"certificate_request\" (\"serial_number\") ");
    await queryRunner.query("DROP INDEX \"uq_request_step_kind\"");
    await queryRunner.query("CREATE TABLE \"temporary_request_step\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"kind\" varchar(16) NOT NULL, \"state\" varchar(16) NOT NULL, \"modified_at\" datetime, \"information\" varchar(500) NOT NULL, \"invoice_url\" varchar(500), \"text_code\" varchar(32), \"text_params\" varchar(1000), CONSTRAINT \"fk_request_step_request\" FOREIGN KEY (\"request_id\") REFERENCES \"certificate_request\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_request_step\"(\"id\", \"request_id\", \"kind\", \"state\", \"modified_at\", \"information\", \"invoice_url\") SELECT \"id\", \"request_id\", \"kind\", \"state\", \"modified_at\", \"information\", \"invoice_url\" FROM \"request_step\"");
    await queryRunner.query("DROP TABLE \"request_step\"");
    await queryRunner.query("ALTER TABLE \"temporary_request_step\" RENAME TO \"request_step\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_request_step_kind\" ON \"request_step\" (\"request_id\", \"kind\") ");
    await queryRunner.query("CREATE TABLE \"temporary_notification_outbox_html\" (\"outbox_id\" integer PRIMARY KEY NOT NULL, \"html\" text NOT NULL, CONSTRAINT \"fk_notification_outbox_html_outbox\" FOREIGN KEY (\"outbox_id\") REFERENCES \"notification_outbox\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_notification_outbox_html\"(\"outbox_id\", \"html\") SELECT \"outbox_id\", \"html\" FROM \"notification_outbox_html\"");
    await queryRunner.query("DROP TABLE \"notification_outbox_html\"");
    await queryRunner.query("ALTER TABLE \"temporary_notification_outbox_html\" RENAME TO \"notification_outbox_html\"");
    // The steps already stored get their sentences' codes.
    await codeStoredStepTexts(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"notification_outbox_html\" RENAME TO \"temporary_notification_outbox_html\"");
    await queryRunner.query("CREATE TABLE \"notification_outbox_html\" (\"outbox_id\" integer PRIMARY KEY NOT NULL, \"html\" text NOT NULL)");
    await queryRunner.query("INSERT INTO \"notification_outbox_html\"(\"outbox_id\", \"html\") SELECT \"outbox_id\", \"html\" FROM \"temporary_notification_outbox_html\"");
    await queryRunner.query("DROP TABLE \"temporary_notification_outbox_html\"");
    await queryRunner.query("DROP INDEX \"uq_request_step_kind\"");
    await queryRunner.query("ALTER TABLE \"request_step\" RENAME TO \"temporary_request_step\"");
    await queryRunner.query("CREATE TABLE \"request_step\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"kind\" varchar(16) NOT NULL, \"state\" varchar(16) NOT NULL, \"modified_at\" datetime, \"information\" varchar(500) NOT NULL, \"invoice_url\" varchar(500), CONSTRAINT \"fk_request_step_request\" FOREIGN KEY (\"request_id\") REFERENCES \"certificate_request\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"request_step\"(\"id\", \"request_id\", \"kind\", \"state\", \"modified_at\", \"information\", \"invoice_url\") SELECT \"id\", \"request_id\", \"kind\", \"state\", \"modified_at\", \"information\", \"invoice_url\" FROM \"temporary_request_step\"");
    await queryRunner.query("DROP TABLE \"temporary_request_step\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_request_step_kind\" ON \"request_step\" (\"request_id\", \"kind\") ");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_serial\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_number\"");
    await queryRunner.query("DROP INDEX \"ix_certificate_request_applicant\"");
    await queryRunner.query("DROP INDEX \"ix_certificate_request_order\"");
    await queryRunner.query("ALTER TABLE \"certificate_request\" RENAME TO \"temporary_certificate_request\"");
    await queryRunner.query("CREATE TABLE \"certificate_request\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_number\" integer NOT NULL, \"order_number\" integer NOT NULL, \"applicant_id\" integer NOT NULL, \"holder_name\" varchar(200) NOT NULL, \"company\" varchar(200), \"project\" varchar(200), \"certificate_type_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"issued_at\" datetime, \"serial_number\" varchar(32), \"valid_from\" datetime, \"valid_to\" datetime, \"revoked_at\" datetime, \"revocation_reason\" varchar(32), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"version\" integer NOT NULL DEFAULT (1), \"contact_email\" varchar(254), \"contact_phone\" varchar(20), CONSTRAINT \"fk_certificate_request_type\" FOREIGN KEY (\"certificate_type_id\") REFERENCES \"certificate_type\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"fk_certificate_request_applicant\" FOREIGN KEY (\"applicant_id\") REFERENCES \"applicant\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"certificate_request\"(\"id\", \"request_number\", \"order_number\", \"applicant_id\", \"holder_name\", \"company\", \"project\", \"certificate_type_id\", \"status\", \"issued_at\", \"serial_number\", \"valid_from\", \"valid_to\", \"revoked_at\", \"revocation_reason\", \"created_at\", \"updated_at\", \"version\", \"contact_email\", \"contact_phone\") SELECT \"id\", \"request_number\", \"order_number\", \"applicant_id\", \"holder_name\", \"company\", \"project\", \"certificate_type_id\", \"status\", \"issued_at\", \"serial_number\", \"valid_from\", \"valid_to\", \"revoked_at\", \"revocation_reason\", \"created_at\", \"updated_at\", \"version\", \"contact_email\", \"contact_phone\" FROM \"temporary_certificate_request\"");
    await queryRunner.query("DROP TABLE \"temporary_certificate_request\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_serial\" ON \"certificate_request\" (\"serial_number\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_number\" ON \"certificate_request\" (\"request_number\") ");
    await queryRunner.query("CREATE INDEX \"ix_certificate_request_applicant\" ON \"certificate_request\" (\"applicant_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_certificate_request_order\" ON \"certificate_request\" (\"order_number\") ");
    await queryRunner.query("DROP TABLE \"notification_outbox_html\"");
  }
}
