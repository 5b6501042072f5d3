import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ManyInstances1795967514649 implements MigrationInterface {
  name = 'ManyInstances1795967514649';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_notification_outbox_pending\"");
    await queryRunner.query("CREATE TABLE \"job_lease\" (\"job\" varchar(64) PRIMARY KEY NOT NULL, \"owner\" varchar(36) NOT NULL, \"lease_until\" datetime NOT NULL)");
    await queryRunner.query("CREATE TABLE \"number_sequence\" (\"name\" varchar(32) PRIMARY KEY NOT NULL, \"next_value\" integer NOT NULL)");
    await queryRunner.query("CREATE TABLE \"temporary_notification_outbox\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer, \"recipient\" varchar(254) NOT NULL, \"subject\" varchar(200) NOT NULL, \"body\" varchar(4000) NOT NULL, \"created_at\" datetime NOT NULL, \"sent_at\" datetime, \"attempts\" integer NOT NULL DEFAULT (0), \"last_error\" varchar(500), \"next_attempt_at\" datetime NOT NULL, \"lease_owner\" varchar(36), \"lease_until\" datetime, \"dead_at\" datetime)");
    await queryRunner.query("INSERT INTO \"temporary_notification_outbox\"(\"id\", \"request_id\", \"recipient\", \"subject\", \"body\", \"created_at\", \"sent_at\", \"attempts\", \"last_error\", \"next_attempt_at\", \"dead_at\") SELECT \"id\", \"request_id\", \"recipient\", \"subject\", \"body\", \"created_at\", \"sent_at\", \"attempts\", \"last_error\", \"created_at\", CASE WHEN \"sent_at\" IS NULL AND \"attempts\" >= 10 THEN strftime('%Y-%m-%d %H:%M:%f', 'now') END FROM \"notification_outbox\"");
    await queryRunner.query("DROP TABLE \"notification_outbox\"");
    await queryRunner.query("ALTER TABLE \"temporary_notification_outbox\" RENAME TO \"notification_outbox\"");
    // The counters continue from the numbers already given (600001 on an empty database, as before).
    await queryRunner.query("INSERT INTO \"number_sequence\" (\"name\", \"next_value\") SELECT 'request_number', MAX(600001, COALESCE(MAX(\"request_number\"), 0) + 1) FROM \"certificate_request\"");
    await queryRunner.query("INSERT INTO \"number_sequence\" (\"name\", \"next_value\") SELECT 'order_number', MAX(600001, COALESCE(MAX(\"order_number\"), 0) + 1) FROM \"certificate_request\"");
    await queryRunner.query("CREATE INDEX \"ix_notification_outbox_due\" ON \"notification_outbox\" (\"sent_at\", \"dead_at\", \"next_attempt_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_notification_outbox_due\"");
    await queryRunner.query("ALTER TABLE \"notification_outbox\" RENAME TO \"temporary_notification_outbox\"");
    await queryRunner.query("CREATE TABLE \"notification_outbox\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer, \"recipient\" varchar(254) NOT NULL, \"subject\" varchar(200) NOT NULL, \"body\" varchar(4000) NOT NULL, \"created_at\" datetime NOT NULL, \"sent_at\" datetime, \"attempts\" integer NOT NULL DEFAULT (0), \"last_error\" varchar(500))");
    await queryRunner.query("INSERT INTO \"notification_outbox\"(\"id\", \"request_id\", \"recipient\", \"subject\", \"body\", \"created_at\", \"sent_at\", \"attempts\", \"last_error\") SELECT \"id\", \"request_id\", \"recipient\", \"subject\", \"body\", \"created_at\", \"sent_at\", \"attempts\", \"last_error\" FROM \"temporary_notification_outbox\"");
    await queryRunner.query("DROP TABLE \"temporary_notification_outbox\"");
    await queryRunner.query("DROP TABLE \"number_sequence\"");
    await queryRunner.query("DROP TABLE \"job_lease\"");
    await queryRunner.query("CREATE INDEX \"ix_notification_outbox_pending\" ON \"notification_outbox\" (\"sent_at\", \"id\") ");
  }
}
