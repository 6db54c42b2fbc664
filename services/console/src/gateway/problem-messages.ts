import { PROBLEM_BASE } from '@accessdesk/contracts';
import { GatewayProblem } from './gateway.client';

/**
 * The gateway's problem documents in Swedish, placed beside the field they concern. A form names its
 * fields by the request's JSON paths (`decision.motivation` for the pointer `/decision/motivation`),
 * so a `validation-failed` problem lands on its field by itself; a rule's problem (R2, R22 …), which
 * names no pointer, is placed by its type here. The API's English `detail` is never shown.
 */
export interface FormProblems {
  /** Field name → message. */
  fields: Record<string, string>;
  /** What belongs to no one field. */
  general: string[];
}

/** Rule problems of POST /cases and where they belong. */
const RULE_PROBLEMS: Record<string, { field?: string; message: string }> = {
  'journal-note-missing': { field: 'decision.journalNoteRef', message: 'Ange referensen till journalanteckningen med bedömning, motiv och beslut (R2).' },
  'chief-physician-not-informed': { field: 'decision.chiefPhysicianInformedAt', message: 'Chefläkaren ska vara informerad innan ärendet skickas. Ange när (R2).' },
  'reason-missing': { field: 'decision.reasons', message: 'Välj minst ett skäl (R2).' },
  'motivation-missing': { field: 'decision.motivation', message: 'Beskriv motivet för beslutet (R2).' },
  'unlock-reason-on-lock': { field: 'decision.reasons', message: 'Välj skäl för låsning, inte för upplåsning (R2).' },
  'lock-reason-on-unlock': { field: 'decision.reasons', message: 'Välj skäl för upplåsning, inte för låsning (R11).' },
  'channel-not-offered': { field: 'channel', message: 'Regionen tar inte emot ärenden via den valda kanalen (R22).' },
  'emergency-by-service-desk': { field: 'channel', message: 'Nödlåsning per telefon registreras av servicedesken (R12).' },
  'external-party-other-region': { field: 'initiator.kind', message: 'Invånaren är folkbokförd i en annan region; den regionen handlägger ärendet (R15).' },
  'related-case-mismatch': { message: 'Det angivna tidigare ärendet hör inte ihop med det här (R6).' },
  'role-not-allowed': { message: 'Din roll får inte göra detta.' },
  forbidden: { message: 'Du har inte behörighet att göra detta.' },
  'too-many-requests': { message: 'För många försök på kort tid. Vänta en stund och försök igen.' },
  // The service desk's forms (pages/desk-inbox, pages/case-desk).
  'no-account-not-a-login-action': { field: 'result', message: '"Inget eget konto" gäller bara låsning och upplåsning av inloggningen (R16).' },
  'locked-by-region-missing': { field: 'lockedByRegion', message: 'Ange vilken region låsningen gäller, som verktyget visar den ("låst på begäran av Region X") (R10).' },
  'locked-by-region-not-own': { field: 'lockedByRegion', message: 'En låsning du själv utförde är din regions. Visade verktyget en annan regions låsning: välj "Redan i det läget" (R10).' },
  'locked-by-region-not-applicable': { field: 'lockedByRegion', message: 'Ange region bara för en låsning av inloggningen som är utförd eller redan gällde (R10).' },
  'execution-outcome-unknown': { field: 'resolution', message: 'Titta i personalverktyget först: åtgärden kan ha blivit utförd. Kvittera vad verktyget visar (R7).' },
  'executed-at-out-of-range': { field: 'executedAt', message: 'Tiden kan inte ligga i framtiden eller före åtgärden skickades.' },
  'manual-result-missing': { field: 'result', message: 'Välj vad personalverktyget visade.' },
  'resolution-missing': { field: 'resolution', message: 'Välj hur ärendet ska gå vidare.' },
  'work-item-not-found': { message: 'Arbetsuppgiften finns inte längre bland de öppna: den kan redan vara klar.' },
  'judgement-missing': { field: 'calledAt', message: 'Ange när du ringde, eller ditt eget dokumenterade omdöme vid en nödspärr (R12).' },
  'called-at-missing': { field: 'calledAt', message: 'Ange när du ringde.' },
  'judgement-not-applicable': { field: 'judgement', message: 'Eget omdöme gäller bara en nödspärr när personalkatalogen inte svarar, och bara som verifierad (R12).' },
  'paperwork-incomplete': { message: 'Blanketten från personal ska ha beslut (R2), information till patienten (R3) och underskrift.' },
  'no-paperwork-pending': { message: 'Ärendet väntar inte på någon blankett.' },
  'resident-cannot-change': { field: 'resident.personnummer', message: 'Personnumret måste vara ärendets invånares.' },
  'emergency-lock-not-executed': { message: 'Nödspärren har inte verkställts: komplettera ärendet med uppgifterna om samtalet i stället (R12).' },
  'call-back-in-the-future': { field: 'emergencyCall.callBack.calledAt', message: 'Tiden för samtalet kan inte ligga i framtiden.' },
  'registry-reference-is-personnummer': { field: 'reference', message: 'Ange diariets nummer, inte ett personnummer.' },
  'case-state-conflict': { message: 'Ärendet är inte i ett läge där detta går att göra. Ladda om ärendet och se vad som väntar.' },
  'case-not-found': { message: 'Ärendet finns inte, eller så har du inte behörighet att se det.' },
  'service-unavailable': { message: 'Tjänsten svarar inte just nu. Försök igen om en stund: samma formulär kan skickas igen utan att ärendet registreras två gånger.' },
  // The clinician's and the unit head's forms (unlock, seal, guardian block, review decision).
  'patient-informed-or-reason': { field: 'patientInformed.reasonIfNot', message: 'Ange om patienten har informerats, och annars varför inte (R3).' },
  'initiator-description-missing': { field: 'initiator.description', message: 'Beskriv vem som tog initiativet och hur de nås (R14, R15).' },
  'decision-authority': { field: 'decision.decidedBy.hsaId', message: 'Beslutsfattaren har inte behörighet att besluta om detta enligt HSA-katalogen (R1).' },
  'no-active-lock': { field: 'resident.personnummer', message: 'Invånaren har ingen utförd låsning som gäller, så det finns inget att låsa upp (R10).' },
  'unlock-by-other-region': { field: 'resident.personnummer', message: 'Inloggningen är låst på begäran av en annan region. Bara den regionen kan låsa upp den (R10).' },
  'lift-in-progress': { message: 'En upplåsning av den här låsningen pågår redan (R10). Följ det ärendet i Enhetens ärenden.' },
  'seal-scope-missing': { field: 'sealScope.whole', message: 'Välj hela journalen, eller namnge vårdgivare eller vårdenheter (R21).' },
  'seal-scope-ambiguous': { field: 'sealScope.whole', message: 'Välj antingen hela journalen eller namngivna vårdgivare och enheter, inte båda (R21).' },
  'seal-period-invalid': { field: 'sealScope.to', message: 'Förseglingen kan inte sluta innan den börjar (R21).' },
  'child-not-a-minor': { field: 'child.personnummer', message: 'Barnet ska vara under 18 år för att en vårdnadshavare ska kunna blockeras (R18).' },
  'resident-not-found': { field: 'child.personnummer', message: 'Folkbokföringen känner inte till barnet. Kontrollera personnumret.' },
  'guardian-not-listed': { field: 'guardians', message: 'Minst en av vårdnadshavarna står inte som barnets vårdnadshavare i folkbokföringen (R18).' },
  'guardian-listed-twice': { field: 'guardians', message: 'Ange varje vårdnadshavare en gång.' },
  'guardian-block-needs-unit-head': { field: 'decision.decidedBy.hsaId', message: 'Blockering av vårdnadshavare beslutas av verksamhetschefen (R1).' },
  'guardian-block-decider-not-in-directory': { field: 'decision.decidedBy.hsaId', message: 'HSA-katalogen känner inte till beslutsfattaren. Ange verksamhetschefens HSA-id (R1).' },
  'guardian-block-decider-not-unit-head': { field: 'decision.decidedBy.hsaId', message: 'Beslutsfattaren är inte verksamhetschef enligt HSA-katalogen. Bara verksamhetschefen beslutar (R1).' },
  'staff-directory-unavailable': { message: 'HSA-katalogen svarar inte just nu, så beslutsfattaren kunde inte kontrolleras. Inget registrerades; skicka formuläret igen om en stund.' },
  'not-your-unit': { field: 'requestingUnit.hsaId', message: 'Du kan bara skicka begäran för din egen enhet.' },
  'review-already-decided': { message: 'Omprövningen är redan beslutad på annat sätt (R9).' },
  'lock-already-lifted': { message: 'Låsningen har redan hävts genom ett annat ärende, så det finns inget kvar att ompröva (R9, R10).' },
};

const UNAVAILABLE = RULE_PROBLEMS['service-unavailable']!.message;

/** A field's own message, by what kind of value it takes. */
export function fieldMessage(field: string, label: string): string {
  if (field.endsWith('personnummer')) return 'Ange ett giltigt personnummer: 12 siffror (ÅÅÅÅMMDDNNNN) med rätt kontrollsiffra.';
  if (/(hsaId|signedBy)$/.test(field)) return 'Ange ett HSA-id, till exempel SE2321000131-E000000000011.';
  if (/[eE]mail$/.test(field)) return 'Ange en giltig e-postadress.';
  if (field.endsWith('At')) return 'Ange datum och tid.';
  if (field.endsWith('reasons')) return 'Välj minst ett skäl i listan.';
  return `Fyll i ${label.charAt(0).toLowerCase()}${label.slice(1)}.`;
}

/** `/decision/reasons/0` → `decision.reasons`: the form field a JSON Pointer falls under. */
export function fieldOfPointer(pointer: string, fields: readonly string[]): string | undefined {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .filter((p) => !/^\d+$/.test(p));
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (fields.includes(candidate)) return candidate;
  }
  return undefined;
}

/** The problem, in Swedish, by field. `labels`: the form's fields and their labels. */
export function problemsForForm(problem: GatewayProblem, labels: Readonly<Record<string, string>>): FormProblems {
  const out: FormProblems = { fields: {}, general: [] };
  const fields = Object.keys(labels);
  const slug = problem.type.startsWith(PROBLEM_BASE) ? problem.type.slice(PROBLEM_BASE.length) : problem.type;
  if (slug === 'validation-failed' && Array.isArray(problem.errors)) {
    for (const { pointer } of problem.errors) {
      const field = fieldOfPointer(pointer, fields);
      if (field) out.fields[field] ??= fieldMessage(field, labels[field] as string);
      else if (!out.general.includes('Formuläret innehöll ett fält som inte tas emot. Ladda om sidan och försök igen.')) {
        out.general.push('Formuläret innehöll ett fält som inte tas emot. Ladda om sidan och försök igen.');
      }
    }
    if (Object.keys(out.fields).length > 0 || out.general.length > 0) return out;
  }
  const rule = RULE_PROBLEMS[slug];
  if (rule?.field && fields.includes(rule.field)) out.fields[rule.field] = rule.message;
  else if (rule) out.general.push(rule.message);
  else if (problem.status === 503) out.general.push(UNAVAILABLE);
  else out.general.push(`Ärendet kunde inte tas emot (${slug}). Kontrollera uppgifterna och försök igen, eller kontakta servicedesken.`);
  return out;
}
