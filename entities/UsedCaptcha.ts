import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * ALTCHA verification is stateless, so a solved challenge could be replayed until it
 * expires: each used one is kept here (shared by every instance) until then.
 */
@Entity('used_captcha')
@Index('ix_used_captcha_expires', ['expiresAt'])
export class UsedCaptcha {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'challenge_id' })
  challengeId!: string;

  @Column({ type: 'datetime', name: 'expires_at' })
  expiresAt!: Date;
}
