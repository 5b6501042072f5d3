import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditIndexByTime1795628711145 implements MigrationInterface {
  name = 'AuditIndexByTime1795628711145';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_lookup_audit_identity\"");
    await queryRunner.query("DROP INDEX \"ix_lookup_audit_occurred\"");
    await queryRunner.query("CREATE INDEX \"ix_lookup_audit_occurred_identity\" ON \"lookup_audit\" (\"occurred_at\", \"identity_hash\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_lookup_audit_occurred_identity\"");
    await queryRunner.query("CREATE INDEX \"ix_lookup_audit_occurred\" ON \"lookup_audit\" (\"occurred_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_lookup_audit_identity\" ON \"lookup_audit\" (\"identity_hash\", \"occurred_at\") ");
  }
}
