import { Actor, WorkItemView, WorkQueue } from '@accessdesk/contracts';
import { WorkItemEntity } from './work-item.entity';

/** The queues whose items an actor works: the service desk's, the contact centre's, or both. */
export function queuesOf(actor: Actor): WorkQueue[] {
  return [...(actor.roles.includes('service_desk') ? (['SERVICE_DESK'] as const) : []), ...(actor.roles.includes('contact_centre') ? (['CONTACT_CENTRE'] as const) : [])];
}

/** An item as the desk sees it; `protectedIdentity` marks an item on a protected resident's case. */
export function workItemView(item: WorkItemEntity, protectedIdentity = false): WorkItemView {
  return {
    id: item.id,
    kind: item.kind,
    queue: item.queue,
    status: item.status,
    region: item.region,
    caseId: item.caseId,
    registryNumber: item.registryNumber,
    action: item.action,
    title: item.title,
    details: item.details,
    escalated: item.escalated,
    subject: item.subject,
    protectedIdentity,
    createdAt: item.createdAt.toISOString(),
    completedAt: item.completedAt?.toISOString() ?? null,
    completedBy: item.completedBy,
    resolution: item.resolution,
  };
}
