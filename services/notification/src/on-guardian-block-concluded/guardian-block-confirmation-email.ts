// R18 blockera vårdnadshavare, R19 ta bort blockering: "Kontaktcenter handlägger ärendet och skickar
// bekräftelse till de e-postadresser som angivits i formuläret" (002). One template for both kinds and
// every outcome; signed by the region's contact centre (R24). R20: a child 0–12 with protected
// personal data has no guardian access already, so nothing was done. Urgent requests (phoned in)
// say so in the subject. Names the case by its registry number only: no child, no guardian.
import { GuardianBlockConcludedV1, GuardianBlockKind, GuardianBlockOutcome } from '@accessdesk/contracts';
import { Email, RegionFacts, body, bullets, recipients, referenceLine, section, signature, stockholmTime } from '../mail/email-text';

export type GuardianBlockFacts = Pick<
  GuardianBlockConcludedV1,
  | 'registryNumber'
  | 'kind'
  | 'outcome'
  | 'guardianCount'
  | 'confirmationEmails'
  | 'requestingUnitName'
  | 'urgent'
  | 'effects'
  | 'linkedLockRegistryNumber'
  | 'concludedAt'
>;

export const URGENT_PREFIX = 'Brådskande: ';

const SUBJECT: Record<GuardianBlockKind, Record<GuardianBlockOutcome, string>> = {
  BLOCK: {
    EXECUTED: 'Bekräftelse på genomförd blockering av vårdnadshavare',
    ALREADY_IN_EFFECT: 'Ingen blockering behövs – vårdnadshavare har redan ingen åtkomst',
    NOT_APPLICABLE: 'Blockering av vårdnadshavare ej aktuell',
    FAILED: 'Blockering av vårdnadshavare ej genomförd – ärendet handläggs vidare',
  },
  UNBLOCK: {
    EXECUTED: 'Bekräftelse på borttagen blockering av vårdnadshavare',
    ALREADY_IN_EFFECT: 'Borttagande av blockering ändrar inget – skyddade personuppgifter',
    NOT_APPLICABLE: 'Blockering av vårdnadshavare avslutad – barnet saknar konto på 1177',
    FAILED: 'Borttagande av blockering av vårdnadshavare ej genomfört – ärendet handläggs vidare',
  },
};

/** R18: what the guardian-block routine asks the unit to see to besides the block itself (002). */
export const BLOCK_FOLLOW_UP = [
  'Blockeringen gäller bara vårdnadshavarens åtkomst till barnets 1177 e-tjänster och 1177 journal.',
  'Ta bort utskick till vårdnadshavaren från andra system, till exempel sms-påminnelser från journalsystemet och från tandvården.',
  'Dokumentera beslutet i journalen som administrativ anteckning under sökordet Åtgärd: vad som gjorts, under vilken tid det gäller, ' +
    'vem som beslutat, vad beslutet grundar sig på och vem som informerat vårdnadshavaren.',
];

/** R20 (002): guardians of a child 0–12 with protected personal data lose access by themselves. */
export const PROTECTED_CHILD_LINE =
  'Barnet är 0–12 år och har skyddade personuppgifter. Då kan vårdnadshavarna inte växla till barnets journal eller agera ombud ' +
  'i 1177 e-tjänster: det sker automatiskt så snart skyddet är registrerat hos Skatteverket.';

/** R20: what changes as the protected child grows up. */
export const PROTECTED_CHILD_AGES = 'När barnet fyller 13 år kan barnet självt logga in i 1177 e-tjänster, och från 16 år i 1177 journal.';

function guardians(count: number): string {
  return count === 2 ? 'två vårdnadshavare' : count === 1 ? 'en vårdnadshavare' : 'vårdnadshavare';
}

function childLockLine(linked: string | null | undefined): string {
  return linked ? `Låsningen är ett eget ärende med diarienummer ${linked}.` : 'Låsningen är ett eget ärende.';
}

function result(facts: GuardianBlockFacts, region: RegionFacts): string[] {
  const when = stockholmTime(facts.concludedAt);
  const centre = region.contactCentre.name;
  const whom = guardians(facts.guardianCount);
  // What the block or unblock means now: only where something changed. An unblock that found no
  // 1177 account (NOT_APPLICABLE) still ends the block; an ALREADY_IN_EFFECT block changed nothing.
  const changed = facts.outcome === 'EXECUTED' || (facts.kind === 'UNBLOCK' && facts.outcome === 'NOT_APPLICABLE');
  const effects = changed ? section('Det innebär:', facts.effects) : [];
  switch (`${facts.kind}/${facts.outcome}` as `${GuardianBlockKind}/${GuardianBlockOutcome}`) {
    case 'BLOCK/EXECUTED':
      return [
        `Blockeringen av ${whom} är genomförd ${when}.`,
        '',
        ...effects,
        'Barnets inloggning:',
        'När en vårdnadshavare blockeras låses även barnets inloggning till 1177 e-tjänster, av säkerhetsskäl. ' +
          `${childLockLine(facts.linkedLockRegistryNumber)} När behovet inte längre kvarstår ska vårdpersonal begära att barnets ` +
          'konto låses upp, så att barnet åter får tillgång till sin inloggning.',
        '',
        'Att följa upp:',
        ...bullets(BLOCK_FOLLOW_UP),
        '',
      ];
    case 'UNBLOCK/EXECUTED':
      return [
        `Blockeringen av ${whom} är borttagen ${when}.`,
        '',
        ...effects,
        'Att följa upp:',
        ...bullets([
          'Barnets inloggning låses inte upp automatiskt. Begär upplåsning av barnets konto som ett eget ärende när behovet av låsning ' +
            `inte längre kvarstår${facts.linkedLockRegistryNumber ? `, med hänvisning till diarienummer ${facts.linkedLockRegistryNumber}` : ''}.`,
          'Lägg vid behov tillbaka utskick till vårdnadshavaren från andra system, till exempel sms-påminnelser.',
          'Dokumentera borttagandet i journalen som administrativ anteckning under sökordet Åtgärd.',
        ]),
        '',
      ];
    case 'BLOCK/ALREADY_IN_EFFECT':
      return [PROTECTED_CHILD_LINE, `Därför behövdes ingen blockering, och ingenting har ändrats (besked ${when}).`, PROTECTED_CHILD_AGES, ''];
    case 'UNBLOCK/ALREADY_IN_EFFECT':
      return [
        PROTECTED_CHILD_LINE,
        `Så länge skyddet gäller har vårdnadshavarna ingen åtkomst, oavsett blockering. Ingenting har ändrats (besked ${when}).`,
        PROTECTED_CHILD_AGES,
        '',
      ];
    case 'BLOCK/NOT_APPLICABLE':
      return [
        `Blockeringen var inte aktuell: enligt 1177:s personalverktyg har barnet inget konto på 1177, så det fanns ingen åtkomst att blockera och ingenting har ändrats (besked ${when}).`,
        '',
      ];
    case 'UNBLOCK/NOT_APPLICABLE':
      return [
        `Borttagandet av blockeringen behövde inte göras i 1177: enligt 1177:s personalverktyg har barnet inte längre något konto där. Blockeringen av ${whom} är avslutad (besked ${when}).`,
        '',
        ...effects,
      ];
    case 'BLOCK/FAILED':
    case 'UNBLOCK/FAILED':
      return [
        `${facts.kind === 'BLOCK' ? 'Blockeringen' : 'Borttagandet av blockeringen'} kunde inte genomföras i 1177 (${when}).`,
        `${centre} handlägger ärendet vidare och skickar en ny bekräftelse när det är klart.`,
        facts.kind === 'BLOCK' ? 'Till dess har vårdnadshavaren kvar sin åtkomst.' : 'Till dess gäller blockeringen.',
        ...(facts.urgent
          ? [`Ärendet är brådskande: ${region.contactCentre.phone ? `ring ${centre} på ${region.contactCentre.phone}` : `kontakta ${centre}`} vid frågor.`]
          : []),
        '',
      ];
  }
}

export function guardianBlockConfirmationEmail(facts: GuardianBlockFacts, region: RegionFacts): Email {
  const what = facts.kind === 'BLOCK' ? 'blockering av vårdnadshavare' : 'borttagande av blockering av vårdnadshavare';
  const text = body([
    `Hej ${facts.requestingUnitName},`,
    '',
    `Här kommer beskedet om ärende ${facts.registryNumber}, ${what} i barnets 1177 journal och 1177 e-tjänster.`,
    '',
    ...result(facts, region),
    referenceLine(facts.registryNumber, 'barnet eller vårdnadshavarna'),
    '',
    ...signature(region, 'contactCentre'),
  ]);
  return {
    // R18: to every address the request gave, each once.
    to: recipients(...facts.confirmationEmails),
    subject: `${facts.urgent ? URGENT_PREFIX : ''}${SUBJECT[facts.kind][facts.outcome]} – ${facts.registryNumber}`,
    text,
  };
}
