import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { NotificationOutbox } from './NotificationOutbox.js';

/**
 * The HTML part of an outbox e-mail (its plain-text part is the outbox's `body`): a table of its
 * own, so the outbox's due scan keeps reading narrow rows. An e-mail without one goes out as plain text.
 */
@Entity('notification_outbox_html')
export class NotificationHtml {
  @PrimaryColumn({ type: 'int', name: 'outbox_id' })
  outboxId!: number;

  @OneToOne('NotificationOutbox', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outbox_id', foreignKeyConstraintName: 'fk_notification_outbox_html_outbox' })
  outbox!: NotificationOutbox;

  @Column({ type: 'text', name: 'html' })
  html!: string;
}
