import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FourEyesAndCorrections1795967260388 implements MigrationInterface {
  name = 'FourEyesAndCorrections1795967260388';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `move_proposal` (`id` int NOT NULL AUTO_INCREMENT, `request_id` int NOT NULL, `open_request_id` int NULL, `move` varchar(24) NOT NULL, `reason` varchar(32) NULL, `proposed_by_id` varchar(255) NOT NULL, `proposed_by_name` varchar(80) NOT NULL, `proposed_at` datetime NOT NULL, `decided_by_id` varchar(255) NULL, `decided_by_name` varchar(80) NULL, `decided_at` datetime NULL, `outcome` varchar(16) NULL, `decline_reason` varchar(300) NULL, `version` int NOT NULL DEFAULT '1', INDEX `ix_move_proposal_request` (`request_id`), UNIQUE INDEX `uq_move_proposal_open_request` (`open_request_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `correction_request` (`id` int NOT NULL AUTO_INCREMENT, `request_id` int NOT NULL, `open_request_id` int NULL, `kinds` varchar(200) NOT NULL, `reason` varchar(300) NOT NULL, `requested_by_id` varchar(255) NOT NULL, `requested_by_name` varchar(80) NOT NULL, `requested_at` datetime NOT NULL, `token_hash` varchar(64) NOT NULL, `expires_at` datetime NOT NULL, `completed_at` datetime NULL, INDEX `ix_correction_request_request` (`request_id`), UNIQUE INDEX `uq_correction_request_token_hash` (`token_hash`), UNIQUE INDEX `uq_correction_request_open_request` (`open_request_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `uq_correction_request_open_request` ON `correction_request`");
    await queryRunner.query("DROP INDEX `uq_correction_request_token_hash` ON `correction_request`");
    await queryRunner.query("DROP INDEX `ix_correction_request_request` ON `correction_request`");
    await queryRunner.query("DROP TABLE `correction_request`");
    await queryRunner.query("DROP INDEX `uq_move_proposal_open_request` ON `move_proposal`");
    await queryRunner.query("DROP INDEX `ix_move_proposal_request` ON `move_proposal`");
    await queryRunner.query("DROP TABLE `move_proposal`");
  }
}
