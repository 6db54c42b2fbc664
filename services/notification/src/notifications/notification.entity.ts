import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { NotificationKind, NotificationStatus } from './notification-status';

/**
 * One e-mail to send, kept until it is sent: the text is fixed when the row is written, so a retry
 * sends the same e-mail with the same Message-ID. Holds no personnummer and no resident name.
 */
@Entity({ name: 'notifications' })
@Index('notifications_case_kind_occurrence', ['caseId', 'kind', 'occurrence'], { unique: true })
@Index('notifications_due', ['nextAttemptAt'], { where: `status = 'PENDING'` })
export class NotificationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'text' }) region!: string;
  @Column({ type: 'text' }) kind!: NotificationKind;
  /**
   * Tells apart two e-mails of one kind about one case that are both wanted: a case returned for
   * completion a second time, a guardian block that failed and was executed later. Empty where a
   * case has at most one e-mail of the kind. The same event again (a new message id) writes the
   * same occurrence, so `(case_id, kind, occurrence)` keeps it to one e-mail.
   */
  @Column({ type: 'text', default: '' }) occurrence!: string;
  /** E-mail addresses, each once: the To header of every attempt. */
  @Column({ type: 'jsonb' }) recipients!: string[];
  /** Those of `recipients` the mail server has accepted; a retry goes to the others only. */
  @Column({ name: 'delivered_to', type: 'jsonb', default: () => `'[]'::jsonb` }) deliveredTo!: string[];
  @Column({ type: 'text' }) subject!: string;
  @Column({ name: 'body_text', type: 'text' }) bodyText!: string;
  @Column({ type: 'text' }) status!: NotificationStatus;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  /** The Message-ID header, `<id@accessdesk.se>`. */
  @Column({ name: 'message_id', type: 'text', nullable: true }) messageId!: string | null;
  /** The id of the message that asked for this e-mail, the cause of the event that reports it sent. */
  @Column({ name: 'causation_id', type: 'uuid' }) causationId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
