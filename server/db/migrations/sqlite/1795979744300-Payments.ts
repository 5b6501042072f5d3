import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Payments1795979744300 implements MigrationInterface {
  name = 'Payments1795979744300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"payment_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"provider\" varchar(16) NOT NULL, \"transaction_id\" varchar(64) NOT NULL, \"reference\" varchar(64) NOT NULL, \"amount_in_cents\" bigint NOT NULL, \"request_id\" integer, \"expected_cents\" bigint, \"outcome\" varchar(24) NOT NULL, \"received_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"ix_payment_event_received\" ON \"payment_event\" (\"received_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_payment_event_request\" ON \"payment_event\" (\"request_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_payment_event_transaction\" ON \"payment_event\" (\"provider\", \"transaction_id\") ");
    await queryRunner.query("DROP INDEX \"uq_invoice_request\"");
    await queryRunner.query("DROP INDEX \"uq_invoice_token\"");
    await queryRunner.query("CREATE TABLE \"temporary_invoice\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"invoice_number\" varchar(40) NOT NULL, \"token\" varchar(43) NOT NULL, \"issued_at\" datetime NOT NULL, \"subtotal_cop\" integer, \"vat_cop\" integer, \"total_cop\" integer, \"cufe\" varchar(96))");
    await queryRunner.query("INSERT INTO \"temporary_invoice\"(\"id\", \"request_id\", \"invoice_number\", \"token\", \"issued_at\") SELECT \"id\", \"request_id\", \"invoice_number\", \"token\", \"issued_at\" FROM \"invoice\"");
    await queryRunner.query("DROP TABLE \"invoice\"");
    await queryRunner.query("ALTER TABLE \"temporary_invoice\" RENAME TO \"invoice\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_invoice_request\" ON \"invoice\" (\"request_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_invoice_token\" ON \"invoice\" (\"token\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_invoice_token\"");
    await queryRunner.query("DROP INDEX \"uq_invoice_request\"");
    await queryRunner.query("ALTER TABLE \"invoice\" RENAME TO \"temporary_invoice\"");
    await queryRunner.query("CREATE TABLE \"invoice\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"request_id\" integer NOT NULL, \"invoice_number\" varchar(40) NOT NULL, \"token\" varchar(43) NOT NULL, \"issued_at\" datetime NOT NULL)");
    await queryRunner.query("INSERT INTO \"invoice\"(\"id\", \"request_id\", \"invoice_number\", \"token\", \"issued_at\") SELECT \"id\", \"request_id\", \"invoice_number\", \"token\", \"issued_at\" FROM \"temporary_invoice\"");
    await queryRunner.query("DROP TABLE \"temporary_invoice\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_invoice_token\" ON \"invoice\" (\"token\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_invoice_request\" ON \"invoice\" (\"request_id\") ");
    await queryRunner.query("DROP INDEX \"uq_payment_event_transaction\"");
    await queryRunner.query("DROP INDEX \"ix_payment_event_request\"");
    await queryRunner.query("DROP INDEX \"ix_payment_event_received\"");
    await queryRunner.query("DROP TABLE \"payment_event\"");
  }
}
