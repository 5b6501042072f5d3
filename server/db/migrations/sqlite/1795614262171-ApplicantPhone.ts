import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApplicantPhone1795614262171 implements MigrationInterface {
  name = 'ApplicantPhone1795614262171';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_applicant_identity\"");
    await queryRunner.query("CREATE TABLE \"temporary_applicant\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"id_type\" varchar(8) NOT NULL, \"id_number\" varchar(20) NOT NULL, \"full_name\" varchar(200) NOT NULL, \"email\" varchar(254), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"phone\" varchar(20))");
    await queryRunner.query("INSERT INTO \"temporary_applicant\"(\"id\", \"id_type\", \"id_number\", \"full_name\", \"email\", \"created_at\") SELECT \"id\", \"id_type\", \"id_number\", \"full_name\", \"email\", \"created_at\" FROM \"applicant\"");
    await queryRunner.query("DROP TABLE \"applicant\"");
    await queryRunner.query("ALTER TABLE \"temporary_applicant\" RENAME TO \"applicant\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_applicant_identity\" ON \"applicant\" (\"id_type\", \"id_number\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_applicant_identity\"");
    await queryRunner.query("ALTER TABLE \"applicant\" RENAME TO \"temporary_applicant\"");
    await queryRunner.query("CREATE TABLE \"applicant\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"id_type\" varchar(8) NOT NULL, \"id_number\" varchar(20) NOT NULL, \"full_name\" varchar(200) NOT NULL, \"email\" varchar(254), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"applicant\"(\"id\", \"id_type\", \"id_number\", \"full_name\", \"email\", \"created_at\") SELECT \"id\", \"id_type\", \"id_number\", \"full_name\", \"email\", \"created_at\" FROM \"temporary_applicant\"");
    await queryRunner.query("DROP TABLE \"temporary_applicant\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_applicant_identity\" ON \"applicant\" (\"id_type\", \"id_number\") ");
  }
}
