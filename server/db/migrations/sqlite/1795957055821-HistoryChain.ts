import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HistoryChain1795957055821 implements MigrationInterface {
  name = 'HistoryChain1795957055821';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_request_event_request\"");
    await queryRunner.query("CREATE TABLE \"temporary_request_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"occurred_at\" datetime NOT NULL, \"actor\" varchar(80) NOT NULL, \"move\" varchar(24) NOT NULL, \"from_stage\" varchar(24) NOT NULL, \"to_stage\" varchar(24) NOT NULL, \"reason\" varchar(500), \"hash\" varchar(64))");
    await queryRunner.query("INSERT INTO \"temporary_request_event\"(\"id\", \"request_id\", \"occurred_at\", \"actor\", \"move\", \"from_stage\", \"to_stage\", \"reason\") SELECT \"id\", \"request_id\", \"occurred_at\", \"actor\", \"move\", \"from_stage\", \"to_stage\", \"reason\" FROM \"request_event\"");
    await queryRunner.query("DROP TABLE \"request_event\"");
    await queryRunner.query("ALTER TABLE \"temporary_request_event\" RENAME TO \"request_event\"");
    await queryRunner.query("CREATE INDEX \"ix_request_event_request\" ON \"request_event\" (\"request_id\", \"occurred_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_request_event_request\"");
    await queryRunner.query("ALTER TABLE \"request_event\" RENAME TO \"temporary_request_event\"");
    await queryRunner.query("CREATE TABLE \"request_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"occurred_at\" datetime NOT NULL, \"actor\" varchar(80) NOT NULL, \"move\" varchar(24) NOT NULL, \"from_stage\" varchar(24) NOT NULL, \"to_stage\" varchar(24) NOT NULL, \"reason\" varchar(500))");
    await queryRunner.query("INSERT INTO \"request_event\"(\"id\", \"request_id\", \"occurred_at\", \"actor\", \"move\", \"from_stage\", \"to_stage\", \"reason\") SELECT \"id\", \"request_id\", \"occurred_at\", \"actor\", \"move\", \"from_stage\", \"to_stage\", \"reason\" FROM \"temporary_request_event\"");
    await queryRunner.query("DROP TABLE \"temporary_request_event\"");
    await queryRunner.query("CREATE INDEX \"ix_request_event_request\" ON \"request_event\" (\"request_id\", \"occurred_at\") ");
  }
}
