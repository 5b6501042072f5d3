import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FourEyesAndCorrections1795967260388 implements MigrationInterface {
  name = 'FourEyesAndCorrections1795967260388';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"move_proposal\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"open_request_id\" integer, \"move\" varchar(24) NOT NULL, \"reason\" varchar(32), \"proposed_by_id\" varchar(255) NOT NULL, \"proposed_by_name\" varchar(80) NOT NULL, \"proposed_at\" datetime NOT NULL, \"decided_by_id\" varchar(255), \"decided_by_name\" varchar(80), \"decided_at\" datetime, \"outcome\" varchar(16), \"decline_reason\" varchar(300), \"version\" integer NOT NULL DEFAULT (1))");
    await queryRunner.query("CREATE INDEX \"ix_move_proposal_request\" ON \"move_proposal\" (\"request_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_move_proposal_open_request\" ON \"move_proposal\" (\"open_request_id\") ");
    await queryRunner.query("CREATE TABLE \"correction_request\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"open_request_id\" integer, \"kinds\" varchar(200) NOT NULL, \"reason\" varchar(300) NOT NULL, \"requested_by_id\" varchar(255) NOT NULL, \"requested_by_name\" varchar(80) NOT NULL, \"requested_at\" datetime NOT NULL, \"token_hash\" varchar(64) NOT NULL, \"expires_at\" datetime NOT NULL, \"completed_at\" datetime)");
    await queryRunner.query("CREATE INDEX \"ix_correction_request_request\" ON \"correction_request\" (\"request_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_correction_request_token_hash\" ON \"correction_request\" (\"token_hash\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_correction_request_open_request\" ON \"correction_request\" (\"open_request_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_correction_request_open_request\"");
    await queryRunner.query("DROP INDEX \"uq_correction_request_token_hash\"");
    await queryRunner.query("DROP INDEX \"ix_correction_request_request\"");
    await queryRunner.query("DROP TABLE \"correction_request\"");
    await queryRunner.query("DROP INDEX \"uq_move_proposal_open_request\"");
    await queryRunner.query("DROP INDEX \"ix_move_proposal_request\"");
    await queryRunner.query("DROP TABLE \"move_proposal\"");
  }
}
