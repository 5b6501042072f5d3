import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsoleQueue1795967329095 implements MigrationInterface {
  name = 'ConsoleQueue1795967329095';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"request_queue\" (\"request_id\" integer PRIMARY KEY NOT NULL, \"stage\" varchar(24) NOT NULL, \"filed_at\" datetime NOT NULL, \"since\" datetime NOT NULL, \"certificate_type_id\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"ix_request_queue_stage_type\" ON \"request_queue\" (\"stage\", \"certificate_type_id\", \"filed_at\", \"request_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_request_queue_stage\" ON \"request_queue\" (\"stage\", \"filed_at\", \"request_id\") ");
    await queryRunner.query("CREATE TABLE \"document_view\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"document_id\" integer NOT NULL, \"request_id\" integer NOT NULL, \"operator_id\" varchar(200) NOT NULL, \"operator_name\" varchar(80) NOT NULL, \"viewed_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"ix_document_view_operator\" ON \"document_view\" (\"operator_name\", \"viewed_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_document_view_viewed\" ON \"document_view\" (\"viewed_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_applicant_full_name\" ON \"applicant\" (\"full_name\") ");
    await queryRunner.query("CREATE INDEX \"ix_certificate_request_order\" ON \"certificate_request\" (\"order_number\") ");
    await queryRunner.query("CREATE INDEX \"ix_request_event_actor\" ON \"request_event\" (\"actor\", \"occurred_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_request_event_occurred\" ON \"request_event\" (\"occurred_at\") ");
    // Backfill: every request's stage as server/lifecycle/machine.ts derives it (an expired
    // certificate stays ISSUED: expiry is no move), filed when it was created, at its stage
    // since its newest step. A copy of the rule as it stands today: a landed migration never changes.
    await queryRunner.query(`
      INSERT INTO request_queue (request_id, stage, filed_at, since, certificate_type_id)
        SELECT r.id,
               CASE WHEN r.status = 'REJECTED' THEN 'REJECTED'
                    WHEN r.status = 'CANCELLED' THEN 'CANCELLED'
                    WHEN v.state = 'REVOKED' THEN 'REVOKED'
                    WHEN v.state = 'VALID' THEN 'ISSUED'
                    WHEN f.state IS NULL OR f.state <> 'COMPLETED' THEN 'AWAITING_FILING'
                    WHEN p.state IS NULL OR p.state <> 'COMPLETED' THEN 'AWAITING_PAYMENT'
                    WHEN a.state IS NULL OR a.state <> 'COMPLETED' THEN 'AWAITING_APPROVAL'
                    ELSE 'AWAITING_DELIVERY' END,
               r.created_at,
               COALESCE((SELECT MAX(s.modified_at) FROM request_step s WHERE s.request_id = r.id), r.created_at),
               r.certificate_type_id
          FROM certificate_request r
          LEFT JOIN request_step f ON f.request_id = r.id AND f.kind = 'FILING'
          LEFT JOIN request_step p ON p.request_id = r.id AND p.kind = 'PAYMENT'
          LEFT JOIN request_step a ON a.request_id = r.id AND a.kind = 'APPROVAL'
          LEFT JOIN request_step v ON v.request_id = r.id AND v.kind = 'VALIDITY'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_request_event_occurred\"");
    await queryRunner.query("DROP INDEX \"ix_request_event_actor\"");
    await queryRunner.query("DROP INDEX \"ix_certificate_request_order\"");
    await queryRunner.query("DROP INDEX \"ix_applicant_full_name\"");
    await queryRunner.query("DROP INDEX \"ix_document_view_viewed\"");
    await queryRunner.query("DROP INDEX \"ix_document_view_operator\"");
    await queryRunner.query("DROP TABLE \"document_view\"");
    await queryRunner.query("DROP INDEX \"ix_request_queue_stage\"");
    await queryRunner.query("DROP INDEX \"ix_request_queue_stage_type\"");
    await queryRunner.query("DROP TABLE \"request_queue\"");
  }
}
