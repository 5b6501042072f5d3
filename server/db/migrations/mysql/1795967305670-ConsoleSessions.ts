import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsoleSessions1795967305670 implements MigrationInterface {
  name = 'ConsoleSessions1795967305670';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `console_session` (`id_hash` varchar(64) NOT NULL, `operator_id` varchar(300) NOT NULL, `operator_name` varchar(200) NOT NULL, `roles` varchar(100) NOT NULL, `created_at` datetime NOT NULL, `last_seen_at` datetime NOT NULL, `expires_at` datetime NOT NULL, INDEX `ix_console_session_expires` (`expires_at`), PRIMARY KEY (`id_hash`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `ix_console_session_expires` ON `console_session`");
    await queryRunner.query("DROP TABLE `console_session`");
  }
}
