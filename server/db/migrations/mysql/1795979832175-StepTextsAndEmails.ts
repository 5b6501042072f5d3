import type { MigrationInterface, QueryRunner } from 'typeorm';
import { codeStoredStepTexts } from '../step-text-codes.js';

export class StepTextsAndEmails1795979832175 implements MigrationInterface {
  name = 'StepTextsAndEmails1795979832175';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `notification_outbox_html` (`outbox_id` int NOT NULL, `html` text NOT NULL, PRIMARY KEY (`outbox_id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `certificate_request` ADD `contact_language` varchar(2) NOT NULL DEFAULT 'es'");
    await queryRunner.query("ALTER TABLE `request_step` ADD `text_code` varchar(32) NULL");
    await queryRunner.query("ALTER TABLE `request_step` ADD `text_params` varchar(1000) NULL");
    await queryRunner.query("ALTER TABLE `notification_outbox_html` ADD CONSTRAINT `fk_notification_outbox_html_outbox` FOREIGN KEY (`outbox_id`) REFERENCES `notification_outbox`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    // The steps already stored get their sentences' codes.
    await codeStoredStepTexts(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `notification_outbox_html` DROP FOREIGN KEY `fk_notification_outbox_html_outbox`");
    await queryRunner.query("ALTER TABLE `request_step` DROP COLUMN `text_params`");
    await queryRunner.query("ALTER TABLE `request_step` DROP COLUMN `text_code`");
    await queryRunner.query("ALTER TABLE `certificate_request` DROP COLUMN `contact_language`");
    await queryRunner.query("DROP TABLE `notification_outbox_html`");
  }
}
