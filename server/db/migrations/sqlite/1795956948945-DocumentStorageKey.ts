import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentStorageKey1795956948945 implements MigrationInterface {
  name = 'DocumentStorageKey1795956948945';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_request_document_draft_kind\"");
    await queryRunner.query("DROP INDEX \"ix_request_document_request\"");
    await queryRunner.query("CREATE TABLE \"temporary_request_document\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"draft_id\" varchar(43) NOT NULL, \"request_id\" integer, \"kind\" varchar(32) NOT NULL, \"media_type\" varchar(40) NOT NULL, \"size\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"original_name\" varchar(200), \"uploaded_at\" datetime NOT NULL, \"storage_key\" varchar(64) NOT NULL)");
    // Documents stored before this migration keep their content-addressed file: its SHA-256 is its key.
    await queryRunner.query("INSERT INTO \"temporary_request_document\"(\"id\", \"draft_id\", \"request_id\", \"kind\", \"media_type\", \"size\", \"sha256\", \"original_name\", \"uploaded_at\", \"storage_key\") SELECT \"id\", \"draft_id\", \"request_id\", \"kind\", \"media_type\", \"size\", \"sha256\", \"original_name\", \"uploaded_at\", \"sha256\" FROM \"request_document\"");
    await queryRunner.query("DROP TABLE \"request_document\"");
    await queryRunner.query("ALTER TABLE \"temporary_request_document\" RENAME TO \"request_document\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_request_document_draft_kind\" ON \"request_document\" (\"draft_id\", \"kind\") ");
    await queryRunner.query("CREATE INDEX \"ix_request_document_request\" ON \"request_document\" (\"request_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_request_document_storage_key\" ON \"request_document\" (\"storage_key\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_request_document_storage_key\"");
    await queryRunner.query("DROP INDEX \"ix_request_document_request\"");
    await queryRunner.query("DROP INDEX \"uq_request_document_draft_kind\"");
    await queryRunner.query("ALTER TABLE \"request_document\" RENAME TO \"temporary_request_document\"");
    await queryRunner.query("CREATE TABLE \"request_document\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"draft_id\" varchar(43) NOT NULL, \"request_id\" integer, \"kind\" varchar(32) NOT NULL, \"media_type\" varchar(40) NOT NULL, \"size\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"original_name\" varchar(200), \"uploaded_at\" datetime NOT NULL)");
    await queryRunner.query("INSERT INTO \"request_document\"(\"id\", \"draft_id\", \"request_id\", \"kind\", \"media_type\", \"size\", \"sha256\", \"original_name\", \"uploaded_at\") SELECT \"id\", \"draft_id\", \"request_id\", \"kind\", \"media_type\", \"size\", \"sha256\", \"original_name\", \"uploaded_at\" FROM \"temporary_request_document\"");
    await queryRunner.query("DROP TABLE \"temporary_request_document\"");
    await queryRunner.query("CREATE INDEX \"ix_request_document_request\" ON \"request_document\" (\"request_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_request_document_draft_kind\" ON \"request_document\" (\"draft_id\", \"kind\") ");
  }
}
