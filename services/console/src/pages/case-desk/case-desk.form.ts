import type { CaseView, CompletionRequest, DecisionReason, DecisionRole, PaperworkRequest, RegistryReferenceRequest, VerificationRequest, VoidRequest } from '@accessdesk/contracts';
import { fromLocalInput } from '../new-lock/new-lock.form';

/**
 * The service desk's actions on a case, one form each, as the API takes them: verification
 * (POST /cases/{id}/verification), the form after an emergency lock (…/paperwork), completion after a
 * return (…/completion), void (…/void) and the region's registry reference (…/registry-reference).
 * Each field's name is its JSON path in the request, so the gateway's problems find their field.
 */
export const DESK_ACTIONS = ['verifiering', 'blankett', 'komplettering', 'makulera', 'diarienummer'] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

export const VERIFICATION_FIELDS = {
  outcome: 'Resultat av samtalet',
  calledAt: 'När du ringde',
  note: 'Anteckning om samtalet',
  judgement: 'Eget dokumenterat omdöme',
} as const;

export const PAPERWORK_FIELDS = {
  receivedAt: 'Blanketten kom in',
  'resident.personnummer': 'Personnummer enligt blanketten',
  'resident.name': 'Invånarens namn enligt blanketten',
  'decision.decidedBy.hsaId': 'Beslutsfattarens HSA-id',
  'decision.decidedBy.name': 'Beslutsfattarens namn',
  'decision.decidedBy.role': 'Beslutsfattarens roll',
  'decision.decidedAt': 'Beslutet fattades',
  'decision.reasons': 'Skäl',
  'decision.motivation': 'Motivering',
  'decision.journalNoteRef': 'Journalanteckning',
  'decision.chiefPhysicianInformedAt': 'Chefläkaren informerades',
  'patientInformed.informed': 'Har patienten informerats',
  'patientInformed.reasonIfNot': 'Varför patienten inte informerats',
  'signature.signedBy': 'Undertecknad av (HSA-id)',
  'signature.signedAt': 'Undertecknad',
  note: 'Anteckning',
} as const;

export const COMPLETION_FIELDS = {
  'emergencyCall.caller.hsaId': 'Den som ringde: HSA-id',
  'emergencyCall.caller.name': 'Den som ringde: namn',
  'emergencyCall.callBack.number': 'Numret du ringde tillbaka på',
  'emergencyCall.callBack.calledAt': 'När du ringde tillbaka',
  'signature.signedBy': 'Undertecknad av (HSA-id)',
  'signature.signedAt': 'Undertecknad',
  comment: 'Kommentar',
} as const;

export const VOID_FIELDS = { reason: 'Skäl till makuleringen' } as const;

export const REGISTRY_REFERENCE_FIELDS = { system: 'Diariesystem', reference: 'Diarienummer i regionens diarium' } as const;

export const FIELDS_OF: Record<DeskAction, Readonly<Record<string, string>>> = {
  verifiering: VERIFICATION_FIELDS,
  blankett: PAPERWORK_FIELDS,
  komplettering: COMPLETION_FIELDS,
  makulera: VOID_FIELDS,
  diarienummer: REGISTRY_REFERENCE_FIELDS,
};

/** A posted form: text per field, the reasons as a list. */
export interface DeskForm {
  values: Record<string, string>;
  reasons: string[];
}

export function readDeskForm(action: DeskAction, body: Record<string, unknown>): DeskForm {
  const form: DeskForm = { values: {}, reasons: [] };
  for (const field of Object.keys(FIELDS_OF[action])) {
    if (field === 'decision.reasons') continue;
    const v = body[field];
    if (typeof v === 'string') form.values[field] = v;
  }
  const reasons = body['decision.reasons'];
  form.reasons = (Array.isArray(reasons) ? reasons : [reasons]).filter((r): r is string => typeof r === 'string');
  return form;
}

/** Which actions fit the case as it stands (the API decides; this only chooses what the page offers). */
export function actionsFor(c: CaseView): DeskAction[] {
  const out: DeskAction[] = [];
  if (c.status === 'MANUAL_VERIFICATION' || c.paperwork === 'MANUAL_VERIFICATION') out.push('verifiering');
  // An emergency lock not executed takes no form (409 emergency-lock-not-executed): it is completed first.
  if ((c.paperwork === 'PENDING' || c.paperwork === 'RETURNED_FOR_COMPLETION') && !['RETURNED_FOR_COMPLETION', 'VOIDED', 'REFUSED'].includes(c.status)) out.push('blankett');
  if (c.status === 'RETURNED_FOR_COMPLETION') out.push('komplettering');
  if (['RECEIVED', 'VERIFYING', 'RETURNED_FOR_COMPLETION', 'MANUAL_VERIFICATION', 'READY'].includes(c.status)) out.push('makulera');
  out.push('diarienummer');
  return out;
}

const t = (f: DeskForm, field: string): string => (f.values[field] ?? '').trim();
const given = (f: DeskForm, ...fields: string[]): boolean => fields.some((field) => t(f, field) !== '');
/** A date field: empty stays empty (the gateway names it when required). */
const at = (f: DeskForm, field: string): string => fromLocalInput(f.values[field]);

export function verificationRequestFrom(f: DeskForm): VerificationRequest {
  return {
    outcome: t(f, 'outcome') as VerificationRequest['outcome'],
    ...(given(f, 'calledAt') || !given(f, 'judgement') ? { calledAt: at(f, 'calledAt') } : {}),
    note: t(f, 'note'),
    ...(given(f, 'judgement') ? { judgement: t(f, 'judgement') } : {}),
  };
}

/** From staff: the documented decision, the patient information and the signature; from the resident: the receipt only. */
export function paperworkRequestFrom(f: DeskForm, fromResident: boolean): PaperworkRequest {
  const resident = given(f, 'resident.personnummer', 'resident.name')
    ? { resident: { personnummer: t(f, 'resident.personnummer').replace(/[-+\s]/g, ''), name: t(f, 'resident.name') } }
    : {};
  const note = given(f, 'note') ? { note: t(f, 'note') } : {};
  if (fromResident) return { receivedAt: at(f, 'receivedAt'), ...resident, ...note };
  const informed = t(f, 'patientInformed.informed');
  return {
    receivedAt: at(f, 'receivedAt'),
    ...resident,
    decision: {
      decidedBy: { hsaId: t(f, 'decision.decidedBy.hsaId'), name: t(f, 'decision.decidedBy.name'), role: t(f, 'decision.decidedBy.role') as DecisionRole },
      decidedAt: at(f, 'decision.decidedAt'),
      reasons: f.reasons as DecisionReason[],
      motivation: t(f, 'decision.motivation'),
      journalNoteRef: given(f, 'decision.journalNoteRef') ? t(f, 'decision.journalNoteRef') : null,
      chiefPhysicianInformedAt: given(f, 'decision.chiefPhysicianInformedAt') ? at(f, 'decision.chiefPhysicianInformedAt') : null,
    },
    // Unanswered is sent as not a boolean, so that the gateway names the field.
    patientInformed: {
      informed: (informed === 'yes' ? true : informed === 'no' ? false : informed) as boolean,
      reasonIfNot: given(f, 'patientInformed.reasonIfNot') ? t(f, 'patientInformed.reasonIfNot') : null,
    },
    signature: { signedBy: t(f, 'signature.signedBy'), signedAt: at(f, 'signature.signedAt') },
    ...note,
  };
}

/** Only the parts given are sent: what is given replaces that part of the case (R4, R12). */
export function completionRequestFrom(f: DeskForm): CompletionRequest {
  const call = ['emergencyCall.caller.hsaId', 'emergencyCall.caller.name', 'emergencyCall.callBack.number', 'emergencyCall.callBack.calledAt'];
  return {
    ...(given(f, ...call)
      ? {
          emergencyCall: {
            caller: { hsaId: t(f, 'emergencyCall.caller.hsaId'), name: t(f, 'emergencyCall.caller.name') },
            callBack: { number: t(f, 'emergencyCall.callBack.number'), calledAt: at(f, 'emergencyCall.callBack.calledAt') },
          },
        }
      : {}),
    ...(given(f, 'signature.signedBy', 'signature.signedAt') ? { signature: { signedBy: t(f, 'signature.signedBy'), signedAt: at(f, 'signature.signedAt') } } : {}),
    ...(given(f, 'comment') ? { comment: t(f, 'comment') } : {}),
  };
}

export function voidRequestFrom(f: DeskForm): VoidRequest {
  return { reason: t(f, 'reason') };
}

export function registryReferenceRequestFrom(f: DeskForm): RegistryReferenceRequest {
  return { ...(given(f, 'system') ? { system: t(f, 'system') } : {}), reference: t(f, 'reference') };
}
