import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HistoryChain1795957055821 implements MigrationInterface {
  name = 'HistoryChain1795957055821';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `request_event` ADD `hash` varchar(64) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `request_event` DROP COLUMN `hash`");
  }
}
