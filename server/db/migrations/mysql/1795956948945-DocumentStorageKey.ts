import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentStorageKey1795956948945 implements MigrationInterface {
  name = 'DocumentStorageKey1795956948945';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `request_document` ADD `storage_key` varchar(64) NOT NULL");
    // Documents stored before this migration keep their content-addressed file: its SHA-256 is its key.
    await queryRunner.query("UPDATE `request_document` SET `storage_key` = `sha256`");
    await queryRunner.query("CREATE INDEX `ix_request_document_storage_key` ON `request_document` (`storage_key`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `ix_request_document_storage_key` ON `request_document`");
    await queryRunner.query("ALTER TABLE `request_document` DROP COLUMN `storage_key`");
  }
}
