import { GuardianBlockView, ReviewView } from '@accessdesk/contracts';
import { RunningSystem, pollUntil, startTestSystem } from '@accessdesk/testing';
import { FIXTURE_PEOPLE, Person, Staff, VGR_UNIT, account, form, mailWith, problemType, signInAll } from './story';

/**
 * Issue 8, points 2 and 3: what the staff tool really shows. Only the region whose lock is in effect
 * can lift it (R10, seed 001), in both adapter modes; a young child without a 1177 login of their own
 * can still have their guardians blocked, and a resident without a login can still have their journal
 * sealed (R16, R18, R21; seeds 002, 004). Every service as its own process, the simulators in place of
 * the outside world, the shipped regions file (KRONOBERG, VGR, JAMTLAND over http, JONKOPING by hand).
 */
const KRONOBERG_UNIT = { hsaId: 'SE2321000065-E000000000001', name: 'Vårdcentralen Kronoberg', headEmail: 'chef@kronoberg-vc.example' };
const JONKOPING_UNIT = { hsaId: 'SE2321000057-E000000000001', name: 'Vårdcentralen Jönköping', headEmail: 'chef@rjl-vc.example' };
const JAMTLAND_UNIT = { hsaId: 'SE2321000214-E000000000001', name: 'Hälsocentralen Östersund', headEmail: 'chef@hc-ostersund.example' };

const people = {
  drA: FIXTURE_PEOPLE.drA,
  bo: FIXTURE_PEOPLE.bo,
  eva: FIXTURE_PEOPLE.eva,
  karin: { sub: 'SE2321000065-E000000000011', name: 'Karin Kvist', region: 'KRONOBERG', roles: ['clinician'], unit: KRONOBERG_UNIT.hsaId },
  siv: { sub: 'SE2321000057-E000000000011', name: 'Siv Sjöberg', region: 'JONKOPING', roles: ['clinician'], unit: JONKOPING_UNIT.hsaId },
  ulla: { sub: 'SE2321000057-E000000000014', name: 'Ulla Udd', region: 'JONKOPING', roles: ['service_desk'], unit: 'SE2321000057-E000000000003' },
  ake: { sub: 'SE2321000214-E000000000011', name: 'Åke Åberg', region: 'JAMTLAND', roles: ['clinician'], unit: JAMTLAND_UNIT.hsaId },
} satisfies Record<string, Person>;

const ELIN = { personnummer: '199512312266', name: 'Elin Provsson' };
const OSKAR = { personnummer: '199304171797', name: 'Oskar Provsson' };
const ELLA = { personnummer: '202206103182', name: 'Ella Liten' };
const HANNA = '199104123428';
const JONAS = '198902205718';
const BERIT = { personnummer: '195203184667', name: 'Berit Olinkad' };

describe('the staff tool as it is: whose lock, and residents without a login', () => {
  let system: RunningSystem;
  let staff: Record<keyof typeof people, Staff>;

  beforeAll(async () => {
    system = await startTestSystem();
    staff = await signInAll(system, people);
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  const unlockForm = (who: Person, unit: typeof VGR_UNIT, resident: { personnummer: string; name: string }) => {
    // form() gives an unlock its unlock reasons (R11) when the type is given to it.
    const unlock = form(who, unit, { resident, type: 'LOGIN_UNLOCK' });
    return { ...unlock, decision: { ...unlock.decision, motivation: 'Ny bedömning: behovet kvarstår inte.' } };
  };
  const loginStatus = async (who: Staff, personnummer: string) => {
    const res = await who.post('/residents/status', { personnummer });
    expect(res.status).toBe(200);
    return res.body.login as { locked: boolean; lockedByRegion: string | null; lockCase: { id: string } | null };
  };

  it('R10 http: a second region’s lock records the first region’s lock in effect; only the first region can unlock', async () => {
    const first = await staff.karin.post('/cases', form(people.karin, KRONOBERG_UNIT, { resident: ELIN }), 'truth-kronoberg-lock');
    expect(first.status).toBe(201);
    const kronobergLock = await staff.karin.caseIn(first.body.id, 'CLOSED');
    expect(kronobergLock).toMatchObject({ outcome: 'EXECUTED', lockedByRegion: 'KRONOBERG' });
    expect(await loginStatus(staff.drA, ELIN.personnummer)).toMatchObject({ locked: true, lockedByRegion: 'KRONOBERG', lockCase: null });

    // VGR files a lock on the same resident: the staff tool shows "låst på begäran av Region Kronoberg".
    const second = await staff.drA.post('/cases', form(people.drA, VGR_UNIT, { resident: ELIN }), 'truth-vgr-lock');
    expect(second.status).toBe(201);
    const vgrLock = await staff.drA.caseIn(second.body.id, 'CLOSED');
    expect(vgrLock).toMatchObject({ outcome: 'EXECUTED', lockedByRegion: 'KRONOBERG', review: null });
    expect(vgrLock.timeline.map((t) => t.note).join(' ')).toMatch(/redan var låst på begäran av Region Kronoberg/);
    expect(await account(system, ELIN.personnummer)).toMatchObject({ loginLocked: true, lockedByRegion: 'KRONOBERG' });
    // R9: no review of a lock that is not the region's own.
    const reviews = (await staff.drA.get('/reviews?state=all')).body.reviews as ReviewView[];
    expect(reviews.find((r) => r.caseId === vgrLock.id)).toBeUndefined();
    expect(await loginStatus(staff.drA, ELIN.personnummer)).toMatchObject({ locked: true, lockedByRegion: 'KRONOBERG', lockCase: null });

    const byVgr = await staff.drA.post('/cases', unlockForm(people.drA, VGR_UNIT, ELIN), 'truth-vgr-unlock');
    expect(byVgr.status).toBe(403);
    expect(problemType(byVgr)).toBe('unlock-by-other-region');
    expect(byVgr.body.lockedByRegion).toBe('KRONOBERG');
    expect((await account(system, ELIN.personnummer)).loginLocked).toBe(true);

    const byKronoberg = await staff.karin.post('/cases', unlockForm(people.karin, KRONOBERG_UNIT, ELIN), 'truth-kronoberg-unlock');
    expect(byKronoberg.status).toBe(201);
    const unlocked = await staff.karin.caseIn(byKronoberg.body.id, 'CLOSED');
    expect(unlocked.relatedCases).toEqual(expect.arrayContaining([expect.objectContaining({ id: kronobergLock.id, relation: 'LIFTS' })]));
    expect((await account(system, ELIN.personnummer)).loginLocked).toBe(false);
    expect(await loginStatus(staff.drA, ELIN.personnummer)).toMatchObject({ locked: false, lockedByRegion: null, lockCase: null });
  });

  it('R10 manual: Jönköping’s operator records whose lock the staff tool shows; Jönköping cannot unlock Kronoberg’s lock', async () => {
    const first = await staff.karin.post('/cases', form(people.karin, KRONOBERG_UNIT, { resident: OSKAR }), 'truth-kronoberg-lock-2');
    await staff.karin.caseIn(first.body.id, 'CLOSED');

    const filed = await staff.siv.post('/cases', form(people.siv, JONKOPING_UNIT, { resident: OSKAR, channel: 'E_FORM' }), 'truth-jonkoping-lock');
    expect(filed.status).toBe(201);
    const item = await staff.ulla.workItem(filed.body.id, 'MANUAL_EXECUTION');
    expect(item.details.join(' ')).toMatch(/lockedByRegion/);
    const report = { result: 'ALREADY_IN_STATE', executedAt: new Date().toISOString(), observed: 'Låst på begäran av Region Kronoberg' };
    const unnamed = await staff.ulla.post(`/work-items/${item.id}/complete`, report);
    expect(unnamed.status).toBe(422);
    expect(problemType(unnamed)).toBe('locked-by-region-missing');
    const named = await staff.ulla.post(`/work-items/${item.id}/complete`, { ...report, lockedByRegion: 'KRONOBERG' });
    expect(named.status).toBe(200);

    const jonkopingLock = await staff.siv.caseIn(filed.body.id, 'CLOSED');
    expect(jonkopingLock).toMatchObject({ outcome: 'EXECUTED', lockedByRegion: 'KRONOBERG', review: null });
    expect(await loginStatus(staff.siv, OSKAR.personnummer)).toMatchObject({ locked: true, lockedByRegion: 'KRONOBERG', lockCase: null });

    const byJonkoping = await staff.siv.post('/cases', { ...unlockForm(people.siv, JONKOPING_UNIT, OSKAR), channel: 'E_FORM' }, 'truth-jonkoping-unlock');
    expect(byJonkoping.status).toBe(403);
    expect(problemType(byJonkoping)).toBe('unlock-by-other-region');
    expect(byJonkoping.body.lockedByRegion).toBe('KRONOBERG');

    const byKronoberg = await staff.karin.post('/cases', unlockForm(people.karin, KRONOBERG_UNIT, OSKAR), 'truth-kronoberg-unlock-2');
    expect(byKronoberg.status).toBe(201);
    await staff.karin.caseIn(byKronoberg.body.id, 'CLOSED');
    expect(await loginStatus(staff.siv, OSKAR.personnummer)).toMatchObject({ locked: false, lockedByRegion: null });
  });

  it('R16 R18: a guardian block of a 4-year-old without a login blocks both guardians; only the child’s linked lock is NOT_APPLICABLE', async () => {
    const filed = await staff.bo.post(
      '/guardian-blocks',
      {
        child: ELLA,
        guardians: [{ personnummer: HANNA }, { personnummer: JONAS }],
        channel: 'E_FORM',
        urgent: false,
        decision: form(people.bo, VGR_UNIT, { resident: ELLA }).decision,
        signature: { signedBy: people.bo.sub, signedAt: '2026-11-20T09:05:00Z' },
        requestingUnit: VGR_UNIT,
        confirmationEmails: ['chef@testkoping.example'],
        guardianInformedBy: 'Kurator Karlsson informerade vårdnadshavarna 2026-11-20',
      },
      'truth-ella-block',
    );
    expect(filed.status).toBe(201);
    const block = filed.body as GuardianBlockView;
    const blocked = await pollUntil(
      async () => {
        const res = await staff.eva.get(`/guardian-blocks/${block.id}`);
        return ['BLOCKED', 'NOT_APPLICABLE', 'FAILED'].includes(res.body.status) && res.body.linkedLock ? (res.body as GuardianBlockView) : undefined;
      },
      { timeoutMs: 30_000, what: 'the block to be executed, with its child lock' },
    );
    expect(blocked.status).toBe('BLOCKED');
    expect(blocked.guardians.every((g) => g.blocked)).toBe(true);
    expect((await account(system, ELLA.personnummer)).blockedGuardians).toEqual(expect.arrayContaining([HANNA, JONAS]));
    await mailWith(system, 'chef@testkoping.example', (m) => m.subject.includes(block.registryNumber), 'the block confirmation');

    const childLock = await staff.bo.caseIn((blocked.linkedLock as { caseId: string }).caseId, 'CLOSED');
    expect(childLock).toMatchObject({ type: 'LOGIN_LOCK', outcome: 'NOT_APPLICABLE', guardianBlockId: block.id });
    expect((await account(system, ELLA.personnummer)).loginLocked).toBe(false);
    // The block stays in effect: the child lock's NOT_APPLICABLE does not undo it.
    expect(((await staff.eva.get(`/guardian-blocks/${block.id}`)).body as GuardianBlockView).status).toBe('BLOCKED');
  });

  it('R16 R21: the journal of an adult without a login is sealed; only a login lock is NOT_APPLICABLE', async () => {
    const seal = await staff.ake.post('/cases', form(people.ake, JAMTLAND_UNIT, { type: 'JOURNAL_SEAL', resident: BERIT, sealScope: { whole: true } }), 'truth-berit-seal');
    expect(seal.status).toBe(201);
    const sealed = await staff.ake.caseIn(seal.body.id, 'CLOSED');
    expect(sealed.outcome).toBe('EXECUTED');
    expect((await account(system, BERIT.personnummer)).seal).toMatchObject({ whole: true });

    const lock = await staff.ake.post('/cases', form(people.ake, JAMTLAND_UNIT, { resident: BERIT }), 'truth-berit-lock');
    expect((await staff.ake.caseIn(lock.body.id, 'CLOSED')).outcome).toBe('NOT_APPLICABLE');
  });

  it('R23: writes no personnummer in any log line', () => {
    const numbers = [ELIN, OSKAR, ELLA, BERIT].map((r) => r.personnummer).concat([HANNA, JONAS]);
    const leaks = system.logs.filter(({ line }) => numbers.some((n) => line.includes(n) || line.includes(`${n.slice(2, 8)}-${n.slice(8)}`)));
    expect(leaks).toEqual([]);
  });
});
