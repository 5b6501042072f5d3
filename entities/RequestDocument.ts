import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A supporting document: uploaded to a draft, attached to the request by the submission.
 * The bytes live in the document store under `storage_key`, a random name of this row's
 * own (rows older than it keep their SHA-256 as the key), so deleting one document's bytes
 * never touches another's; the type is what the bytes are, not what the file was called.
 */
@Entity('request_document')
@Index('uq_request_document_draft_kind', ['draftId', 'kind'], { unique: true })
@Index('ix_request_document_request', ['requestId'])
@Index('ix_request_document_storage_key', ['storageKey'])
export class RequestDocument {
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number;

  @Column({ type: 'varchar', length: 43, name: 'draft_id' })
  draftId!: string;

  @Column({ type: 'int', name: 'request_id', nullable: true })
  requestId!: number | null;

  @Column({ type: 'varchar', length: 32, name: 'kind' })
  kind!: string;

  @Column({ type: 'varchar', length: 40, name: 'media_type' })
  mediaType!: string;

  @Column({ type: 'int', name: 'size' })
  size!: number;

  @Column({ type: 'varchar', length: 64, name: 'sha256' })
  sha256!: string;

  @Column({ type: 'varchar', length: 64, name: 'storage_key' })
  storageKey!: string;

  @Column({ type: 'varchar', length: 200, name: 'original_name', nullable: true })
  originalName!: string | null;

  @Column({ type: 'datetime', name: 'uploaded_at' })
  uploadedAt!: Date;
}
