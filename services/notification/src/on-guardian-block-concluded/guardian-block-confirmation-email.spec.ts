import { GUARDIAN_BLOCK_KINDS, GUARDIAN_BLOCK_OUTCOMES } from '@accessdesk/contracts';
import { RegionFacts } from '../mail/email-text';
import { IDENTITY_NUMBER, TWELVE_DIGITS } from '../mail/no-identity-number';
import {
  BLOCK_FOLLOW_UP,
  GuardianBlockFacts,
  PROTECTED_CHILD_LINE,
  URGENT_PREFIX,
  guardianBlockConfirmationEmail as write,
} from './guardian-block-confirmation-email';

const REGION: RegionFacts = {
  name: 'Region Jönköpings län',
  serviceDesk: { name: 'Servicedesk RJL', email: 'servicedesk@rjl.example' },
  contactCentre: { name: 'Kontaktcenter, Region Jönköpings län', email: 'kontaktcenter@rjl.example', phone: '010-241 00 00' },
  feedbackCopyTo: ['kopia@rjl.example'],
};

function facts(overrides: Partial<GuardianBlockFacts> = {}): GuardianBlockFacts {
  return {
    registryNumber: 'JONKOPING-2026-000021',
    kind: 'BLOCK',
    outcome: 'EXECUTED',
    guardianCount: 1,
    confirmationEmails: ['chef@bup.example.se', 'kurator@bup.example.se'],
    requestingUnitName: 'BUP Jönköping',
    urgent: false,
    effects: [
      'Vårdnadshavaren kan inte agera ombud för barnet i 1177 e-tjänster.',
      'Vårdnadshavaren kan inte växla till barnets journal i 1177 Journalen.',
    ],
    linkedLockRegistryNumber: 'JONKOPING-2026-000022',
    concludedAt: '2026-11-20T09:05:00.000Z',
    ...overrides,
  };
}

function email(overrides: Partial<GuardianBlockFacts> = {}) {
  return write(facts(overrides), REGION);
}

describe('R18 R19 R20 guardian-block confirmation e-mail', () => {
  it('R18 goes to every address given in the request, each once, and to nobody else', () => {
    expect(email().to).toEqual(['chef@bup.example.se', 'kurator@bup.example.se']);
    expect(email({ confirmationEmails: ['a@bup.example.se', 'A@bup.example.se', 'b@bup.example.se'] }).to).toEqual(['a@bup.example.se', 'b@bup.example.se']);
  });

  it('R18 confirms an executed block with its effects (R17), the child\'s own lock and the follow-up in other systems', () => {
    const { subject, text } = email();
    expect(subject).toBe('Bekräftelse på genomförd blockering av vårdnadshavare – JONKOPING-2026-000021');
    expect(text.startsWith('Hej BUP Jönköping,\n')).toBe(true);
    expect(text).toContain('Blockeringen av en vårdnadshavare är genomförd 2026-11-20 kl. 10:05.');
    expect(text).toContain('Det innebär:\n• Vårdnadshavaren kan inte agera ombud för barnet i 1177 e-tjänster.\n• Vårdnadshavaren kan inte växla');
    expect(text).toContain('låses även barnets inloggning till 1177 e-tjänster');
    expect(text).toContain('Låsningen är ett eget ärende med diarienummer JONKOPING-2026-000022.');
    expect(text).toContain('sms-påminnelser från journalsystemet och från tandvården');
    expect(text).toContain(`Att följa upp:\n${BLOCK_FOLLOW_UP.map((line) => `• ${line}`).join('\n')}\n`);
    expect(text).toContain('administrativ anteckning under sökordet Åtgärd');
  });

  it('R18 speaks of the child\'s lock as its own case also before it has a registry number', () => {
    const { text } = email({ linkedLockRegistryNumber: null });
    expect(text).toContain('Låsningen är ett eget ärende. När behovet');
    expect(email({ linkedLockRegistryNumber: undefined }).text).not.toContain('diarienummer JONKOPING-2026-000022');
  });

  it('R18 counts the guardians', () => {
    expect(email({ guardianCount: 2 }).text).toContain('Blockeringen av två vårdnadshavare är genomförd');
  });

  it('R19 confirms an executed unblock and says that the child\'s lock is lifted separately', () => {
    const { subject, text } = email({ kind: 'UNBLOCK', effects: ['Vårdnadshavaren kan åter agera ombud för barnet.'] });
    expect(subject).toBe('Bekräftelse på borttagen blockering av vårdnadshavare – JONKOPING-2026-000021');
    expect(text).toContain('Blockeringen av en vårdnadshavare är borttagen 2026-11-20 kl. 10:05.');
    expect(text).toContain('• Vårdnadshavaren kan åter agera ombud för barnet.');
    expect(text).toContain('Barnets inloggning låses inte upp automatiskt.');
    expect(text).toContain('med hänvisning till diarienummer JONKOPING-2026-000022');
  });

  it('R20 answers a block for a protected child 0–12 with "already in effect": nothing was done', () => {
    const { subject, text } = email({ outcome: 'ALREADY_IN_EFFECT', effects: [], linkedLockRegistryNumber: null });
    expect(subject).toBe('Ingen blockering behövs – vårdnadshavare har redan ingen åtkomst – JONKOPING-2026-000021');
    expect(text).toContain(PROTECTED_CHILD_LINE);
    expect(text).toContain('Barnet är 0–12 år och har skyddade personuppgifter.');
    expect(text).toContain('Därför behövdes ingen blockering, och ingenting har ändrats');
    expect(text).toContain('När barnet fyller 13 år kan barnet självt logga in i 1177 e-tjänster, och från 16 år i 1177 journal.');
    expect(text).not.toContain('är genomförd');
    expect(text).not.toContain('Att följa upp:');
  });

  it('R16 R18 says a block for a child without a 1177 account changed nothing, without the effects of a block', () => {
    const { subject, text } = email({ outcome: 'NOT_APPLICABLE' });
    expect(subject).toBe('Blockering av vårdnadshavare ej aktuell – JONKOPING-2026-000021');
    expect(text).toContain('Blockeringen var inte aktuell: enligt 1177:s personalverktyg har barnet inget konto på 1177');
    expect(text).toContain('ingenting har ändrats');
    expect(text).not.toContain('Det innebär:');
  });

  it('R19 says an unblock for a child without a 1177 account still ends the block, with its effects', () => {
    const { subject, text } = email({ kind: 'UNBLOCK', outcome: 'NOT_APPLICABLE', effects: ['Vårdnadshavaren kan åter agera ombud för barnet.'] });
    expect(subject).toBe('Blockering av vårdnadshavare avslutad – barnet saknar konto på 1177 – JONKOPING-2026-000021');
    expect(text).toContain('har barnet inte längre något konto där. Blockeringen av en vårdnadshavare är avslutad');
    expect(text).toContain('Det innebär:\n• Vårdnadshavaren kan åter agera ombud för barnet.\n');
  });

  it('R20 does not list a block\'s effects when nothing was done', () => {
    expect(email({ outcome: 'ALREADY_IN_EFFECT' }).text).not.toContain('Det innebär:');
  });

  it('R18 says a failed block is being handled by the contact centre, and that the guardian keeps access meanwhile', () => {
    const { subject, text } = email({ outcome: 'FAILED' });
    expect(subject).toBe('Blockering av vårdnadshavare ej genomförd – ärendet handläggs vidare – JONKOPING-2026-000021');
    expect(text).toContain('Blockeringen kunde inte genomföras i 1177');
    expect(text).toContain('Kontaktcenter, Region Jönköpings län handlägger ärendet vidare och skickar en ny bekräftelse när det är klart.');
    expect(text).toContain('Till dess har vårdnadshavaren kvar sin åtkomst.');
    expect(text).not.toContain('Det innebär:');
    expect(email({ kind: 'UNBLOCK', outcome: 'FAILED' }).text).toContain('Till dess gäller blockeringen.');
  });

  it('R18 marks an urgent request "Brådskande" in the subject, whatever the outcome, and gives the phone when it failed', () => {
    for (const kind of GUARDIAN_BLOCK_KINDS) {
      for (const outcome of GUARDIAN_BLOCK_OUTCOMES) {
        expect(write(facts({ kind, outcome, urgent: true }), REGION).subject.startsWith(URGENT_PREFIX)).toBe(true);
        expect(write(facts({ kind, outcome, urgent: false }), REGION).subject).not.toContain('Brådskande');
      }
    }
    expect(URGENT_PREFIX).toBe('Brådskande: ');
    expect(email({ outcome: 'FAILED', urgent: true }).text).toContain('Ärendet är brådskande: ring Kontaktcenter, Region Jönköpings län på 010-241 00 00 vid frågor.');
    expect(write(facts({ outcome: 'FAILED', urgent: true }), { ...REGION, contactCentre: { name: 'KC', email: 'kc@rjl.example' } }).text).toContain(
      'Ärendet är brådskande: kontakta KC vid frågor.',
    );
  });

  it('R24 is signed by the region\'s contact centre, not its service desk', () => {
    const { text } = email();
    expect(text).toContain('Med vänlig hälsning\nKontaktcenter, Region Jönköpings län\nRegion Jönköpings län\n');
    expect(text).not.toContain('Servicedesk RJL');
  });

  it('R18 never carries anything that looks like a personal identity number, nor a name of the child or a guardian', () => {
    for (const kind of GUARDIAN_BLOCK_KINDS) {
      for (const outcome of GUARDIAN_BLOCK_OUTCOMES) {
        for (const urgent of [true, false]) {
          const { subject, text } = write(facts({ kind, outcome, urgent }), REGION);
          expect(`${subject}\n${text}`).not.toMatch(TWELVE_DIGITS);
          expect(`${subject}\n${text}`).not.toMatch(IDENTITY_NUMBER);
          expect(text).toContain('Meddelandet innehåller inga uppgifter om barnet eller vårdnadshavarna.');
        }
      }
    }
  });
});
