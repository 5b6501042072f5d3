import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RevokedIndex1795984426169 implements MigrationInterface {
  name = 'RevokedIndex1795984426169';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"ix_certificate_request_revoked\" ON \"certificate_request\" (\"revoked_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_certificate_request_revoked\"");
  }
}
