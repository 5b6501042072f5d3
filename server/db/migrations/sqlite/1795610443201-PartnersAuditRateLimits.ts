import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnersAuditRateLimits1795610443201 implements MigrationInterface {
  name = 'PartnersAuditRateLimits1795610443201';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"lookup_audit\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"occurred_at\" datetime NOT NULL, \"kind\" varchar(8) NOT NULL, \"identity_hash\" varchar(64), \"request_id\" integer, \"partner_id\" integer, \"client_network\" varchar(64) NOT NULL, \"outcome\" varchar(24) NOT NULL, \"result_count\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"ix_lookup_audit_occurred\" ON \"lookup_audit\" (\"occurred_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_lookup_audit_identity\" ON \"lookup_audit\" (\"identity_hash\", \"occurred_at\") ");
    await queryRunner.query("CREATE TABLE \"partner\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(80) NOT NULL, \"role\" varchar(16) NOT NULL DEFAULT ('partner'), \"key_hash\" varchar(64) NOT NULL, \"key_prefix\" varchar(16) NOT NULL, \"rate_per_minute\" integer NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"expires_at\" datetime, \"revoked_at\" datetime)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_partner_key_hash\" ON \"partner\" (\"key_hash\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_partner_name\" ON \"partner\" (\"name\") ");
    await queryRunner.query("CREATE TABLE \"rate_limit\" (\"key\" varchar(255) PRIMARY KEY NOT NULL, \"points\" integer NOT NULL DEFAULT (0), \"expire\" bigint)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"rate_limit\"");
    await queryRunner.query("DROP INDEX \"uq_partner_name\"");
    await queryRunner.query("DROP INDEX \"uq_partner_key_hash\"");
    await queryRunner.query("DROP TABLE \"partner\"");
    await queryRunner.query("DROP INDEX \"ix_lookup_audit_identity\"");
    await queryRunner.query("DROP INDEX \"ix_lookup_audit_occurred\"");
    await queryRunner.query("DROP TABLE \"lookup_audit\"");
  }
}
