import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TrustworthyApplying1795958893848 implements MigrationInterface {
  name = 'TrustworthyApplying1795958893848';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `application_draft` ADD `email` varchar(254) NULL");
    await queryRunner.query("ALTER TABLE `application_draft` ADD `email_code_hash` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `application_draft` ADD `email_code_expires_at` datetime NULL");
    await queryRunner.query("ALTER TABLE `application_draft` ADD `email_code_sent_at` datetime NULL");
    await queryRunner.query("ALTER TABLE `application_draft` ADD `email_codes_sent` int NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `application_draft` ADD `email_code_attempts` int NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `application_draft` ADD `email_confirmed_at` datetime NULL");
    await queryRunner.query("ALTER TABLE `certificate_request` ADD `contact_email` varchar(254) NULL");
    await queryRunner.query("ALTER TABLE `certificate_request` ADD `contact_phone` varchar(20) NULL");
    // Requests filed before: their e-mails keep going where their filing e-mail went (the address
    // given with that application), or else to the person's address on record.
    await queryRunner.query("UPDATE `certificate_request` SET `contact_email` = COALESCE((SELECT `o`.`recipient` FROM `notification_outbox` `o` WHERE `o`.`request_id` = `certificate_request`.`id` ORDER BY `o`.`id` LIMIT 1), (SELECT `a`.`email` FROM `applicant` `a` WHERE `a`.`id` = `certificate_request`.`applicant_id`)), `contact_phone` = (SELECT `a`.`phone` FROM `applicant` `a` WHERE `a`.`id` = `certificate_request`.`applicant_id`)");
    await queryRunner.query("ALTER TABLE `request_document` ADD `storage_key` varchar(64) NOT NULL");
    // Documents stored before keep their content-addressed file: its SHA-256 is its key.
    await queryRunner.query("UPDATE `request_document` SET `storage_key` = `sha256`");
    await queryRunner.query("ALTER TABLE `request_event` ADD `hash` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `notification_outbox` CHANGE `request_id` `request_id` int NULL");
    // Widened in place: TypeORM's DROP and ADD would lose every reason already recorded.
    await queryRunner.query("ALTER TABLE `request_event` MODIFY `reason` varchar(1000) NULL");
    await queryRunner.query("CREATE INDEX `ix_request_document_storage_key` ON `request_document` (`storage_key`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `ix_request_document_storage_key` ON `request_document`");
    await queryRunner.query("ALTER TABLE `request_event` MODIFY `reason` varchar(500) NULL");
    await queryRunner.query("ALTER TABLE `notification_outbox` CHANGE `request_id` `request_id` int NOT NULL");
    await queryRunner.query("ALTER TABLE `request_event` DROP COLUMN `hash`");
    await queryRunner.query("ALTER TABLE `request_document` DROP COLUMN `storage_key`");
    await queryRunner.query("ALTER TABLE `certificate_request` DROP COLUMN `contact_phone`");
    await queryRunner.query("ALTER TABLE `certificate_request` DROP COLUMN `contact_email`");
    await queryRunner.query("ALTER TABLE `application_draft` DROP COLUMN `email_confirmed_at`");
    await queryRunner.query("ALTER TABLE `application_draft` DROP COLUMN `email_code_attempts`");
    await queryRunner.query("ALTER TABLE `application_draft` DROP COLUMN `email_codes_sent`");
    await queryRunner.query("ALTER TABLE `application_draft` DROP COLUMN `email_code_sent_at`");
    await queryRunner.query("ALTER TABLE `application_draft` DROP COLUMN `email_code_expires_at`");
    await queryRunner.query("ALTER TABLE `application_draft` DROP COLUMN `email_code_hash`");
    await queryRunner.query("ALTER TABLE `application_draft` DROP COLUMN `email`");
  }
}
