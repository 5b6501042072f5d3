import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Documents' bytes in the database every instance shares (DatabaseDocumentStore); not an entity: see there why. */
export class DocumentBlobs1795971000000 implements MigrationInterface {
  name = 'DocumentBlobs1795971000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `document_blob` (`storage_key` varchar(80) NOT NULL, `bytes` longblob NOT NULL, `stored_at` datetime NOT NULL, PRIMARY KEY (`storage_key`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `document_blob`');
  }
}
