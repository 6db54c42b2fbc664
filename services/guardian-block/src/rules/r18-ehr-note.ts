import { swedishDate } from '@accessdesk/contracts';

/**
 * R18, R19 (002) "Dokumentera i Cosmic": the note the staff put in the EHR when a guardian block is
 * decided or lifted, drafted for them: template "Administrativ anteckning", keyword "Åtgärd"; what
 * was done, for which period, who decided, on what grounds, who informed the guardian. Swedish,
 * and without any personnummer (the note is about the child, in the child's record).
 */
export interface DecisionMakerRef {
  name: string;
  hsaId: string;
}

export interface BlockNoteInput {
  registryNumber: string;
  guardianCount: number;
  decidedBy: DecisionMakerRef;
  decidedAt: string;
  motivation: string;
  guardianInformedBy: string;
  /** 002: a report of concern to social services (orosanmälan) was made; part of the basis. */
  concernReported?: boolean;
  period?: { from?: string | null; to?: string | null } | null;
  /** R20: a protected child 0–12; nothing was blocked. */
  alreadyInEffect: boolean;
}

export interface UnblockNoteInput {
  registryNumber: string;
  guardianCount: number;
  decidedBy: DecisionMakerRef;
  decidedAt: string;
  motivation: string;
  threatCheck: { checkedAt: string; summary: string };
}

const HEADER = ['Administrativ anteckning', 'Sökord: Åtgärd'];

/** The Swedish calendar day of a time; a date given as a date stays as it is. */
function day(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : swedishDate(iso);
}

function guardiansOf(count: number): string {
  return count >= 2 ? 'båda vårdnadshavarnas' : 'en vårdnadshavares';
}

/** Only when the decision names one: a block otherwise stays until lifted (002). */
export function periodText(period: BlockNoteInput['period']): string | null {
  const from = period?.from ? day(period.from) : null;
  const to = period?.to ? day(period.to) : null;
  if (from && to) return `${from} – ${to}`;
  if (from) return `från ${from}, tills blockeringen tas bort`;
  if (to) return `till ${to}`;
  return null;
}

function decided(by: DecisionMakerRef, at: string): string {
  return `Beslut: ${by.name} (${by.hsaId}), verksamhetschef, ${day(at)}`;
}

export function draftBlockNote(input: BlockNoteInput): string {
  const what = input.alreadyInEffect
    ? `Åtgärd: Begäran om blockering av ${guardiansOf(input.guardianCount)} åtkomst till barnets journal och e-tjänster på 1177 (ärende ${input.registryNumber}). ` +
      'Ingen blockering behövdes: barnet är 0–12 år och har skyddade personuppgifter, så vårdnadshavarna saknar redan åtkomst.'
    : `Åtgärd: Blockering av ${guardiansOf(input.guardianCount)} åtkomst till barnets journal och e-tjänster på 1177 (ärende ${input.registryNumber}). ` +
      'Barnets inloggning till 1177 e-tjänster låses samtidigt av säkerhetsskäl.';
  const period = periodText(input.period);
  return [
    ...HEADER,
    what,
    ...(period ? [`Period: ${period}`] : []),
    decided(input.decidedBy, input.decidedAt),
    `Grund för beslutet: ${input.motivation}`,
    // 002: "Om en orosanmälan till socialförvaltningen görs…": the note says so, as part of the basis.
    ...(input.concernReported ? ['Orosanmälan till socialförvaltningen har gjorts.'] : []),
    `Vårdnadshavaren informerad av: ${input.guardianInformedBy}`,
  ].join('\n');
}

export function draftUnblockNote(input: UnblockNoteInput): string {
  return [
    ...HEADER,
    `Åtgärd: Borttagande av blockering av ${guardiansOf(input.guardianCount)} åtkomst till barnets journal och e-tjänster på 1177 (ärende ${input.registryNumber}). ` +
      'Barnets inloggning låses inte upp automatiskt; upplåsning begärs i ett eget ärende.',
    decided(input.decidedBy, input.decidedAt),
    `Grund för beslutet: ${input.motivation}`,
    `Kontroll av hotbild ${day(input.threatCheck.checkedAt)}, med andra verksamheter där barnet behandlas eller har behandlats och med socialtjänsten: ${input.threatCheck.summary}`,
  ].join('\n');
}
