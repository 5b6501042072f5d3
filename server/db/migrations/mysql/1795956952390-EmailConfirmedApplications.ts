import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EmailConfirmedApplications1795956952390 implements MigrationInterface {
  name = 'EmailConfirmedApplications1795956952390';

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
    // Requests filed before: their e-mails keep going where they went, the applicant's address.
    await queryRunner.query("UPDATE `certificate_request` SET `contact_email` = (SELECT `a`.`email` FROM `applicant` `a` WHERE `a`.`id` = `certificate_request`.`applicant_id`), `contact_phone` = (SELECT `a`.`phone` FROM `applicant` `a` WHERE `a`.`id` = `certificate_request`.`applicant_id`)");
    await queryRunner.query("ALTER TABLE `notification_outbox` CHANGE `request_id` `request_id` int NULL");
    // Widened in place (TypeORM would drop and re-add the column, losing every reason).
    await queryRunner.query("ALTER TABLE `request_event` MODIFY `reason` varchar(1000) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `request_event` MODIFY `reason` varchar(500) NULL");
    await queryRunner.query("ALTER TABLE `notification_outbox` CHANGE `request_id` `request_id` int NOT NULL");
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
