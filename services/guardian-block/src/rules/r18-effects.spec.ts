import { BLOCK_EFFECTS, UNBLOCK_EFFECTS } from './r18-effects';
import { BLOCK_FOLLOW_UP_TASKS, UNBLOCK_FOLLOW_UP_TASKS } from './r18-follow-up-tasks';
import { ALREADY_IN_EFFECT_EFFECTS } from './r20-effects';

describe('R18 what a guardian block means, and what follows it', () => {
  const block = BLOCK_EFFECTS.join('\n');

  it('tells the requester what the routine (002) says a block does', () => {
    expect(block).toContain('kan inte agera ombud för barnet i 1177 e-tjänster');
    expect(block).toContain('ser inte barnets namn');
    expect(block).toContain('kan inte växla till barnets journal i 1177 Journalen');
    expect(block).toContain('omfattar endast 1177 e-tjänster och 1177 journal');
    expect(block).toContain('Barnets inloggning till 1177 e-tjänster låses av säkerhetsskäl i ett eget ärende');
  });

  it('R19, R11: lifting the block does not unlock the child’s login', () => {
    expect(UNBLOCK_EFFECTS.join('\n')).toContain('låses inte upp automatiskt');
  });

  it('R20: a protected child 0–12 is told apart, nothing blocked and no lock', () => {
    const inEffect = ALREADY_IN_EFFECT_EFFECTS.join('\n');
    expect(inEffect).toContain('skyddade personuppgifter');
    expect(inEffect).toContain('ingen blockering har gjorts');
    expect(inEffect).toContain('fyller 13');
    expect(inEffect).toContain('fyller 16');
  });

  it('tracks the SMS reminders of the EHR and the dental service, and the EHR note, as tasks', () => {
    expect(BLOCK_FOLLOW_UP_TASKS.map((t) => t.kind)).toEqual(['EHR_SMS_REMINDERS', 'DENTAL_SMS_REMINDERS', 'EHR_NOTE']);
    expect(BLOCK_FOLLOW_UP_TASKS[0].title).toContain('Cosmic Reminders');
    expect(BLOCK_FOLLOW_UP_TASKS[1].title).toContain('Folktandvården');
    expect(UNBLOCK_FOLLOW_UP_TASKS.map((t) => t.kind)).toEqual(['EHR_NOTE_UNBLOCK']);
  });
});
