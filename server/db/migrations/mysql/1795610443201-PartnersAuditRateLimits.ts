import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnersAuditRateLimits1795610443201 implements MigrationInterface {
  name = 'PartnersAuditRateLimits1795610443201';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `lookup_audit` (`id` int NOT NULL AUTO_INCREMENT, `occurred_at` datetime NOT NULL, `kind` varchar(8) NOT NULL, `identity_hash` varchar(64) NULL, `request_id` int NULL, `partner_id` int NULL, `client_network` varchar(64) NOT NULL, `outcome` varchar(24) NOT NULL, `result_count` int NOT NULL, INDEX `ix_lookup_audit_occurred` (`occurred_at`), INDEX `ix_lookup_audit_identity` (`identity_hash`, `occurred_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `partner` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(80) NOT NULL, `role` varchar(16) NOT NULL DEFAULT 'partner', `key_hash` varchar(64) NOT NULL, `key_prefix` varchar(16) NOT NULL, `rate_per_minute` int NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `expires_at` datetime NULL, `revoked_at` datetime NULL, UNIQUE INDEX `uq_partner_key_hash` (`key_hash`), UNIQUE INDEX `uq_partner_name` (`name`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `rate_limit` (`key` varchar(255) NOT NULL, `points` int NOT NULL DEFAULT '0', `expire` bigint NULL, PRIMARY KEY (`key`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `rate_limit`");
    await queryRunner.query("DROP INDEX `uq_partner_name` ON `partner`");
    await queryRunner.query("DROP INDEX `uq_partner_key_hash` ON `partner`");
    await queryRunner.query("DROP TABLE `partner`");
    await queryRunner.query("DROP INDEX `ix_lookup_audit_identity` ON `lookup_audit`");
    await queryRunner.query("DROP INDEX `ix_lookup_audit_occurred` ON `lookup_audit`");
    await queryRunner.query("DROP TABLE `lookup_audit`");
  }
}
