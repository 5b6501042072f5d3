import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ManyInstances1795967514649 implements MigrationInterface {
  name = 'ManyInstances1795967514649';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `ix_notification_outbox_pending` ON `notification_outbox`");
    await queryRunner.query("CREATE TABLE `job_lease` (`job` varchar(64) NOT NULL, `owner` varchar(36) NOT NULL, `lease_until` datetime NOT NULL, PRIMARY KEY (`job`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `number_sequence` (`name` varchar(32) NOT NULL, `next_value` int NOT NULL, PRIMARY KEY (`name`)) ENGINE=InnoDB");
    // Rows already queued are due at once; those that used up their ten tries are dead letters.
    await queryRunner.query("ALTER TABLE `notification_outbox` ADD `next_attempt_at` datetime NULL");
    await queryRunner.query("UPDATE `notification_outbox` SET `next_attempt_at` = `created_at`");
    await queryRunner.query("ALTER TABLE `notification_outbox` MODIFY `next_attempt_at` datetime NOT NULL");
    await queryRunner.query("ALTER TABLE `notification_outbox` ADD `lease_owner` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `notification_outbox` ADD `lease_until` datetime NULL");
    await queryRunner.query("ALTER TABLE `notification_outbox` ADD `dead_at` datetime NULL");
    await queryRunner.query("UPDATE `notification_outbox` SET `dead_at` = UTC_TIMESTAMP() WHERE `sent_at` IS NULL AND `attempts` >= 10");
    // The counters continue from the numbers already given (600001 on an empty database, as before).
    await queryRunner.query("INSERT INTO `number_sequence` (`name`, `next_value`) SELECT 'request_number', GREATEST(600001, COALESCE(MAX(`request_number`), 0) + 1) FROM `certificate_request`");
    await queryRunner.query("INSERT INTO `number_sequence` (`name`, `next_value`) SELECT 'order_number', GREATEST(600001, COALESCE(MAX(`order_number`), 0) + 1) FROM `certificate_request`");
    await queryRunner.query("CREATE INDEX `ix_notification_outbox_due` ON `notification_outbox` (`sent_at`, `dead_at`, `next_attempt_at`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `ix_notification_outbox_due` ON `notification_outbox`");
    await queryRunner.query("ALTER TABLE `notification_outbox` DROP COLUMN `dead_at`");
    await queryRunner.query("ALTER TABLE `notification_outbox` DROP COLUMN `lease_until`");
    await queryRunner.query("ALTER TABLE `notification_outbox` DROP COLUMN `lease_owner`");
    await queryRunner.query("ALTER TABLE `notification_outbox` DROP COLUMN `next_attempt_at`");
    await queryRunner.query("DROP TABLE `number_sequence`");
    await queryRunner.query("DROP TABLE `job_lease`");
    await queryRunner.query("CREATE INDEX `ix_notification_outbox_pending` ON `notification_outbox` (`sent_at`, `id`)");
  }
}
