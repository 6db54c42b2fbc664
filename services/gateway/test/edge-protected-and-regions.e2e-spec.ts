import { CaseView, WorkItemView } from '@accessdesk/contracts';
import { RunningSystem, startTestSystem } from '@accessdesk/testing';
import { FIXTURE_PEOPLE, Person, Staff, VGR_UNIT, form, problemType, signInAll } from './story';

/**
 * Issue 8, points 7–9 through the public API, every service as its own process and the simulators in
 * place of the registers and the staff tool: a protected resident's case (skyddad identitet), an
 * external party's request in the wrong region (R15), an unlock citing lock reasons (R11), a
 * resident's own seal request (R13), and the registry category and Plexus number (R6).
 */
const PRIVATE_UNIT = { hsaId: 'SE5566778899-0002', name: 'Privatkliniken', headEmail: 'chef@privat.example' };
const JAMTLAND_UNIT = { hsaId: 'SE2321000214-E000000000001', name: 'Hälsocentralen Östersund', headEmail: 'chef@hc-ostersund.example' };

const people = {
  drA: FIXTURE_PEOPLE.drA,
  pia: { sub: 'SE5566778899-E000000000011', name: 'Dr Pia Privat', region: 'VGR', roles: ['clinician'], unit: PRIVATE_UNIT.hsaId },
  ksd: { sub: 'SE2321000131-E000000000014', name: 'David Dahl', region: 'VGR', roles: ['service_desk'], unit: 'SE2321000131-E000000000003' },
  eva: FIXTURE_PEOPLE.eva,
  fredrik: { sub: 'SE2321000131-E000000000016', name: 'Fredrik Falk', region: 'VGR', roles: ['auditor'], unit: 'SE2321000131-E000000000005' },
  ake: { sub: 'SE2321000214-E000000000011', name: 'Åke Åberg', region: 'JAMTLAND', roles: ['clinician'], unit: JAMTLAND_UNIT.hsaId },
} satisfies Record<string, Person>;

/** Fixture people (services/simulators/fixtures/README.md). */
const HANNA = { personnummer: '198409172841', name: 'Hanna Skyddsdotter' };
const JONAS = { personnummer: '197708233213', name: 'Jonas Jämte' };
const TOVA = { personnummer: '199001012385', name: 'Tova Testsson' };

describe('the hard edges: protected identity, home region, reasons, registry (issue 8 points 7–9)', () => {
  let system: RunningSystem;
  let staff: Record<keyof typeof people, Staff>;

  beforeAll(async () => {
    system = await startTestSystem();
    staff = await signInAll(system, people);
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  it('skyddad identitet: the case and the inbox are marked, the timeline holds no locating free text, and only the desk, the unit and the auditor read it; the desk records its Plexus number (R6)', async () => {
    // Unsigned: returned for completion; the requester's completion says where the patient lives now.
    const filed = await staff.pia.post('/cases', form(people.pia, PRIVATE_UNIT, { resident: HANNA, signature: null }), 'protected-lock');
    expect(filed.status).toBe(201);
    const lock = filed.body as CaseView;
    expect(lock.registryCategory).toEqual({ main: '1177 e-tjänster', sub: 'Låsa konto vårdpersonal' });
    const returned = await staff.pia.caseIn(lock.id, 'RETURNED_FOR_COMPLETION');
    expect(returned.protectedIdentity).toBe(true);
    const completed = await staff.pia.post(`/cases/${lock.id}/completion`, { signature: { signedBy: people.pia.sub, signedAt: '2026-11-20T10:00:00Z' }, comment: 'Patienten bor nu hos sin syster på Storgatan 5 i Storvik' });
    expect(completed.status).toBe(200);

    // A signer without a regional staff id: the desk's phone check, marked in its inbox.
    await staff.ksd.caseIn(lock.id, 'MANUAL_VERIFICATION');
    const item: WorkItemView = await staff.ksd.workItem(lock.id, 'MANUAL_VERIFICATION');
    expect(item.protectedIdentity).toBe(true);
    const verified = await staff.ksd.post(`/cases/${lock.id}/verification`, { outcome: 'VERIFIED', calledAt: '2026-11-20T11:00:00Z', note: 'Ringt Dr Privat på mottagningen i Storvik' });
    expect(verified.status).toBe(200);
    const closed = await staff.ksd.caseIn(lock.id, 'CLOSED');
    expect(closed).toMatchObject({ outcome: 'EXECUTED', protectedIdentity: true });
    const timeline = JSON.stringify(closed.timeline);
    expect(timeline).not.toMatch(/Storvik|Storgatan|syster/);
    expect(timeline).toContain('[fritext visas inte: skyddad identitet]');

    // Readers: the requesting unit, the desk, the region's auditor; nobody else, not even by id.
    expect((await staff.pia.get(`/cases/${lock.id}`)).status).toBe(200);
    expect((await staff.fredrik.get(`/cases/${lock.id}`)).status).toBe(200);
    for (const other of [staff.drA, staff.ake]) {
      const res = await other.get(`/cases/${lock.id}`);
      expect(res.status).toBe(404);
      expect(problemType(res)).toBe('case-not-found');
    }
    // The contact centre reads no case of intake's at all: refused by its role, before any case is looked up.
    const byContactCentre = await staff.eva.get(`/cases/${lock.id}`);
    expect(byContactCentre.status).toBe(403);
    expect(byContactCentre.text).not.toContain(lock.registryNumber);

    // R6: the desk records the region's own registry reference; it shows on the case and in its timeline.
    const byClinician = await staff.pia.post(`/cases/${lock.id}/registry-reference`, { reference: 'PLX-2026-0042' });
    expect(byClinician.status).toBe(403);
    const recorded = await staff.ksd.post(`/cases/${lock.id}/registry-reference`, { reference: 'PLX-2026-0042' });
    expect(recorded.status).toBe(200);
    expect(recorded.body.registryReference).toMatchObject({ system: 'Plexus', reference: 'PLX-2026-0042', recordedBy: people.ksd.sub });
    expect((await staff.pia.get(`/cases/${lock.id}`)).body.timeline.at(-1).note).toBe('Diarienummer i Plexus: PLX-2026-0042 (R6)');
  });

  it('R15: an external party’s request filed outside the resident’s home region is refused, naming the right region; the home region takes it', async () => {
    const initiator = { kind: 'EXTERNAL_PARTY' as const, description: 'Polisen, brottsofferenheten' };
    const wrong = await staff.drA.post('/cases', form(people.drA, VGR_UNIT, { resident: JONAS, initiator }), 'external-in-vgr');
    expect(wrong.status).toBe(422);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(problemType(wrong)).toBe('external-party-other-region');
    expect(wrong.body).toMatchObject({ homeRegion: 'JAMTLAND', homeRegionName: 'Region Jämtland Härjedalen' });
    expect(wrong.text).not.toContain(JONAS.personnummer);

    const right = await staff.ake.post('/cases', form(people.ake, JAMTLAND_UNIT, { resident: JONAS, initiator }), 'external-in-jamtland');
    expect(right.status).toBe(201);
    expect(right.body.region).toBe('JAMTLAND');
  });

  it('R11: an unlock that cites lock reasons is refused with 422 and the unlock reasons to use', async () => {
    const unlock = form(people.drA, VGR_UNIT, { type: 'LOGIN_UNLOCK', resident: TOVA });
    const res = await staff.drA.post('/cases', { ...unlock, decision: { ...unlock.decision, reasons: ['THREAT'] } }, 'unlock-with-lock-reasons');
    expect(res.status).toBe(422);
    expect(problemType(res)).toBe('lock-reason-on-unlock');
    expect(res.body.allowedReasons).toEqual(expect.arrayContaining(['NEED_NO_LONGER_EXISTS', 'THREAT_NO_LONGER_EXISTS']));
  });

  it('R13: a resident’s own seal request is pointed to Journalen on 1177, not to the lock form', async () => {
    const res = await staff.drA.post(
      '/cases',
      form(people.drA, VGR_UNIT, { type: 'JOURNAL_SEAL', resident: TOVA, initiator: { kind: 'RESIDENT', description: '' }, sealScope: { whole: true } }),
      'resident-own-seal',
    );
    expect(res.status).toBe(422);
    expect(problemType(res)).toBe('resident-own-seal');
    expect(res.body.journalService).toBe('https://journalen.1177.se/');
    expect(res.body.form).toBeUndefined();
  });
});
