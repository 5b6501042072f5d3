import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795607934379 implements MigrationInterface {
  name = 'Initial1795607934379';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"applicant\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"id_type\" varchar(8) NOT NULL, \"id_number\" varchar(20) NOT NULL, \"full_name\" varchar(200) NOT NULL, \"email\" varchar(254), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_applicant_identity\" ON \"applicant\" (\"id_type\", \"id_number\") ");
    await queryRunner.query("CREATE TABLE \"certificate_request\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_number\" integer NOT NULL, \"order_number\" integer NOT NULL, \"applicant_id\" integer NOT NULL, \"holder_name\" varchar(200) NOT NULL, \"company\" varchar(200), \"project\" varchar(200), \"certificate_type_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"issued_at\" datetime, \"serial_number\" varchar(32), \"valid_from\" datetime, \"valid_to\" datetime, \"revoked_at\" datetime, \"revocation_reason\" varchar(32), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_serial\" ON \"certificate_request\" (\"serial_number\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_number\" ON \"certificate_request\" (\"request_number\") ");
    await queryRunner.query("CREATE INDEX \"ix_certificate_request_applicant\" ON \"certificate_request\" (\"applicant_id\") ");
    await queryRunner.query("CREATE TABLE \"certificate_type\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"code\" varchar(40) NOT NULL, \"name\" varchar(100) NOT NULL, \"validity_days\" integer NOT NULL, \"requires_company\" boolean NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_type_code\" ON \"certificate_type\" (\"code\") ");
    await queryRunner.query("CREATE TABLE \"request_step\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"kind\" varchar(16) NOT NULL, \"state\" varchar(16) NOT NULL, \"modified_at\" datetime, \"information\" varchar(500) NOT NULL, \"invoice_url\" varchar(500))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_request_step_kind\" ON \"request_step\" (\"request_id\", \"kind\") ");
    await queryRunner.query("CREATE TABLE \"used_captcha\" (\"challenge_id\" varchar(64) PRIMARY KEY NOT NULL, \"expires_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"ix_used_captcha_expires\" ON \"used_captcha\" (\"expires_at\") ");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_serial\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_number\"");
    await queryRunner.query("DROP INDEX \"ix_certificate_request_applicant\"");
    await queryRunner.query("CREATE TABLE \"temporary_certificate_request\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_number\" integer NOT NULL, \"order_number\" integer NOT NULL, \"applicant_id\" integer NOT NULL, \"holder_name\" varchar(200) NOT NULL, \"company\" varchar(200), \"project\" varchar(200), \"certificate_type_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"issued_at\" datetime, \"serial_number\" varchar(32), \"valid_from\" datetime, \"valid_to\" datetime, \"revoked_at\" datetime, \"revocation_reason\" varchar(32), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"fk_certificate_request_applicant\" FOREIGN KEY (\"applicant_id\") REFERENCES \"applicant\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"fk_certificate_request_type\" FOREIGN KEY (\"certificate_type_id\") REFERENCES \"certificate_type\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_certificate_request\"(\"id\", \"request_number\", \"order_number\", \"applicant_id\", \"holder_name\", \"company\", \"project\", \"certificate_type_id\", \"status\", \"issued_at\", \"serial_number\", \"valid_from\", \"valid_to\", \"revoked_at\", \"revocation_reason\", \"created_at\", \"updated_at\") SELECT \"id\", \"request_number\", \"order_number\", \"applicant_id\", \"holder_name\", \"company\", \"project\", \"certificate_type_id\", \"status\", \"issued_at\", \"serial_number\", \"valid_from\", \"valid_to\", \"revoked_at\", \"revocation_reason\", \"created_at\", \"updated_at\" FROM \"certificate_request\"");
    await queryRunner.query("DROP TABLE \"certificate_request\"");
    await queryRunner.query("ALTER TABLE \"temporary_certificate_request\" RENAME TO \"certificate_request\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_serial\" ON \"certificate_request\" (\"serial_number\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_number\" ON \"certificate_request\" (\"request_number\") ");
    await queryRunner.query("CREATE INDEX \"ix_certificate_request_applicant\" ON \"certificate_request\" (\"applicant_id\") ");
    await queryRunner.query("DROP INDEX \"uq_request_step_kind\"");
    await queryRunner.query("CREATE TABLE \"temporary_request_step\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"kind\" varchar(16) NOT NULL, \"state\" varchar(16) NOT NULL, \"modified_at\" datetime, \"information\" varchar(500) NOT NULL, \"invoice_url\" varchar(500), CONSTRAINT \"fk_request_step_request\" FOREIGN KEY (\"request_id\") REFERENCES \"certificate_request\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_request_step\"(\"id\", \"request_id\", \"kind\", \"state\", \"modified_at\", \"information\", \"invoice_url\") SELECT \"id\", \"request_id\", \"kind\", \"state\", \"modified_at\", \"information\", \"invoice_url\" FROM \"request_step\"");
    await queryRunner.query("DROP TABLE \"request_step\"");
    await queryRunner.query("ALTER TABLE \"temporary_request_step\" RENAME TO \"request_step\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_request_step_kind\" ON \"request_step\" (\"request_id\", \"kind\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_request_step_kind\"");
    await queryRunner.query("ALTER TABLE \"request_step\" RENAME TO \"temporary_request_step\"");
    await queryRunner.query("CREATE TABLE \"request_step\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"kind\" varchar(16) NOT NULL, \"state\" varchar(16) NOT NULL, \"modified_at\" datetime, \"information\" varchar(500) NOT NULL, \"invoice_url\" varchar(500))");
    await queryRunner.query("INSERT INTO \"request_step\"(\"id\", \"request_id\", \"kind\", \"state\", \"modified_at\", \"information\", \"invoice_url\") SELECT \"id\", \"request_id\", \"kind\", \"state\", \"modified_at\", \"information\", \"invoice_url\" FROM \"temporary_request_step\"");
    await queryRunner.query("DROP TABLE \"temporary_request_step\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_request_step_kind\" ON \"request_step\" (\"request_id\", \"kind\") ");
    await queryRunner.query("DROP INDEX \"ix_certificate_request_applicant\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_number\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_serial\"");
    await queryRunner.query("ALTER TABLE \"certificate_request\" RENAME TO \"temporary_certificate_request\"");
    await queryRunner.query("CREATE TABLE \"certificate_request\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_number\" integer NOT NULL, \"order_number\" integer NOT NULL, \"applicant_id\" integer NOT NULL, \"holder_name\" varchar(200) NOT NULL, \"company\" varchar(200), \"project\" varchar(200), \"certificate_type_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"issued_at\" datetime, \"serial_number\" varchar(32), \"valid_from\" datetime, \"valid_to\" datetime, \"revoked_at\" datetime, \"revocation_reason\" varchar(32), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"certificate_request\"(\"id\", \"request_number\", \"order_number\", \"applicant_id\", \"holder_name\", \"company\", \"project\", \"certificate_type_id\", \"status\", \"issued_at\", \"serial_number\", \"valid_from\", \"valid_to\", \"revoked_at\", \"revocation_reason\", \"created_at\", \"updated_at\") SELECT \"id\", \"request_number\", \"order_number\", \"applicant_id\", \"holder_name\", \"company\", \"project\", \"certificate_type_id\", \"status\", \"issued_at\", \"serial_number\", \"valid_from\", \"valid_to\", \"revoked_at\", \"revocation_reason\", \"created_at\", \"updated_at\" FROM \"temporary_certificate_request\"");
    await queryRunner.query("DROP TABLE \"temporary_certificate_request\"");
    await queryRunner.query("CREATE INDEX \"ix_certificate_request_applicant\" ON \"certificate_request\" (\"applicant_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_number\" ON \"certificate_request\" (\"request_number\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_request_serial\" ON \"certificate_request\" (\"serial_number\") ");
    await queryRunner.query("DROP INDEX \"ix_used_captcha_expires\"");
    await queryRunner.query("DROP TABLE \"used_captcha\"");
    await queryRunner.query("DROP INDEX \"uq_request_step_kind\"");
    await queryRunner.query("DROP TABLE \"request_step\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_type_code\"");
    await queryRunner.query("DROP TABLE \"certificate_type\"");
    await queryRunner.query("DROP INDEX \"ix_certificate_request_applicant\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_number\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_request_serial\"");
    await queryRunner.query("DROP TABLE \"certificate_request\"");
    await queryRunner.query("DROP INDEX \"uq_applicant_identity\"");
    await queryRunner.query("DROP TABLE \"applicant\"");
  }
}
