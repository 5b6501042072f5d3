import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApplicantPhone1795614262171 implements MigrationInterface {
  name = 'ApplicantPhone1795614262171';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `applicant` ADD `phone` varchar(20) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `applicant` DROP COLUMN `phone`");
  }
}
