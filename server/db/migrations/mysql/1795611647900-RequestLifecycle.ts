import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestLifecycle1795611647900 implements MigrationInterface {
  name = 'RequestLifecycle1795611647900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `invoice` (`id` int NOT NULL AUTO_INCREMENT, `request_id` int NOT NULL, `invoice_number` varchar(40) NOT NULL, `token` varchar(43) NOT NULL, `issued_at` datetime NOT NULL, UNIQUE INDEX `uq_invoice_token` (`token`), UNIQUE INDEX `uq_invoice_request` (`request_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `notification_outbox` (`id` int NOT NULL AUTO_INCREMENT, `request_id` int NOT NULL, `recipient` varchar(254) NOT NULL, `subject` varchar(200) NOT NULL, `body` varchar(4000) NOT NULL, `created_at` datetime NOT NULL, `sent_at` datetime NULL, `attempts` int NOT NULL DEFAULT '0', `last_error` varchar(500) NULL, INDEX `ix_notification_outbox_pending` (`sent_at`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `request_event` (`id` int NOT NULL AUTO_INCREMENT, `request_id` int NOT NULL, `occurred_at` datetime NOT NULL, `actor` varchar(80) NOT NULL, `move` varchar(24) NOT NULL, `from_stage` varchar(24) NOT NULL, `to_stage` varchar(24) NOT NULL, `reason` varchar(500) NULL, INDEX `ix_request_event_request` (`request_id`, `occurred_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `certificate_request` ADD `version` int NOT NULL DEFAULT '1'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `certificate_request` DROP COLUMN `version`");
    await queryRunner.query("DROP INDEX `ix_request_event_request` ON `request_event`");
    await queryRunner.query("DROP TABLE `request_event`");
    await queryRunner.query("DROP INDEX `ix_notification_outbox_pending` ON `notification_outbox`");
    await queryRunner.query("DROP TABLE `notification_outbox`");
    await queryRunner.query("DROP INDEX `uq_invoice_request` ON `invoice`");
    await queryRunner.query("DROP INDEX `uq_invoice_token` ON `invoice`");
    await queryRunner.query("DROP TABLE `invoice`");
  }
}
