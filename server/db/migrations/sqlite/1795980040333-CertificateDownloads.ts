import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CertificateDownloads1795980040333 implements MigrationInterface {
  name = 'CertificateDownloads1795980040333';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"certificate_download\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"open_request_id\" integer, \"token_hash\" varchar(64) NOT NULL, \"created_at\" datetime NOT NULL, \"expires_at\" datetime NOT NULL, \"used_at\" datetime)");
    await queryRunner.query("CREATE INDEX \"ix_certificate_download_request\" ON \"certificate_download\" (\"request_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_download_token_hash\" ON \"certificate_download\" (\"token_hash\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificate_download_open_request\" ON \"certificate_download\" (\"open_request_id\") ");
    await queryRunner.query("CREATE TABLE \"issued_certificate\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"serial_number\" varchar(32) NOT NULL, \"certificate\" text NOT NULL, \"issued_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_issued_certificate_request\" ON \"issued_certificate\" (\"request_id\") ");
    await queryRunner.query("CREATE TABLE \"expiry_reminder\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"days_before\" integer NOT NULL, \"sent_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_expiry_reminder_request_days\" ON \"expiry_reminder\" (\"request_id\", \"days_before\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_expiry_reminder_request_days\"");
    await queryRunner.query("DROP TABLE \"expiry_reminder\"");
    await queryRunner.query("DROP INDEX \"uq_issued_certificate_request\"");
    await queryRunner.query("DROP TABLE \"issued_certificate\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_download_open_request\"");
    await queryRunner.query("DROP INDEX \"uq_certificate_download_token_hash\"");
    await queryRunner.query("DROP INDEX \"ix_certificate_download_request\"");
    await queryRunner.query("DROP TABLE \"certificate_download\"");
  }
}
