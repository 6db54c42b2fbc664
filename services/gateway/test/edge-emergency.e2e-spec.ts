import { CaseView } from '@accessdesk/contracts';
import { RunningSystem, pollUntil, startTestSystem } from '@accessdesk/testing';
import { FIXTURE_PEOPLE, Person, Staff, VGR_UNIT, account, form, mailWith, shortPeriodRegionsFile, signInAll } from './story';

/**
 * Issue 8, point 1: the hard edges of an emergency lock (R12, R1, R4; seed 000 §2, §6 "Vid ärende
 * till nödtelefon"). The desk records who phoned and the call back; the staff directory answers for
 * the caller and the named decision maker before the staff tool is called; a directory that does not
 * answer lets the desk act on its own documented judgement; the form that follows gets the checks on
 * receipt and is chased until one passes. Every service as its own process, the simulators in place
 * of the population register, the staff directory (with its fault knob), the staff tool and the mail.
 */

const people = {
  drA: FIXTURE_PEOPLE.drA,
  ksd: { sub: 'SE2321000131-E000000000014', name: 'David Dahl', region: 'VGR', roles: ['service_desk'], unit: 'SE2321000131-E000000000003' },
  auditor: { sub: 'SE2321000131-E000000000016', name: 'Fredrik Falk', region: 'VGR', roles: ['auditor'] },
} satisfies Record<string, Person>;

/** Dr A's work number in the staff directory (services/simulators/fixtures/README.md). */
const DR_A_DIRECTORY_NUMBER = '031-100 11 11';
const calledBack = (number = DR_A_DIRECTORY_NUMBER, caller = { hsaId: people.drA.sub, name: people.drA.name }) => ({
  caller,
  callBack: { number, calledAt: new Date(Date.now() - 60_000).toISOString() },
});

const TOVA = { personnummer: '199001012385', name: 'Tova Testsson' };
const ELIN = { personnummer: '199512312266', name: 'Elin Provsson' };
const OSKAR = { personnummer: '199304171797', name: 'Oskar Provsson' };
const INGRID = { personnummer: '195510034241', name: 'Ingrid Ängström' };
const ERIK = { personnummer: '197805141236', name: 'Erik Exempelsson' };

describe('edge: the emergency lock (R12, R1, R4)', () => {
  let system: RunningSystem;
  let staff: Record<keyof typeof people, Staff>;

  beforeAll(async () => {
    system = await startTestSystem({ env: { REGIONS_CONFIG_FILE: shortPeriodRegionsFile() } });
    staff = await signInAll(system, people);
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  const directoryKnobs = (knobs: { unavailable?: boolean; latencyMs?: number }) =>
    fetch(`${system.simulatorUrl}/staff-directory/knobs`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(knobs) });

  /** The desk files an emergency lock decided by `decider`, for Dr A's unit. */
  const phoneIn = (key: string, resident: { personnummer: string; name: string }, emergencyCall: object, decider: { hsaId: string; name: string; role: 'CLINICIAN' | 'UNIT_HEAD' | 'MEDICAL_LEAD' } = { hsaId: people.drA.sub, name: people.drA.name, role: 'CLINICIAN' }) => {
    const base = form(people.drA, VGR_UNIT, { resident });
    return staff.ksd.post('/cases', { ...base, channel: 'EMERGENCY_PHONE', signature: null, decision: { ...base.decision, decidedBy: decider }, emergencyCall }, key);
  };

  /** Settles long enough for a lock that should not happen to have happened, by waiting for something that must. */
  const notExecuted = async (id: string) => {
    const c = (await staff.ksd.get(`/cases/${id}`)).body as CaseView;
    expect(c.timeline.map((t) => t.status)).not.toContain('EXECUTING');
    expect(c.outcome).toBeNull();
  };

  it('R12 R1: an emergency lock named to a person the staff directory does not know, or to one without deciding authority, is not executed, and the desk sees why in its inbox', async () => {
    const unknown = await phoneIn('edge-emergency-unknown', TOVA, calledBack(), { hsaId: 'SE2321000131-E000000000999', name: 'Dr Okänd', role: 'CLINICIAN' });
    expect(unknown.status).toBe(201);
    expect(unknown.body.status).toBe('RECEIVED');
    const returned = await staff.ksd.caseIn(unknown.body.id, 'RETURNED_FOR_COMPLETION');
    expect(returned.timeline.at(-1)?.note).toContain('beslutsfattaren finns inte i personalkatalogen');
    const item = await staff.ksd.workItem(unknown.body.id, 'EMERGENCY_CALL');
    expect(item.title).toBe(`Nödspärren har inte verkställts – ${unknown.body.registryNumber}`);
    expect(item.details.join(' ')).toContain('beslutsfattaren finns inte i personalkatalogen');
    await notExecuted(unknown.body.id);
    expect((await account(system, TOVA.personnummer)).loginLocked).toBe(false);
    // The desk's inbox item is done on the case: the item itself says where.
    const onItem = await staff.ksd.post(`/work-items/${item.id}/complete`, { resolution: 'CLOSE' });
    expect(onItem.status).toBe(409);

    // Eva Ek of the contact centre is in the directory, but may not decide a lock (R1).
    const desk = await phoneIn('edge-emergency-desk-decides', ELIN, calledBack(), { hsaId: 'SE2321000131-E000000000015', name: 'Eva Ek', role: 'CLINICIAN' });
    expect(desk.status).toBe(201);
    await staff.ksd.caseIn(desk.body.id, 'RETURNED_FOR_COMPLETION');
    expect((await staff.ksd.workItem(desk.body.id, 'EMERGENCY_CALL')).details.join(' ')).toContain('beslutsfattaren har inte behörighet att besluta');
    await notExecuted(desk.body.id);
    expect((await account(system, ELIN.personnummer)).loginLocked).toBe(false);
  });

  it('R12: a call back to a number that is not the staff directory’s is not executed; the desk voids the call that was not genuine', async () => {
    const given = await phoneIn('edge-emergency-given-number', OSKAR, calledBack('070-555 12 34'));
    expect(given.status).toBe(201);
    await staff.ksd.caseIn(given.body.id, 'RETURNED_FOR_COMPLETION');
    const item = await staff.ksd.workItem(given.body.id, 'EMERGENCY_CALL');
    expect(item.details.join(' ')).toContain('numret som ringdes upp är inte personalkatalogens nummer för den som ringde');
    await notExecuted(given.body.id);
    expect((await account(system, OSKAR.personnummer)).loginLocked).toBe(false);

    const voided = await staff.ksd.post(`/cases/${given.body.id}/void`, { reason: 'Samtalet gick inte att styrka' });
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ status: 'VOIDED', paperwork: 'NOT_REQUIRED' });
    const inbox = await staff.ksd.get('/work-items?kind=EMERGENCY_CALL');
    expect((inbox.body.items as Array<{ caseId: string }>).filter((i) => i.caseId === given.body.id)).toEqual([]);

    // Without the call recorded, an emergency lock is not taken at all.
    const withoutCall = { ...form(people.drA, VGR_UNIT, { resident: OSKAR }), channel: 'EMERGENCY_PHONE' as const, signature: null };
    const refused = await staff.ksd.post('/cases', withoutCall, 'edge-emergency-no-call');
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.type).toMatch(/emergency-call-missing$/);
  });

  it('R12: with the staff directory down, the desk executes on its own documented judgement, on the timeline and in the audit trail', async () => {
    expect((await directoryKnobs({ unavailable: true })).status).toBe(200);
    let id = '';
    try {
      const called = await phoneIn('edge-emergency-directory-down', INGRID, calledBack());
      expect(called.status).toBe(201);
      id = called.body.id as string;
      await staff.ksd.caseIn(id, 'MANUAL_VERIFICATION');
      const item = await staff.ksd.workItem(id, 'MANUAL_VERIFICATION');
      expect(item.title).toContain('personalkatalogen svarar inte');
      await notExecuted(id);

      const withoutWhy = await staff.ksd.post(`/cases/${id}/verification`, { outcome: 'VERIFIED', calledAt: new Date().toISOString(), note: 'Ringt växeln' });
      expect(withoutWhy.status).toBe(422);
      expect(withoutWhy.body.type).toMatch(/judgement-missing$/);
      const judged = await staff.ksd.post(`/cases/${id}/verification`, { outcome: 'VERIFIED', note: 'Ringt växeln', judgement: 'Känd läkare, akut hotbild; katalogen nere' });
      expect(judged.status).toBe(200);
      expect(judged.body.paperwork).toBe('PENDING');
    } finally {
      await fetch(`${system.simulatorUrl}/staff-directory/reset`, { method: 'POST' });
    }
    const executed = await staff.ksd.caseIn(id, 'EXECUTED');
    expect((await account(system, INGRID.personnummer)).loginLocked).toBe(true);
    const judgement = executed.timeline.find((t) => t.note.includes('eget dokumenterade omdöme'));
    expect(judgement).toMatchObject({ by: people.ksd.sub });
    expect(judgement?.note).toContain('David Dahl');
    expect(judgement?.note).toContain('Känd läkare, akut hotbild; katalogen nere');

    const trail = await staff.auditor.get(`/audit?caseId=${id}`);
    expect(trail.status).toBe(200);
    const records = trail.body.records as Array<{ action: string; actor: { sub: string }; detail: string | null }>;
    expect(records.find((r) => r.detail?.startsWith('R12 eget omdöme'))).toMatchObject({ actor: { sub: people.ksd.sub }, detail: expect.stringContaining('Känd läkare, akut hotbild') });
  });

  it('R12 R4: a failing follow-up form is returned (the unit head told why) and the chase goes on; a correct form ends it', async () => {
    const called = await phoneIn('edge-emergency-form', ERIK, calledBack());
    expect(called.status).toBe(201);
    const id = called.body.id as string;
    await staff.ksd.caseIn(id, 'EXECUTED');
    expect((await account(system, ERIK.personnummer)).loginLocked).toBe(true);

    const base = form(people.drA, VGR_UNIT, { resident: ERIK });
    const paperwork = { receivedAt: new Date().toISOString(), signature: base.signature, decision: base.decision, patientInformed: { informed: true } };
    // The name on the form does not match the population register (R4).
    const wrong = await staff.ksd.post(`/cases/${id}/paperwork`, { ...paperwork, resident: { personnummer: ERIK.personnummer, name: 'Eric Exempelson' } });
    expect(wrong.status).toBe(200);
    expect(wrong.body.paperwork).toBe('CHECKING');
    const back = await staff.ksd.caseWhen(id, (c) => c.paperwork === 'RETURNED_FOR_COMPLETION', 'the form returned');
    expect(back.status).toBe('EXECUTED');
    expect(back.timeline.some((t) => t.note.startsWith('Blanketten returnerad för komplettering: namnet stämmer inte med folkbokföringen'))).toBe(true);
    const told = await mailWith(system, VGR_UNIT.headEmail, (m) => m.subject.includes('blanketten efter nödspärren') && m.subject.includes(called.body.registryNumber), 'the return of the form');
    expect(told.text).toContain('namnet stämmer inte med folkbokföringen');
    expect(told.text).toContain('Låsningen av inloggningen på 1177 är verkställd och gäller som förut.');
    expect(told.text).not.toContain(ERIK.personnummer);

    // The chase goes on: the reminder and the escalation still come after the return.
    await pollUntil(async () => (await staff.ksd.workItem(id, 'PAPERWORK')).escalated, { timeoutMs: 30_000, what: 'the paperwork escalation after the return' });
    expect((await staff.ksd.get(`/cases/${id}`)).body).toMatchObject({ status: 'EXECUTED', paperwork: 'RETURNED_FOR_COMPLETION' });

    const right = await staff.ksd.post(`/cases/${id}/paperwork`, { ...paperwork, resident: ERIK });
    expect(right.status).toBe(200);
    const closed = await staff.ksd.caseIn(id, 'CLOSED');
    expect(closed.paperwork).toBe('RECEIVED');
    expect(closed.timeline.some((t) => t.note.startsWith('Blanketten godkänd vid kontroll'))).toBe(true);
    const inbox = await staff.ksd.get('/work-items?kind=PAPERWORK');
    expect((inbox.body.items as Array<{ caseId: string }>).filter((i) => i.caseId === id)).toEqual([]);
  });
});
