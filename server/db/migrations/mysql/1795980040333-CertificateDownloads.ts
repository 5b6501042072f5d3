import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CertificateDownloads1795980040333 implements MigrationInterface {
  name = 'CertificateDownloads1795980040333';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `certificate_download` (`id` int NOT NULL AUTO_INCREMENT, `request_id` int NOT NULL, `open_request_id` int NULL, `token_hash` varchar(64) NOT NULL, `created_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `used_at` datetime NULL, INDEX `ix_certificate_download_request` (`request_id`), UNIQUE INDEX `uq_certificate_download_token_hash` (`token_hash`), UNIQUE INDEX `uq_certificate_download_open_request` (`open_request_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `issued_certificate` (`id` int NOT NULL AUTO_INCREMENT, `request_id` int NOT NULL, `serial_number` varchar(32) NOT NULL, `certificate` text NOT NULL, `issued_at` datetime NOT NULL, UNIQUE INDEX `uq_issued_certificate_request` (`request_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `expiry_reminder` (`id` int NOT NULL AUTO_INCREMENT, `request_id` int NOT NULL, `days_before` int NOT NULL, `sent_at` datetime NOT NULL, UNIQUE INDEX `uq_expiry_reminder_request_days` (`request_id`, `days_before`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `uq_expiry_reminder_request_days` ON `expiry_reminder`");
    await queryRunner.query("DROP TABLE `expiry_reminder`");
    await queryRunner.query("DROP INDEX `uq_issued_certificate_request` ON `issued_certificate`");
    await queryRunner.query("DROP TABLE `issued_certificate`");
    await queryRunner.query("DROP INDEX `uq_certificate_download_open_request` ON `certificate_download`");
    await queryRunner.query("DROP INDEX `uq_certificate_download_token_hash` ON `certificate_download`");
    await queryRunner.query("DROP INDEX `ix_certificate_download_request` ON `certificate_download`");
    await queryRunner.query("DROP TABLE `certificate_download`");
  }
}
