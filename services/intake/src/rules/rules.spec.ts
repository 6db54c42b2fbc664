import { Actor, CaseRequest } from '@accessdesk/contracts';
import { RegionConfig } from '@accessdesk/platform';
import { decisionAuthorityProblem } from './r1-decision-authority';
import { isOtherRegionsLock, liftProblem, loginSeenOnCompletion } from './r10-unlock-by-requesting-region';
import { decisionReasonsProblem } from './r11-unlock-reasons';
import { JOURNALEN_OWN_SEAL, initiatorProblem } from './r13-r14-r15-initiators';
import { documentedAssessmentProblem } from './r2-documented-assessment';
import { sealScopeProblem } from './r21-sealing';
import { channelProblem } from './r22-r24-channels';
import { patientInformedProblem } from './r3-patient-informed';
import { emergencyCallProblem, paperworkAccepted, paperworkOwed } from './r12-emergency-lock';

const slug = (p: { type: string } | null) => (p ? p.type.split('/').pop() : null);
const clinician: Actor = { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician'], unit: 'U1' };
const desk: Actor = { sub: 'SE2321000131-E000000000014', name: 'David', region: 'VGR', roles: ['service_desk'] };
const decision = (over: Partial<CaseRequest['decision']> = {}): CaseRequest['decision'] => ({
  decidedBy: { hsaId: clinician.sub, name: 'Dr A', role: 'CLINICIAN' },
  decidedAt: '2026-11-20T09:00:00Z',
  reasons: ['THREAT'],
  motivation: 'Hotbild',
  journalNoteRef: 'Journalanteckning 2026-11-20',
  chiefPhysicianInformedAt: '2026-11-20T09:30:00Z',
  ...over,
});
const region = { name: 'Region Kronoberg', channels: ['FORM'], serviceDesk: { name: 'VIS-support', email: 'x@y.se' } } as unknown as RegionConfig;
const vgr = { ...region, name: 'VGR', channels: ['FORM', 'E_FORM', 'EMERGENCY_PHONE'] } as RegionConfig;

describe('rules checked when a case is filed', () => {
  it('R1 refuses a caller named as decision maker with a role the caller does not hold', () => {
    expect(decisionAuthorityProblem({ decision: decision() }, clinician)).toBeNull();
    const asUnitHead = decision({ decidedBy: { hsaId: clinician.sub, name: 'Dr A', role: 'UNIT_HEAD' } });
    expect(slug(decisionAuthorityProblem({ decision: asUnitHead }, clinician))).toBe('decision-authority');
    // The service desk files for a decision maker who is someone else: the directory is asked on receipt.
    expect(decisionAuthorityProblem({ decision: decision() }, desk)).toBeNull();
  });

  it('R2 needs the journal note, the chief medical officer informed, a reason and a motive', () => {
    expect(documentedAssessmentProblem(decision())).toBeNull();
    expect(slug(documentedAssessmentProblem(decision({ journalNoteRef: ' ' })))).toBe('journal-note-missing');
    expect(slug(documentedAssessmentProblem(decision({ chiefPhysicianInformedAt: null })))).toBe('chief-physician-not-informed');
    expect(slug(documentedAssessmentProblem(decision({ reasons: [] })))).toBe('reason-missing');
    expect(slug(documentedAssessmentProblem(decision({ motivation: '' })))).toBe('motivation-missing');
  });

  it('R3 needs the patient informed or the reason why not', () => {
    expect(patientInformedProblem({ informed: true })).toBeNull();
    expect(patientInformedProblem({ informed: false, reasonIfNot: 'Patientens säkerhet' })).toBeNull();
    expect(slug(patientInformedProblem({ informed: false, reasonIfNot: '' }))).toBe('patient-informed-or-reason');
  });

  it("R13 refuses a resident's own request with a pointer to Inera's form, but not a phoned-in emergency lock", () => {
    const own = initiatorProblem({ type: 'LOGIN_LOCK', channel: 'FORM', initiator: { kind: 'RESIDENT' } });
    expect(slug(own)).toBe('resident-own-request');
    expect(own?.form).toMatch(/^https:\/\/www\.1177\.se\//);
    expect(initiatorProblem({ type: 'LOGIN_LOCK', channel: 'EMERGENCY_PHONE', initiator: { kind: 'RESIDENT' } })).toBeNull();
  });

  it("R13 points a resident's own seal request to Journalen on 1177, where the resident seals (004)", () => {
    const seal = initiatorProblem({ type: 'JOURNAL_SEAL', channel: 'FORM', initiator: { kind: 'RESIDENT' } });
    expect(slug(seal)).toBe('resident-own-seal');
    expect(seal?.journalService).toBe(JOURNALEN_OWN_SEAL);
    expect(seal?.form).toBeUndefined();
    // A lock by the resident still goes to Inera's form.
    expect(slug(initiatorProblem({ type: 'LOGIN_LOCK', channel: 'FORM', initiator: { kind: 'RESIDENT' } }))).toBe('resident-own-request');
  });

  it('R11 an unlock or unseal cites unlock reasons, a lock or seal lock reasons (R2)', () => {
    expect(decisionReasonsProblem({ type: 'LOGIN_LOCK', decision: decision() })).toBeNull();
    expect(decisionReasonsProblem({ type: 'JOURNAL_SEAL', decision: decision() })).toBeNull();
    expect(decisionReasonsProblem({ type: 'LOGIN_UNLOCK', decision: decision({ reasons: ['THREAT_NO_LONGER_EXISTS'] }) })).toBeNull();
    expect(decisionReasonsProblem({ type: 'JOURNAL_UNSEAL', decision: decision({ reasons: ['SEAL_NO_LONGER_NEEDED'] }) })).toBeNull();
    const lockOnUnlock = decisionReasonsProblem({ type: 'LOGIN_UNLOCK', decision: decision({ reasons: ['THREAT'] }) });
    expect(slug(lockOnUnlock)).toBe('lock-reason-on-unlock');
    expect(lockOnUnlock?.status).toBe(422);
    expect(slug(decisionReasonsProblem({ type: 'JOURNAL_UNSEAL', decision: decision({ reasons: ['NEED_NO_LONGER_EXISTS', 'THREAT'] }) }))).toBe('lock-reason-on-unlock');
    expect(slug(decisionReasonsProblem({ type: 'LOGIN_LOCK', decision: decision({ reasons: ['NEED_NO_LONGER_EXISTS'] }) }))).toBe('unlock-reason-on-lock');
    // No reasons at all is R2's to answer, not this rule's.
    expect(decisionReasonsProblem({ type: 'LOGIN_UNLOCK', decision: decision({ reasons: [] }) })).toBeNull();
  });

  it('R14 R15 record relatives, legal representatives and external parties as described initiators', () => {
    for (const kind of ['RELATIVE', 'LEGAL_REPRESENTATIVE', 'EXTERNAL_PARTY'] as const) {
      expect(initiatorProblem({ type: 'LOGIN_LOCK', channel: 'FORM', initiator: { kind, description: 'Dottern, kontaktperson' } })).toBeNull();
      expect(slug(initiatorProblem({ type: 'LOGIN_LOCK', channel: 'FORM', initiator: { kind, description: '' } }))).toBe('initiator-description-missing');
    }
  });

  it('R22 R24 takes only the channels the region offers; R12 an emergency is a lock recorded by the service desk', () => {
    expect(channelProblem({ type: 'LOGIN_LOCK', channel: 'FORM' }, clinician, region)).toBeNull();
    expect(slug(channelProblem({ type: 'LOGIN_LOCK', channel: 'E_FORM' }, clinician, region))).toBe('channel-not-offered');
    expect(channelProblem({ type: 'LOGIN_LOCK', channel: 'EMERGENCY_PHONE' }, desk, vgr)).toBeNull();
    expect(slug(channelProblem({ type: 'LOGIN_LOCK', channel: 'EMERGENCY_PHONE' }, clinician, vgr))).toBe('emergency-by-service-desk');
    expect(slug(channelProblem({ type: 'JOURNAL_SEAL', channel: 'EMERGENCY_PHONE' }, desk, vgr))).toBe('emergency-lock-only');
  });

  it('R10 lets only the locking region unlock, naming that region', () => {
    expect(liftProblem('LOGIN_UNLOCK', { region: 'VGR' }, 'VGR', null, 'L1')).toBeNull();
    const other = liftProblem('LOGIN_UNLOCK', { region: 'VGR' }, 'KRONOBERG', null, 'L1');
    expect(slug(other)).toBe('unlock-by-other-region');
    expect(other?.lockedByRegion).toBe('VGR');
    expect(other?.detail).toContain('VGR');
    expect(slug(liftProblem('LOGIN_UNLOCK', null, 'VGR', null, null))).toBe('no-active-lock');
    expect(slug(liftProblem('LOGIN_UNLOCK', { region: 'VGR' }, 'VGR', 'other-id', 'L1'))).toBe('related-case-mismatch');
  });

  it('R10 refuses an unlock where the staff tool last showed another region\'s lock, even with no lock case of that region here', () => {
    const other = liftProblem('LOGIN_UNLOCK', null, 'VGR', null, null, 'KRONOBERG');
    expect(slug(other)).toBe('unlock-by-other-region');
    expect(other?.lockedByRegion).toBe('KRONOBERG');
    expect(slug(liftProblem('LOGIN_UNLOCK', null, 'VGR', null, null, 'VGR'))).toBe('no-active-lock');
    expect(slug(liftProblem('LOGIN_UNLOCK', null, 'VGR', null, null, null))).toBe('no-active-lock');
    // A lock case of the caller's own region in effect wins over an older sighting.
    expect(liftProblem('LOGIN_UNLOCK', { region: 'VGR' }, 'VGR', null, 'L1', 'KRONOBERG')).toBeNull();
  });

  it('R10 reads whose lock is in effect from a completed login action', () => {
    const at = '2026-11-20T10:00:00.000Z';
    const lock = { type: 'LOGIN_LOCK' as const, region: 'VGR' };
    expect(loginSeenOnCompletion(lock, { outcome: 'EXECUTED', detail: 'ALREADY_IN_STATE', completedAt: at, lockedByRegion: 'KRONOBERG' })).toEqual({ lockedByRegion: 'KRONOBERG', seenAt: new Date(at) });
    // Sent before the field existed: an own lock when it locked, unknown when it found one in place.
    expect(loginSeenOnCompletion(lock, { outcome: 'EXECUTED', detail: null, completedAt: at })?.lockedByRegion).toBe('VGR');
    expect(loginSeenOnCompletion(lock, { outcome: 'EXECUTED', detail: 'ALREADY_IN_STATE', completedAt: at })?.lockedByRegion).toBeNull();
    expect(loginSeenOnCompletion(lock, { outcome: 'NOT_APPLICABLE', detail: 'NO_ACCOUNT', completedAt: at, lockedByRegion: null })?.lockedByRegion).toBeNull();
    expect(loginSeenOnCompletion({ type: 'LOGIN_UNLOCK', region: 'VGR' }, { outcome: 'EXECUTED', detail: null, completedAt: at, lockedByRegion: null })?.lockedByRegion).toBeNull();
    expect(loginSeenOnCompletion(lock, { outcome: 'FAILED', detail: 'STAFF_TOOL_UNAVAILABLE', completedAt: at })).toBeNull();
    expect(loginSeenOnCompletion({ type: 'JOURNAL_SEAL', region: 'VGR' }, { outcome: 'EXECUTED', detail: null, completedAt: at })).toBeNull();
  });

  it('R10 takes a lock the staff tool showed as another region\'s for no lock of the case\'s own region', () => {
    const seen = new Date('2026-11-20T10:00:00Z');
    expect(isOtherRegionsLock({ type: 'LOGIN_LOCK', region: 'VGR', lockedByRegion: 'KRONOBERG', loginSeenAt: seen })).toBe(true);
    expect(isOtherRegionsLock({ type: 'LOGIN_LOCK', region: 'VGR', lockedByRegion: 'VGR', loginSeenAt: seen })).toBe(false);
    expect(isOtherRegionsLock({ type: 'LOGIN_LOCK', region: 'VGR', lockedByRegion: null, loginSeenAt: null })).toBe(false);
    expect(isOtherRegionsLock({ type: 'LOGIN_UNLOCK', region: 'VGR', lockedByRegion: 'KRONOBERG', loginSeenAt: seen })).toBe(false);
  });

  it('R21 lets only the sealing region lift a seal, naming that region', () => {
    expect(liftProblem('JOURNAL_UNSEAL', { region: 'JAMTLAND' }, 'JAMTLAND', null, 'S1')).toBeNull();
    const other = liftProblem('JOURNAL_UNSEAL', { region: 'JAMTLAND' }, 'KRONOBERG', null, 'S1');
    expect(slug(other)).toBe('unseal-by-other-region');
    expect(other?.sealedByRegion).toBe('JAMTLAND');
    expect(slug(liftProblem('JOURNAL_UNSEAL', null, 'JAMTLAND', null, null))).toBe('no-active-seal');
  });

  it('R21 seals the whole journal or named providers and units, optionally for a period', () => {
    expect(sealScopeProblem({ type: 'JOURNAL_SEAL', sealScope: { whole: true } })).toBeNull();
    expect(sealScopeProblem({ type: 'JOURNAL_SEAL', sealScope: { careUnits: ['SE2321000131-E000000000002'], from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' } })).toBeNull();
    expect(slug(sealScopeProblem({ type: 'JOURNAL_SEAL', sealScope: null }))).toBe('seal-scope-missing');
    expect(slug(sealScopeProblem({ type: 'JOURNAL_SEAL', sealScope: { whole: true, careUnits: ['X'] } }))).toBe('seal-scope-ambiguous');
    expect(slug(sealScopeProblem({ type: 'LOGIN_LOCK', sealScope: { whole: true } }))).toBe('seal-scope-not-allowed');
  });

  describe('R12 the emergency call', () => {
    const call = { caller: { hsaId: clinician.sub, name: 'Dr A' }, callBack: { number: '031-100 11 11', calledAt: '2026-11-20T09:10:00Z' } };
    const now = new Date('2026-11-20T09:12:00Z');

    it('R12 needs who phoned and the call back on an emergency lock', () => {
      expect(emergencyCallProblem({ channel: 'EMERGENCY_PHONE', emergencyCall: call }, now)).toBeNull();
      expect(slug(emergencyCallProblem({ channel: 'EMERGENCY_PHONE' }, now))).toBe('emergency-call-missing');
      expect(slug(emergencyCallProblem({ channel: 'EMERGENCY_PHONE', emergencyCall: null }, now))).toBe('emergency-call-missing');
    });

    it('R12 refuses an emergency call on a form', () => {
      expect(emergencyCallProblem({ channel: 'FORM' }, now)).toBeNull();
      expect(slug(emergencyCallProblem({ channel: 'FORM', emergencyCall: call }, now))).toBe('emergency-call-not-applicable');
    });

    it('R12 refuses a call back that lies in the future', () => {
      expect(slug(emergencyCallProblem({ channel: 'EMERGENCY_PHONE', emergencyCall: { ...call, callBack: { ...call.callBack, calledAt: '2026-11-20T10:00:00Z' } } }, now))).toBe('call-back-in-the-future');
    });

    it('R12 chases the form until one passes the checks, and takes a new one only when none is being checked', () => {
      expect(['PENDING', 'CHECKING', 'MANUAL_VERIFICATION', 'RETURNED_FOR_COMPLETION'].every((s) => paperworkOwed(s as never))).toBe(true);
      expect(paperworkOwed('RECEIVED')).toBe(false);
      expect(paperworkOwed('NOT_REQUIRED')).toBe(false);
      expect(paperworkAccepted('PENDING')).toBe(true);
      expect(paperworkAccepted('RETURNED_FOR_COMPLETION')).toBe(true);
      expect(paperworkAccepted('CHECKING')).toBe(false);
      expect(paperworkAccepted('RECEIVED')).toBe(false);
    });
  });
});
