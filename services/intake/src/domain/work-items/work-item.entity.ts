import { Column, Entity, PrimaryColumn } from 'typeorm';
import { StaffToolAction, WorkItemKind, WorkItemStatus, WorkQueue } from '@accessdesk/contracts';

/** One item in a desk's inbox (DESIGN.md "work items"): what to do by hand, until it is done. */
@Entity({ name: 'work_items' })
export class WorkItemEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: WorkItemKind;
  @Column({ type: 'text' }) queue!: WorkQueue;
  @Column({ type: 'text' }) status!: WorkItemStatus;
  @Column({ type: 'text' }) region!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'registry_number', type: 'text' }) registryNumber!: string;
  @Column({ type: 'text', nullable: true }) action!: StaffToolAction | null;
  @Column({ name: 'action_id', type: 'uuid', nullable: true }) actionId!: string | null;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'jsonb' }) details!: string[];
  @Column({ type: 'boolean' }) escalated!: boolean;
  /** What the operator needs to act (manual execution); NULL once done (data minimisation). */
  @Column({ type: 'jsonb', nullable: true }) subject!: { personnummer: string; guardianPersonnummer?: string[]; sealScope?: object | null } | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ name: 'completed_by', type: 'text', nullable: true }) completedBy!: string | null;
  @Column({ type: 'text', nullable: true }) resolution!: string | null;
}
