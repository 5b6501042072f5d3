import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Applications1795612731136 implements MigrationInterface {
  name = 'Applications1795612731136';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"application_draft\" (\"id\" varchar(43) PRIMARY KEY NOT NULL, \"created_at\" datetime NOT NULL, \"expires_at\" datetime NOT NULL, \"terms_version\" varchar(20) NOT NULL, \"terms_accepted_at\" datetime NOT NULL, \"client_network\" varchar(64) NOT NULL, \"request_id\" integer)");
    await queryRunner.query("CREATE INDEX \"ix_application_draft_expires\" ON \"application_draft\" (\"expires_at\") ");
    await queryRunner.query("CREATE TABLE \"request_document\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"draft_id\" varchar(43) NOT NULL, \"request_id\" integer, \"kind\" varchar(32) NOT NULL, \"media_type\" varchar(40) NOT NULL, \"size\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"original_name\" varchar(200), \"uploaded_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"ix_request_document_request\" ON \"request_document\" (\"request_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_request_document_draft_kind\" ON \"request_document\" (\"draft_id\", \"kind\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_request_document_draft_kind\"");
    await queryRunner.query("DROP INDEX \"ix_request_document_request\"");
    await queryRunner.query("DROP TABLE \"request_document\"");
    await queryRunner.query("DROP INDEX \"ix_application_draft_expires\"");
    await queryRunner.query("DROP TABLE \"application_draft\"");
  }
}
