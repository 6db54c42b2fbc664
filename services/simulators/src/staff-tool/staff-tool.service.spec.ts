import { Fixtures } from '../fixtures/fixtures';
import { ActionRequest, IdempotencyKeyReusedError, StaffToolService, StaffToolUnavailableError, canonicalJson, residentRef } from './staff-tool.service';

const WITH_ACCOUNT = '199001012385';
const WITHOUT_ACCOUNT = '196008153170';

const fixtures: Fixtures = {
  residents: [
    { personnummer: WITH_ACCOUNT, givenName: 'Tova', surname: 'Testsson', protectedIdentity: false, deceased: false, has1177Account: true, guardians: [] },
    { personnummer: WITHOUT_ACCOUNT, givenName: 'Olle', surname: 'Utankonto', protectedIdentity: false, deceased: false, has1177Account: false, guardians: [] },
  ],
  staff: [],
  privateProviders: [],
};

const lock = (personnummer = WITH_ACCOUNT): ActionRequest => ({
  action: 'LOGIN_LOCK',
  personnummer,
  region: 'VGR',
  operator: { hsaId: 'SE2321000131-E000000000014', name: 'David Dahl' },
});

function service(random = () => 0.5): StaffToolService {
  return new StaffToolService(fixtures, { random, now: () => new Date('2026-11-20T09:00:00Z') });
}

describe('StaffToolService', () => {
  it('answers a repeated idempotency key with the stored answer and acts only once', async () => {
    const tool = service();
    const first = await tool.act('key-1', lock());
    expect(first.replayed).toBe(false);
    expect(first.response).toMatchObject({ idempotencyKey: 'key-1', action: 'LOGIN_LOCK', result: 'DONE', executedAt: '2026-11-20T09:00:00.000Z' });

    // Unlocked behind the first key's back: a replay must not lock again.
    await tool.act('key-2', { ...lock(), action: 'LOGIN_UNLOCK' });
    const replay = await tool.act('key-1', lock());
    expect(replay).toEqual({ response: first.response, replayed: true });
    expect((await tool.query(WITH_ACCOUNT)).loginLocked).toBe(false);

    expect(tool.listCalls({ idempotencyKey: 'key-1' })).toEqual([
      expect.objectContaining({ callId: first.response.callId, replayed: false, status: 200, result: 'DONE' }),
      expect.objectContaining({ callId: first.response.callId, replayed: true, status: 200, result: 'DONE' }),
    ]);
  });

  it('refuses a key reused for another request, and records it', async () => {
    const tool = service();
    await tool.act('key-1', lock());
    await expect(tool.act('key-1', { ...lock(), region: 'KRONOBERG' })).rejects.toThrow(IdempotencyKeyReusedError);
    expect(tool.listCalls().map((call) => call.status)).toEqual([200, 422]);
  });

  it('treats the same request in another key order as the same request', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: undefined } })).toBe(canonicalJson({ a: { d: [1, { e: 3, f: 2 }] }, b: 1 }));
  });

  it('answers NO_ACCOUNT for a resident without a 1177 account or unknown, and changes nothing', async () => {
    const tool = service();
    expect((await tool.act('k1', lock(WITHOUT_ACCOUNT))).response.result).toBe('NO_ACCOUNT');
    expect((await tool.act('k2', lock('191212121212'))).response.result).toBe('NO_ACCOUNT');
    expect(await tool.query(WITHOUT_ACCOUNT)).toEqual({ hasAccount: false, loginLocked: false, lockedByRegion: null, blockedGuardians: [], seal: null });
  });

  it('R16 R21: seals the journal of a resident without a login, and keeps the first region on a second lock (R10)', async () => {
    const tool = service();
    const seal = await tool.act('k1', { ...lock(WITHOUT_ACCOUNT), action: 'JOURNAL_SEAL', sealScope: { whole: true } });
    expect(seal.response.result).toBe('DONE');
    expect((await tool.query(WITHOUT_ACCOUNT)).seal).toEqual(expect.objectContaining({ whole: true }));

    await tool.act('k2', { ...lock(), region: 'KRONOBERG' });
    const second = await tool.act('k3', lock());
    expect(second.response).toEqual(expect.objectContaining({ result: 'ALREADY_IN_STATE', account: expect.objectContaining({ loginLocked: true, lockedByRegion: 'KRONOBERG' }) }));
    expect(await tool.query(WITH_ACCOUNT)).toEqual(expect.objectContaining({ loginLocked: true, lockedByRegion: 'KRONOBERG' }));
  });

  it('with an injected failure answers unavailable before any state change, without storing the key', async () => {
    let roll = 0.1;
    const tool = new StaffToolService(fixtures, { knobs: { failureRate: 0.5 }, random: () => roll });
    await expect(tool.act('key-1', lock())).rejects.toThrow(StaffToolUnavailableError);
    expect((await tool.query(WITH_ACCOUNT)).loginLocked).toBe(false);

    roll = 0.9; // the retry with the same key gets through and executes
    expect((await tool.act('key-1', lock())).response.result).toBe('DONE');
    expect(tool.listCalls().map((call) => [call.status, call.callId === null])).toEqual([
      [503, true],
      [200, false],
    ]);
  });

  it('keeps the personnummer out of the call log', async () => {
    const tool = service();
    await tool.act('key-1', lock());
    const [call] = tool.listCalls();
    expect(JSON.stringify(call)).not.toContain(WITH_ACCOUNT);
    expect(call.residentRef).toBe(residentRef(WITH_ACCOUNT));
    expect(call.residentRef).toMatch(/^[0-9a-f]{12}$/);
  });

  it('resets accounts, calls, stored answers and knobs', async () => {
    const tool = service();
    tool.setKnobs({ failureRate: 0.25 });
    await tool.act('key-1', lock());
    tool.reset();
    expect(tool.getKnobs()).toEqual({ latencyMs: 0, failureRate: 0 });
    expect(tool.listCalls()).toEqual([]);
    expect((await tool.query(WITH_ACCOUNT)).loginLocked).toBe(false);
    expect((await tool.act('key-1', lock())).replayed).toBe(false);
  });

  it('changes one knob at a time', () => {
    const tool = new StaffToolService(fixtures, { knobs: { latencyMs: 20 } });
    expect(tool.setKnobs({ failureRate: 1 })).toEqual({ latencyMs: 20, failureRate: 1 });
  });
});
