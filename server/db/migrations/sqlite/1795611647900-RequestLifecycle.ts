import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestLifecycle1795611647900 implements MigrationInterface {
  name = 'RequestLifecycle1795611647900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"invoice\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"invoice_number\" varchar(40) NOT NULL, \"token\" varchar(43) NOT NULL, \"issued_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_invoice_token\" ON \"invoice\" (\"token\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_invoice_request\" ON \"invoice\" (\"request_id\") ");
    await queryRunner.query("CREATE TABLE \"notification_outbox\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"recipient\" varchar(254) NOT NULL, \"subject\" varchar(200) NOT NULL, \"body\" varchar(4000) NOT NULL, \"created_at\" datetime NOT NULL, \"sent_at\" datetime, \"attempts\" integer NOT NULL DEFAULT (0), \"last_error\" varchar(500))");
    await queryRunner.query("CREATE INDEX \"ix_notification_outbox_pending\" ON \"notification_outbox\" (\"sent_at\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"request_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"occurred_at\" datetime NOT NULL, \"actor\" varchar(80) NOT NULL, \"move\" varchar(24) NOT NULL, \"from_stage\" varchar(24) NOT NULL, \"to_stage\" varchar(24) NOT NULL, \"reason\" varchar(500))");
    await queryRunner.query("CREATE INDEX \"ix_request_event_request\" ON \"request_event\" (\"request_id\", \"occurred_at\") ");
    await queryRunner.query("DROP INDEX \"ix_certificate_request_applicant\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_number\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_serial\"");
    await queryRunner.query("CREATE TABLE \"temporary_certificate_request\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_number\" integer NOT NULL, \"order_number\" integer NOT NULL, \"applicant_id\" integer NOT NULL, \"holder_name\" varchar(200) NOT NULL, \"company\" varchar(200), \"project\" varchar(200), \"certificate_type_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"issued_at\" datetime, \"serial_number\" varchar(32), \"valid_from\" datetime, \"valid_to\" datetime, \"revoked_at\" datetime, \"revocation_reason\" varchar(32), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"version\" integer NOT NULL DEFAULT (1), CONSTRAINT \"fk_certificate_request_type\" FOREIGN KEY (\"certificate_type_id\") REFERENCES \"certificate_type\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"fk_certificate_request_applicant\" FOREIGN KEY (\"applicant_id\") REFERENCES \"applicant\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_certificate_request\"(\"id\", \"request_number\", \"order_number\", \"applicant_id\", \"holder_name\", \"company\", \"project\", \"certificate_type_id\", \"status\", \"issued_at\", \"serial_number\", \"valid_from\", \"valid_to\", \"revoked_at\", \"revocation_reason\", \"created_at\", \"updated_at\") SELECT \"id\", \"request_number\", \"order_number\", \"applicant_id\", \"holder_name\", \"company\", \"project\", \"certificate_type_id\", \"status\", \"issued_at\", \"serial_number\", \"valid_from\", \"valid_to\", \"revoked_at\", \"revocation_reason\", \"created_at\", \"updated_at\" FROM \"certificate_request\"");
    await queryRunner.query("DROP TABLE \"certificate_request\"");
    await queryRunner.query("ALTER TABLE \"temporary_certificate_request\" RENAME TO \"certificate_request\"");
    await queryRunner.query("CREATE INDEX \"ix_certificate_request_applicant\" ON \"certificate_request\" (\"applicant_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_number\" ON \"certificate_request\" (\"request_number\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_serial\" ON \"certificate_request\" (\"serial_number\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_certificate_request_serial\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_number\"");
    await queryRunner.query("DROP INDEX \"ix_certificate_request_applicant\"");
    await queryRunner.query("ALTER TABLE \"certificate_request\" RENAME TO \"temporary_certificate_request\"");
    await queryRunner.query("CREATE TABLE \"certificate_request\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_number\" integer NOT NULL, \"order_number\" integer NOT NULL, \"applicant_id\" integer NOT NULL, \"holder_name\" varchar(200) NOT NULL, \"company\" varchar(200), \"project\" varchar(200), \"certificate_type_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"issued_at\" datetime, \"serial_number\" varchar(32), \"valid_from\" datetime, \"valid_to\" datetime, \"revoked_at\" datetime, \"revocation_reason\" varchar(32), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"fk_certificate_request_type\" FOREIGN KEY (\"certificate_type_id\") REFERENCES \"certificate_type\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"fk_certificate_request_applicant\" FOREIGN KEY (\"applicant_id\") REFERENCES \"applicant\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"certificate_request\"(\"id\", \"request_number\", \"order_number\", \"applicant_id\", \"holder_name\", \"company\", \"project\", \"certificate_type_id\", \"status\", \"issued_at\", \"serial_number\", \"valid_from\", \"valid_to\", \"revoked_at\", \"revocation_reason\", \"created_at\", \"updated_at\") SELECT \"id\", \"request_number\", \"order_number\", \"applicant_id\", \"holder_name\", \"company\", \"project\", \"certificate_type_id\", \"status\", \"issued_at\", \"serial_number\", \"valid_from\", \"valid_to\", \"revoked_at\", \"revocation_reason\", \"created_at\", \"updated_at\" FROM \"temporary_certificate_request\"");
    await queryRunner.query("DROP TABLE \"temporary_certificate_request\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_serial\" ON \"certificate_request\" (\"serial_number\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_number\" ON \"certificate_request\" (\"request_number\") ");
    await queryRunner.query("CREATE INDEX \"ix_certificate_request_applicant\" ON \"certificate_request\" (\"applicant_id\") ");
    await queryRunner.query("DROP INDEX \"ix_request_event_request\"");
    await queryRunner.query("DROP TABLE \"request_event\"");
    await queryRunner.query("DROP INDEX \"ix_notification_outbox_pending\"");
    await queryRunner.query("DROP TABLE \"notification_outbox\"");
    await queryRunner.query("DROP INDEX \"uq_invoice_request\"");
    await queryRunner.query("DROP INDEX \"uq_invoice_token\"");
    await queryRunner.query("DROP TABLE \"invoice\"");
  }
}
