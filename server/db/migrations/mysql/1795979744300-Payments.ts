import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Payments1795979744300 implements MigrationInterface {
  name = 'Payments1795979744300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `payment_event` (`id` int NOT NULL AUTO_INCREMENT, `provider` varchar(16) NOT NULL, `transaction_id` varchar(64) NOT NULL, `reference` varchar(64) NOT NULL, `amount_in_cents` bigint NOT NULL, `request_id` int NULL, `expected_cents` bigint NULL, `outcome` varchar(24) NOT NULL, `received_at` datetime NOT NULL, INDEX `ix_payment_event_received` (`received_at`), INDEX `ix_payment_event_request` (`request_id`), UNIQUE INDEX `uq_payment_event_transaction` (`provider`, `transaction_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `invoice` ADD `subtotal_cop` int NULL");
    await queryRunner.query("ALTER TABLE `invoice` ADD `vat_cop` int NULL");
    await queryRunner.query("ALTER TABLE `invoice` ADD `total_cop` int NULL");
    await queryRunner.query("ALTER TABLE `invoice` ADD `cufe` varchar(96) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `invoice` DROP COLUMN `cufe`");
    await queryRunner.query("ALTER TABLE `invoice` DROP COLUMN `total_cop`");
    await queryRunner.query("ALTER TABLE `invoice` DROP COLUMN `vat_cop`");
    await queryRunner.query("ALTER TABLE `invoice` DROP COLUMN `subtotal_cop`");
    await queryRunner.query("DROP INDEX `uq_payment_event_transaction` ON `payment_event`");
    await queryRunner.query("DROP INDEX `ix_payment_event_request` ON `payment_event`");
    await queryRunner.query("DROP INDEX `ix_payment_event_received` ON `payment_event`");
    await queryRunner.query("DROP TABLE `payment_event`");
  }
}
