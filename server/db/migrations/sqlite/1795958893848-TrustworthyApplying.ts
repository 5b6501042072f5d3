import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TrustworthyApplying1795958893848 implements MigrationInterface {
  name = 'TrustworthyApplying1795958893848';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_notification_outbox_pending\"");
    await queryRunner.query("CREATE TABLE \"temporary_notification_outbox\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"recipient\" varchar(254) NOT NULL, \"subject\" varchar(200) NOT NULL, \"body\" varchar(4000) NOT NULL, \"created_at\" datetime NOT NULL, \"sent_at\" datetime, \"attempts\" integer NOT NULL DEFAULT (0), \"last_error\" varchar(500))");
    await queryRunner.query("INSERT INTO \"temporary_notification_outbox\"(\"id\", \"request_id\", \"recipient\", \"subject\", \"body\", \"created_at\", \"sent_at\", \"attempts\", \"last_error\") SELECT \"id\", \"request_id\", \"recipient\", \"subject\", \"body\", \"created_at\", \"sent_at\", \"attempts\", \"last_error\" FROM \"notification_outbox\"");
    await queryRunner.query("DROP TABLE \"notification_outbox\"");
    await queryRunner.query("ALTER TABLE \"temporary_notification_outbox\" RENAME TO \"notification_outbox\"");
    await queryRunner.query("CREATE INDEX \"ix_notification_outbox_pending\" ON \"notification_outbox\" (\"sent_at\", \"id\") ");
    await queryRunner.query("DROP INDEX \"ix_application_draft_expires\"");
    await queryRunner.query("CREATE TABLE \"temporary_application_draft\" (\"id\" varchar(43) PRIMARY KEY NOT NULL, \"created_at\" datetime NOT NULL, \"expires_at\" datetime NOT NULL, \"terms_version\" varchar(20) NOT NULL, \"terms_accepted_at\" datetime NOT NULL, \"client_network\" varchar(64) NOT NULL, \"request_id\" integer, \"email\" varchar(254), \"email_code_hash\" varchar(64), \"email_code_expires_at\" datetime, \"email_code_sent_at\" datetime, \"email_codes_sent\" integer NOT NULL DEFAULT (0), \"email_code_attempts\" integer NOT NULL DEFAULT (0), \"email_confirmed_at\" datetime)");
    await queryRunner.query("INSERT INTO \"temporary_application_draft\"(\"id\", \"created_at\", \"expires_at\", \"terms_version\", \"terms_accepted_at\", \"client_network\", \"request_id\") SELECT \"id\", \"created_at\", \"expires_at\", \"terms_version\", \"terms_accepted_at\", \"client_network\", \"request_id\" FROM \"application_draft\"");
    await queryRunner.query("DROP TABLE \"application_draft\"");
    await queryRunner.query("ALTER TABLE \"temporary_application_draft\" RENAME TO \"application_draft\"");
    await queryRunner.query("CREATE INDEX \"ix_application_draft_expires\" ON \"application_draft\" (\"expires_at\") ");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_serial\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_number\"");
    await queryRunner.query("DROP INDEX \"ix_certificate_request_applicant\"");
    await queryRunner.query("CREATE TABLE \"temporary_certificate_request\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_number\" integer NOT NULL, \"order_number\" integer NOT NULL, \"applicant_id\" integer NOT NULL, \"holder_name\" varchar(200) NOT NULL, \"company\" varchar(200), \"project\" varchar(200), \"certificate_type_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"issued_at\" datetime, \"serial_number\" varchar(32), \"valid_from\" datetime, \"valid_to\" datetime, \"revoked_at\" datetime, \"revocation_reason\" varchar(32), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"version\" integer NOT NULL DEFAULT (1), \"contact_email\" varchar(254), \"contact_phone\" varchar(20), CONSTRAINT \"fk_certificate_request_applicant\" FOREIGN KEY (\"applicant_id\") REFERENCES \"applicant\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"fk_certificate_request_type\" FOREIGN KEY (\"certificate_type_id\") REFERENCES \"certificate_type\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_certificate_request\"(\"id\", \"request_number\", \"order_number\", \"applicant_id\", \"holder_name\", \"company\", \"project\", \"certificate_type_id\", \"status\", \"issued_at\", \"serial_number\", \"valid_from\", \"valid_to\", \"revoked_at\", \"revocation_reason\", \"created_at\", \"updated_at\", \"version\") SELECT \"id\", \"request_number\", \"order_number\", \"applicant_id\", \"holder_name\", \"company\", \"project\", \"certificate_type_id\", \"status\", \"issued_at\", \"serial_number\", \"valid_from\", \"valid_to\", \"revoked_at\", \"revocation_reason\", \"created_at\", \"updated_at\", \"version\" FROM \"certificate_request\"");
    await queryRunner.query("DROP TABLE \"certificate_request\"");
    await queryRunner.query("ALTER TABLE \"temporary_certificate_request\" RENAME TO \"certificate_request\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_serial\" ON \"certificate_request\" (\"serial_number\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_number\" ON \"certificate_request\" (\"request_number\") ");
    await queryRunner.query("CREATE INDEX \"ix_certificate_request_applicant\" ON \"certificate_request\" (\"applicant_id\") ");
    await queryRunner.query("DROP INDEX \"uq_request_document_draft_kind\"");
    await queryRunner.query("DROP INDEX \"ix_request_document_request\"");
    await queryRunner.query("CREATE TABLE \"temporary_request_document\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"draft_id\" varchar(43) NOT NULL, \"request_id\" integer, \"kind\" varchar(32) NOT NULL, \"media_type\" varchar(40) NOT NULL, \"size\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"original_name\" varchar(200), \"uploaded_at\" datetime NOT NULL, \"storage_key\" varchar(64) NOT NULL)");
    await queryRunner.query("INSERT INTO \"temporary_request_document\"(\"id\", \"draft_id\", \"request_id\", \"kind\", \"media_type\", \"size\", \"sha256\", \"original_name\", \"uploaded_at\", \"storage_key\") SELECT \"id\", \"draft_id\", \"request_id\", \"kind\", \"media_type\", \"size\", \"sha256\", \"original_name\", \"uploaded_at\", \"sha256\" FROM \"request_document\"");
    await queryRunner.query("DROP TABLE \"request_document\"");
    await queryRunner.query("ALTER TABLE \"temporary_request_document\" RENAME TO \"request_document\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_request_document_draft_kind\" ON \"request_document\" (\"draft_id\", \"kind\") ");
    await queryRunner.query("CREATE INDEX \"ix_request_document_request\" ON \"request_document\" (\"request_id\") ");
    await queryRunner.query("DROP INDEX \"ix_request_event_request\"");
    await queryRunner.query("CREATE TABLE \"temporary_request_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"occurred_at\" datetime NOT NULL, \"actor\" varchar(80) NOT NULL, \"move\" varchar(24) NOT NULL, \"from_stage\" varchar(24) NOT NULL, \"to_stage\" varchar(24) NOT NULL, \"reason\" varchar(500), \"hash\" varchar(64))");
    await queryRunner.query("INSERT INTO \"temporary_request_event\"(\"id\", \"request_id\", \"occurred_at\", \"actor\", \"move\", \"from_stage\", \"to_stage\", \"reason\") SELECT \"id\", \"request_id\", \"occurred_at\", \"actor\", \"move\", \"from_stage\", \"to_stage\", \"reason\" FROM \"request_event\"");
    await queryRunner.query("DROP TABLE \"request_event\"");
    await queryRunner.query("ALTER TABLE \"temporary_request_event\" RENAME TO \"request_event\"");
    await queryRunner.query("CREATE INDEX \"ix_request_event_request\" ON \"request_event\" (\"request_id\", \"occurred_at\") ");
    await queryRunner.query("DROP INDEX \"ix_notification_outbox_pending\"");
    await queryRunner.query("CREATE TABLE \"temporary_notification_outbox\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer, \"recipient\" varchar(254) NOT NULL, \"subject\" varchar(200) NOT NULL, \"body\" varchar(4000) NOT NULL, \"created_at\" datetime NOT NULL, \"sent_at\" datetime, \"attempts\" integer NOT NULL DEFAULT (0), \"last_error\" varchar(500))");
    await queryRunner.query("INSERT INTO \"temporary_notification_outbox\"(\"id\", \"request_id\", \"recipient\", \"subject\", \"body\", \"created_at\", \"sent_at\", \"attempts\", \"last_error\") SELECT \"id\", \"request_id\", \"recipient\", \"subject\", \"body\", \"created_at\", \"sent_at\", \"attempts\", \"last_error\" FROM \"notification_outbox\"");
    await queryRunner.query("DROP TABLE \"notification_outbox\"");
    await queryRunner.query("ALTER TABLE \"temporary_notification_outbox\" RENAME TO \"notification_outbox\"");
    await queryRunner.query("CREATE INDEX \"ix_notification_outbox_pending\" ON \"notification_outbox\" (\"sent_at\", \"id\") ");
    await queryRunner.query("DROP INDEX \"ix_request_event_request\"");
    await queryRunner.query("CREATE TABLE \"temporary_request_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"occurred_at\" datetime NOT NULL, \"actor\" varchar(80) NOT NULL, \"move\" varchar(24) NOT NULL, \"from_stage\" varchar(24) NOT NULL, \"to_stage\" varchar(24) NOT NULL, \"reason\" varchar(1000), \"hash\" varchar(64))");
    await queryRunner.query("INSERT INTO \"temporary_request_event\"(\"id\", \"request_id\", \"occurred_at\", \"actor\", \"move\", \"from_stage\", \"to_stage\", \"reason\", \"hash\") SELECT \"id\", \"request_id\", \"occurred_at\", \"actor\", \"move\", \"from_stage\", \"to_stage\", \"reason\", \"hash\" FROM \"request_event\"");
    await queryRunner.query("DROP TABLE \"request_event\"");
    await queryRunner.query("ALTER TABLE \"temporary_request_event\" RENAME TO \"request_event\"");
    await queryRunner.query("CREATE INDEX \"ix_request_event_request\" ON \"request_event\" (\"request_id\", \"occurred_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_request_document_storage_key\" ON \"request_document\" (\"storage_key\") ");
    // Requests filed before: their e-mails keep going where their filing e-mail went (the address
    // given with that application), or else to the person's address on record.
    await queryRunner.query("UPDATE \"certificate_request\" SET \"contact_email\" = COALESCE((SELECT \"o\".\"recipient\" FROM \"notification_outbox\" \"o\" WHERE \"o\".\"request_id\" = \"certificate_request\".\"id\" ORDER BY \"o\".\"id\" LIMIT 1), (SELECT \"a\".\"email\" FROM \"applicant\" \"a\" WHERE \"a\".\"id\" = \"certificate_request\".\"applicant_id\")), \"contact_phone\" = (SELECT \"a\".\"phone\" FROM \"applicant\" \"a\" WHERE \"a\".\"id\" = \"certificate_request\".\"applicant_id\")");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_request_document_storage_key\"");
    await queryRunner.query("DROP INDEX \"ix_request_event_request\"");
    await queryRunner.query("ALTER TABLE \"request_event\" RENAME TO \"temporary_request_event\"");
    await queryRunner.query("CREATE TABLE \"request_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"occurred_at\" datetime NOT NULL, \"actor\" varchar(80) NOT NULL, \"move\" varchar(24) NOT NULL, \"from_stage\" varchar(24) NOT NULL, \"to_stage\" varchar(24) NOT NULL, \"reason\" varchar(500), \"hash\" varchar(64))");
    await queryRunner.query("INSERT INTO \"request_event\"(\"id\", \"request_id\", \"occurred_at\", \"actor\", \"move\", \"from_stage\", \"to_stage\", \"reason\", \"hash\") SELECT \"id\", \"request_id\", \"occurred_at\", \"actor\", \"move\", \"from_stage\", \"to_stage\", \"reason\", \"hash\" FROM \"temporary_request_event\"");
    await queryRunner.query("DROP TABLE \"temporary_request_event\"");
    await queryRunner.query("CREATE INDEX \"ix_request_event_request\" ON \"request_event\" (\"request_id\", \"occurred_at\") ");
    await queryRunner.query("DROP INDEX \"ix_notification_outbox_pending\"");
    await queryRunner.query("ALTER TABLE \"notification_outbox\" RENAME TO \"temporary_notification_outbox\"");
    await queryRunner.query("CREATE TABLE \"notification_outbox\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"recipient\" varchar(254) NOT NULL, \"subject\" varchar(200) NOT NULL, \"body\" varchar(4000) NOT NULL, \"created_at\" datetime NOT NULL, \"sent_at\" datetime, \"attempts\" integer NOT NULL DEFAULT (0), \"last_error\" varchar(500))");
    await queryRunner.query("INSERT INTO \"notification_outbox\"(\"id\", \"request_id\", \"recipient\", \"subject\", \"body\", \"created_at\", \"sent_at\", \"attempts\", \"last_error\") SELECT \"id\", \"request_id\", \"recipient\", \"subject\", \"body\", \"created_at\", \"sent_at\", \"attempts\", \"last_error\" FROM \"temporary_notification_outbox\"");
    await queryRunner.query("DROP TABLE \"temporary_notification_outbox\"");
    await queryRunner.query("CREATE INDEX \"ix_notification_outbox_pending\" ON \"notification_outbox\" (\"sent_at\", \"id\") ");
    await queryRunner.query("DROP INDEX \"ix_request_event_request\"");
    await queryRunner.query("ALTER TABLE \"request_event\" RENAME TO \"temporary_request_event\"");
    await queryRunner.query("CREATE TABLE \"request_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"occurred_at\" datetime NOT NULL, \"actor\" varchar(80) NOT NULL, \"move\" varchar(24) NOT NULL, \"from_stage\" varchar(24) NOT NULL, \"to_stage\" varchar(24) NOT NULL, \"reason\" varchar(500))");
    await queryRunner.query("INSERT INTO \"request_event\"(\"id\", \"request_id\", \"occurred_at\", \"actor\", \"move\", \"from_stage\", \"to_stage\", \"reason\") SELECT \"id\", \"request_id\", \"occurred_at\", \"actor\", \"move\", \"from_stage\", \"to_stage\", \"reason\" FROM \"temporary_request_event\"");
    await queryRunner.query("DROP TABLE \"temporary_request_event\"");
    await queryRunner.query("CREATE INDEX \"ix_request_event_request\" ON \"request_event\" (\"request_id\", \"occurred_at\") ");
    await queryRunner.query("DROP INDEX \"ix_request_document_request\"");
    await queryRunner.query("DROP INDEX \"uq_request_document_draft_kind\"");
    await queryRunner.query("ALTER TABLE \"request_document\" RENAME TO \"temporary_request_document\"");
    await queryRunner.query("CREATE TABLE \"request_document\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"draft_id\" varchar(43) NOT NULL, \"request_id\" integer, \"kind\" varchar(32) NOT NULL, \"media_type\" varchar(40) NOT NULL, \"size\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"original_name\" varchar(200), \"uploaded_at\" datetime NOT NULL)");
    await queryRunner.query("INSERT INTO \"request_document\"(\"id\", \"draft_id\", \"request_id\", \"kind\", \"media_type\", \"size\", \"sha256\", \"original_name\", \"uploaded_at\") SELECT \"id\", \"draft_id\", \"request_id\", \"kind\", \"media_type\", \"size\", \"sha256\", \"original_name\", \"uploaded_at\" FROM \"temporary_request_document\"");
    await queryRunner.query("DROP TABLE \"temporary_request_document\"");
    await queryRunner.query("CREATE INDEX \"ix_request_document_request\" ON \"request_document\" (\"request_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_request_document_draft_kind\" ON \"request_document\" (\"draft_id\", \"kind\") ");
    await queryRunner.query("DROP INDEX \"ix_certificate_request_applicant\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_number\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_serial\"");
    await queryRunner.query("ALTER TABLE \"certificate_request\" RENAME TO \"temporary_certificate_request\"");
    await queryRunner.query("CREATE TABLE \"certificate_request\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_number\" integer NOT NULL, \"order_number\" integer NOT NULL, \"applicant_id\" integer NOT NULL, \"holder_name\" varchar(200) NOT NULL, \"company\" varchar(200), \"project\" varchar(200), \"certificate_type_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"issued_at\" datetime, \"serial_number\" varchar(32), \"valid_from\" datetime, \"valid_to\" datetime, \"revoked_at\" datetime, \"revocation_reason\" varchar(32), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"version\" integer NOT NULL DEFAULT (1), CONSTRAINT \"fk_certificate_request_applicant\" FOREIGN KEY (\"applicant_id\") REFERENCES \"applicant\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"fk_certificate_request_type\" FOREIGN KEY (\"certificate_type_id\") REFERENCES \"certificate_type\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"certificate_request\"(\"id\", \"request_number\", \"order_number\", \"applicant_id\", \"holder_name\", \"company\", \"project\", \"certificate_type_id\", \"status\", \"issued_at\", \"serial_number\", \"valid_from\", \"valid_to\", \"revoked_at\", \"revocation_reason\", \"created_at\", \"updated_at\", \"version\") SELECT \"id\", \"request_number\", \"order_number\", \"applicant_id\", \"holder_name\", \"company\", \"project\", \"certificate_type_id\", \"status\", \"issued_at\", \"serial_number\", \"valid_from\", \"valid_to\", \"revoked_at\", \"revocation_reason\", \"created_at\", \"updated_at\", \"version\" FROM \"temporary_certificate_request\"");
    await queryRunner.query("DROP TABLE \"temporary_certificate_request\"");
    await queryRunner.query("CREATE INDEX \"ix_certificate_request_applicant\" ON \"certificate_request\" (\"applicant_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_number\" ON \"certificate_request\" (\"request_number\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_serial\" ON \"certificate_request\" (\"serial_number\") ");
    await queryRunner.query("DROP INDEX \"ix_application_draft_expires\"");
    await queryRunner.query("ALTER TABLE \"application_draft\" RENAME TO \"temporary_application_draft\"");
    await queryRunner.query("CREATE TABLE \"application_draft\" (\"id\" varchar(43) PRIMARY KEY NOT NULL, \"created_at\" datetime NOT NULL, \"expires_at\" datetime NOT NULL, \"terms_version\" varchar(20) NOT NULL, \"terms_accepted_at\" datetime NOT NULL, \"client_network\" varchar(64) NOT NULL, \"request_id\" integer)");
    await queryRunner.query("INSERT INTO \"application_draft\"(\"id\", \"created_at\", \"expires_at\", \"terms_version\", \"terms_accepted_at\", \"client_network\", \"request_id\") SELECT \"id\", \"created_at\", \"expires_at\", \"terms_version\", \"terms_accepted_at\", \"client_network\", \"request_id\" FROM \"temporary_application_draft\"");
    await queryRunner.query("DROP TABLE \"temporary_application_draft\"");
    await queryRunner.query("CREATE INDEX \"ix_application_draft_expires\" ON \"application_draft\" (\"expires_at\") ");
    await queryRunner.query("DROP INDEX \"ix_notification_outbox_pending\"");
    await queryRunner.query("ALTER TABLE \"notification_outbox\" RENAME TO \"temporary_notification_outbox\"");
    await queryRunner.query("CREATE TABLE \"notification_outbox\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"recipient\" varchar(254) NOT NULL, \"subject\" varchar(200) NOT NULL, \"body\" varchar(4000) NOT NULL, \"created_at\" datetime NOT NULL, \"sent_at\" datetime, \"attempts\" integer NOT NULL DEFAULT (0), \"last_error\" varchar(500))");
    await queryRunner.query("INSERT INTO \"notification_outbox\"(\"id\", \"request_id\", \"recipient\", \"subject\", \"body\", \"created_at\", \"sent_at\", \"attempts\", \"last_error\") SELECT \"id\", \"request_id\", \"recipient\", \"subject\", \"body\", \"created_at\", \"sent_at\", \"attempts\", \"last_error\" FROM \"temporary_notification_outbox\"");
    await queryRunner.query("DROP TABLE \"temporary_notification_outbox\"");
    await queryRunner.query("CREATE INDEX \"ix_notification_outbox_pending\" ON \"notification_outbox\" (\"sent_at\", \"id\") ");
  }
}
