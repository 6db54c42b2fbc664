import { problem } from '@accessdesk/contracts';
import { fieldOfPointer, problemsForForm } from './problem-messages';

const LABELS = {
  'resident.personnummer': 'Personnummer',
  'resident.name': 'Namn',
  'decision.reasons': 'Skäl',
  'decision.journalNoteRef': 'Journalanteckning',
  'requestingUnit.headEmail': 'Verksamhetschefens e-post',
};

describe('problemsForForm', () => {
  it('puts each field of a validation-failed problem beside its field, in Swedish, without echoing the value', () => {
    const p = problem('validation-failed', 400, 'The request is not valid', undefined, {
      errors: [
        { pointer: '/resident/personnummer', detail: 'personnummer must be a valid Swedish personal identity number' },
        { pointer: '/decision/reasons/0', detail: 'each value in reasons must be one of …' },
        { pointer: '/requestingUnit/headEmail', detail: 'headEmail must be an email' },
      ],
    });
    expect(problemsForForm(p, LABELS)).toEqual({
      fields: {
        'resident.personnummer': 'Ange ett giltigt personnummer: 12 siffror (ÅÅÅÅMMDDNNNN) med rätt kontrollsiffra.',
        'decision.reasons': 'Välj minst ett skäl i listan.',
        'requestingUnit.headEmail': 'Ange en giltig e-postadress.',
      },
      general: [],
    });
  });

  it('places a rule problem (R2) on the field it concerns', () => {
    const p = problem('journal-note-missing', 422, 'Journal note reference missing (R2)');
    expect(problemsForForm(p, LABELS).fields['decision.journalNoteRef']).toMatch(/journalanteckningen.*R2/);
  });

  it('says the unknown and the unavailable in general, in Swedish', () => {
    expect(problemsForForm(problem('service-unavailable', 503, 'Service unavailable'), LABELS).general[0]).toMatch(/svarar inte/);
    expect(problemsForForm(problem('something-new', 422, 'Something new'), LABELS).general[0]).toMatch(/kunde inte tas emot \(something-new\)/);
  });
});

describe('fieldOfPointer', () => {
  it('finds the form field a pointer falls under', () => {
    expect(fieldOfPointer('/decision/reasons/2', Object.keys(LABELS))).toBe('decision.reasons');
    expect(fieldOfPointer('/resident', Object.keys(LABELS))).toBeUndefined();
  });
});
