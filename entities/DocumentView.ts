import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An operator opened a supporting document (/operaciones/documentos/{id}): who, which, when. */
@Entity('document_view')
@Index('ix_document_view_viewed', ['viewedAt'])
@Index('ix_document_view_operator', ['operatorName', 'viewedAt'])
export class DocumentView {
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number;

  @Column({ type: 'int', name: 'document_id' })
  documentId!: number;

  @Column({ type: 'int', name: 'request_id' })
  requestId!: number;

  /** Operator.id: `key:<partner id>`, or `oidc:<subject>` for a person signed in. */
  @Column({ type: 'varchar', length: 200, name: 'operator_id' })
  operatorId!: string;

  /** The name the history records for the same operator (request_event.actor). */
  @Column({ type: 'varchar', length: 80, name: 'operator_name' })
  operatorName!: string;

  @Column({ type: 'datetime', name: 'viewed_at' })
  viewedAt!: Date;
}
