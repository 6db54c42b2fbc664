import { CaseView, RelatedCaseRef, TimelineEntry } from '@accessdesk/contracts';
import { CaseEntity } from './case.entity';

/**
 * A timeline step's text: a fixed note, and what it quotes from a person (a comment, a reason, what
 * the staff tool showed) apart, so that the quote can be withheld for a resident with a protected
 * identity — free text may name a place, a relative, a unit, an address.
 */
export type StepNote = string | { note: string; freeText?: string | null };

/** Shown instead of the free text of a step when the resident has a protected identity. */
export const FREE_TEXT_WITHHELD = '[fritext visas inte: skyddad identitet]';

/** The note as the case view shows it. */
export function renderNote(note: string, freeText: string | null | undefined, protectedIdentity: boolean): string {
  if (!freeText) return note;
  return `${note}: ${protectedIdentity ? FREE_TEXT_WITHHELD : freeText}`;
}

export function splitNote(note: StepNote): { note: string; freeText: string | null } {
  return typeof note === 'string' ? { note, freeText: null } : { note: note.note, freeText: note.freeText?.trim() ? note.freeText : null };
}

export function caseView(entity: CaseEntity, timeline: TimelineEntry[], related: { cases: RelatedCaseRef[]; truncated: boolean } = { cases: [], truncated: false }): CaseView {
  return {
    id: entity.id,
    registryNumber: entity.registryNumber,
    type: entity.type,
    status: entity.status,
    region: entity.region,
    channel: entity.channel,
    outcome: entity.outcome,
    paperwork: entity.paperwork,
    paperworkSender: entity.paperworkSender ?? null,
    review: entity.reviewId ? { id: entity.reviewId, outcome: entity.reviewOutcome ?? null } : null,
    guardianBlockId: entity.guardianBlockId ?? null,
    voidReason: entity.voidReason && entity.protectedIdentity ? FREE_TEXT_WITHHELD : (entity.voidReason ?? null),
    lockedByRegion: entity.lockedByRegion ?? null,
    effects: entity.effects,
    advice: entity.advice,
    relatedCases: related.cases,
    relatedCasesTruncated: related.truncated,
    requestingUnit: { hsaId: entity.request.requestingUnit.hsaId, name: entity.request.requestingUnit.name },
    protectedIdentity: entity.protectedIdentity ?? false,
    registryCategory: entity.registryCategory ?? null,
    registryReference: entity.registryReference ?? null,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    timeline,
  };
}
