import { careProblems } from '../care-forms/decision-form';
import { blankReviewForm, fieldsOf, readReviewForm, reviewDecisionFrom } from './review-decision.form';

const BO = { sub: 'SE2321000131-E000000000012', name: 'Bo Berg', region: 'VGR', roles: ['unit_head' as const], unit: 'SE2321000131-E000000000001' };

describe('the review decision (R9, R11)', () => {
  const posted = () =>
    readReviewForm({
      ...blankReviewForm(BO, new Date('2026-11-20T09:00:00Z'), 'k'),
      'decision.reasons': 'THREAT',
      'decision.motivation': 'Hotbilden kvarstår',
      'decision.journalNoteRef': 'Anteckning 2026-11-20',
      residentName: ' Tova Testsson ',
      'patientInformed.informed': 'no',
      'patientInformed.reasonIfNot': 'Säkerhet',
    });

  it('keeps the lock with the documented decision only', () => {
    const request = reviewDecisionFrom('KEEP_LOCKED', posted());
    expect(request).toEqual({ outcome: 'KEEP_LOCKED', decision: expect.objectContaining({ decidedBy: { hsaId: BO.sub, name: BO.name, role: 'UNIT_HEAD' }, reasons: ['THREAT'], journalNoteRef: 'Anteckning 2026-11-20' }) });
  });

  it('unlocks with what an unlock needs: patient information, signature, the resident name as on the form', () => {
    const request = reviewDecisionFrom('UNLOCK', posted());
    expect(request).toMatchObject({ outcome: 'UNLOCK', patientInformed: { informed: false, reasonIfNot: 'Säkerhet' }, signature: { signedBy: BO.sub }, residentName: 'Tova Testsson' });
    expect(JSON.stringify(request)).not.toMatch(/personnummer/);
  });

  it('puts an unlock rule problem beside its field', () => {
    const problems = careProblems({ type: 'https://accessdesk.se/problems/lock-reason-on-unlock', title: '', status: 422 }, fieldsOf('UNLOCK'));
    expect(problems.fields['decision.reasons']).toContain('upplåsning');
  });
});
