import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Which instance runs a periodic job (the purges) now, and until when: one instance at a
 * time, and a crashed holder's lease lapses by itself.
 */
@Entity('job_lease')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'job' })
  job!: string;

  @Column({ type: 'varchar', length: 36, name: 'owner' })
  owner!: string;

  @Column({ type: 'datetime', name: 'lease_until' })
  leaseUntil!: Date;
}
