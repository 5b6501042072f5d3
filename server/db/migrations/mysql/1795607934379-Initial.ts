import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795607934379 implements MigrationInterface {
  name = 'Initial1795607934379';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `applicant` (`id` int NOT NULL AUTO_INCREMENT, `id_type` varchar(8) NOT NULL, `id_number` varchar(20) NOT NULL, `full_name` varchar(200) NOT NULL, `email` varchar(254) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_applicant_identity` (`id_type`, `id_number`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `certificate_request` (`id` int NOT NULL AUTO_INCREMENT, `request_number` int NOT NULL, `order_number` int NOT NULL, `applicant_id` int NOT NULL, `holder_name` varchar(200) NOT NULL, `company` varchar(200) NULL, `project` varchar(200) NULL, `certificate_type_id` int NOT NULL, `status` varchar(16) NOT NULL, `issued_at` datetime NULL, `serial_number` varchar(32) NULL, `valid_from` datetime NULL, `valid_to` datetime NULL, `revoked_at` datetime NULL, `revocation_reason` varchar(32) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_certificate_request_serial` (`serial_number`), UNIQUE INDEX `uq_certificate_request_number` (`request_number`), INDEX `ix_certificate_request_applicant` (`applicant_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `certificate_type` (`id` int NOT NULL AUTO_INCREMENT, `code` varchar(40) NOT NULL, `name` varchar(100) NOT NULL, `validity_days` int NOT NULL, `requires_company` tinyint NOT NULL DEFAULT 0, UNIQUE INDEX `uq_certificate_type_code` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `request_step` (`id` int NOT NULL AUTO_INCREMENT, `request_id` int NOT NULL, `kind` varchar(16) NOT NULL, `state` varchar(16) NOT NULL, `modified_at` datetime NULL, `information` varchar(500) NOT NULL, `invoice_url` varchar(500) NULL, UNIQUE INDEX `uq_request_step_kind` (`request_id`, `kind`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `used_captcha` (`challenge_id` varchar(64) NOT NULL, `expires_at` datetime NOT NULL, INDEX `ix_used_captcha_expires` (`expires_at`), PRIMARY KEY (`challenge_id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `certificate_request` ADD CONSTRAINT `fk_certificate_request_applicant` FOREIGN KEY (`applicant_id`) REFERENCES `applicant`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `certificate_request` ADD CONSTRAINT `fk_certificate_request_type` FOREIGN KEY (`certificate_type_id`) REFERENCES `certificate_type`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `request_step` ADD CONSTRAINT `fk_request_step_request` FOREIGN KEY (`request_id`) REFERENCES `certificate_request`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `request_step` DROP FOREIGN KEY `fk_request_step_request`");
    await queryRunner.query("ALTER TABLE `certificate_request` DROP FOREIGN KEY `fk_certificate_request_type`");
    await queryRunner.query("ALTER TABLE `certificate_request` DROP FOREIGN KEY `fk_certificate_request_applicant`");
    await queryRunner.query("DROP INDEX `ix_used_captcha_expires` ON `used_captcha`");
    await queryRunner.query("DROP TABLE `used_captcha`");
    await queryRunner.query("DROP INDEX `uq_request_step_kind` ON `request_step`");
    await queryRunner.query("DROP TABLE `request_step`");
    await queryRunner.query("DROP INDEX `uq_certificate_type_code` ON `certificate_type`");
    await queryRunner.query("DROP TABLE `certificate_type`");
    await queryRunner.query("DROP INDEX `ix_certificate_request_applicant` ON `certificate_request`");
    await queryRunner.query("DROP INDEX `uq_certificate_request_number` ON `certificate_request`");
    await queryRunner.query("DROP INDEX `uq_certificate_request_serial` ON `certificate_request`");
    await queryRunner.query("DROP TABLE `certificate_request`");
    await queryRunner.query("DROP INDEX `uq_applicant_identity` ON `applicant`");
    await queryRunner.query("DROP TABLE `applicant`");
  }
}
