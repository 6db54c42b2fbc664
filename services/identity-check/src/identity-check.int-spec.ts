import { randomUUID } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import {
  Actor,
  CaseCheckedV1,
  CaseReceivedV1,
  CheckDecisionAuthorityV1,
  DecisionAuthority,
  EmergencyCallCheckedV1,
  EmergencyCallReceivedV1,
  Envelope,
  LookUpResidentV1,
  ResidentLookup,
  RpcReply,
} from '@accessdesk/contracts';
import { createEnvelope, drainQueue } from '@accessdesk/messaging';
import { ServiceHarness, startServiceUnderTest } from '@accessdesk/testing';
import { AppModule } from './app.module';
import { IdentityCheckConfig } from './identity-check.config';

// People as in the simulators' default fixtures (services/simulators/fixtures/README.md).
const TOVA = '199001012385';
const LO = '201604202448';
const LO_GUARDIANS = ['197805141236', '198009302467'];
/** Valid, but not in the register. */
const UNKNOWN = '191212121212';
/** Registered in Jämtland (R15), with a protected identity. */
const JAMTE = '197708233213';
const DR_A = 'SE2321000131-E000000000011';
const DAVID_DAHL = 'SE2321000131-E000000000014';
const TOR_TELL = 'SE2321000057-E000000000012';
const DR_PIA_PRIVAT = 'SE5566778899-E000000000011';
const DR_IVAR_ICKEGODKAND = 'SE5599887766-E000000000011';
/** On VGR's list in config/regions.json (R24). */
const APPROVED_PROVIDER = 'SE5566778899-0001';
const NOT_APPROVED_PROVIDER = 'SE5599887766-0001';
/** Dr A's work number in the directory (R12). */
const DR_A_PHONE = '031-100 11 11';
/** R12: how long identity-check waits for the directory on an emergency lock, in this test. */
const EMERGENCY_TIMEOUT_MS = 300;

/** The population register and the staff directory, just the endpoints identity-check calls. */
class FakeRegisters {
  readonly server: Server;
  lookups = 0;
  /** Calls to the directory's private-providers endpoint, which R24 replaced by the regions file. */
  privateProviderCalls = 0;
  /** The next n population-register look-ups answer 503. */
  failLookups = 0;
  /** The next n staff-directory look-ups answer 503. */
  failPersons = 0;
  personLookups = 0;
  /** R12: every staff-directory look-up waits this long before answering (a directory that hangs). */
  directoryDelayMs = 0;
  /** Staff-directory look-ups so far. */
  directoryLookups = 0;
  private readonly residents: Record<string, object> = {
    [TOVA]: { personnummer: TOVA, givenName: 'Tova', surname: 'Testsson', protectedIdentity: false, deceased: false, guardians: [] },
    [LO]: { personnummer: LO, givenName: 'Lo', surname: 'Exempelsson', protectedIdentity: false, deceased: false, guardians: LO_GUARDIANS },
    [JAMTE]: { personnummer: JAMTE, givenName: 'Jonas', surname: 'Jämte', protectedIdentity: true, deceased: false, guardians: [], homeRegion: 'JAMTLAND' },
  };
  private readonly staff: Record<string, object> = {
    [DR_A]: { hsaId: DR_A, name: 'Dr A', region: 'VGR', careProvider: 'SE2321000131-E000000000000', unit: 'U1', roles: ['clinician'], regionalStaffId: true, workPhone: DR_A_PHONE },
    [TOR_TELL]: { hsaId: TOR_TELL, name: 'Tor Tell', region: 'JONKOPING', careProvider: 'SE2321000057-E000000000000', unit: 'U5', roles: ['unit_head'], regionalStaffId: true },
    [DAVID_DAHL]: { hsaId: DAVID_DAHL, name: 'David Dahl', region: 'VGR', careProvider: 'SE2321000131-E000000000000', unit: 'U3', roles: ['service_desk'], regionalStaffId: true, workPhone: '031-100 14 14' },
    [DR_PIA_PRIVAT]: { hsaId: DR_PIA_PRIVAT, name: 'Dr Pia Privat', region: 'VGR', careProvider: APPROVED_PROVIDER, unit: 'U2', roles: ['clinician'], regionalStaffId: false },
    [DR_IVAR_ICKEGODKAND]: {
      hsaId: DR_IVAR_ICKEGODKAND,
      name: 'Dr Ivar Ickegodkänd',
      region: 'VGR',
      careProvider: NOT_APPROVED_PROVIDER,
      unit: 'U4',
      roles: ['clinician'],
      regionalStaffId: false,
    },
  };

  constructor() {
    this.server = createServer((req, res) => void this.route(req, res));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && url.pathname === '/population-register/lookup') {
      this.lookups += 1;
      const { personnummer } = JSON.parse(await readBody(req)) as { personnummer: string };
      if (this.failLookups > 0) {
        this.failLookups -= 1;
        return send(503, { title: 'Unavailable', status: 503 });
      }
      const resident = this.residents[personnummer];
      return resident ? send(200, resident) : send(404, { title: 'Resident not found', status: 404 });
    }
    const person = /^\/staff-directory\/persons\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && person) {
      this.personLookups += 1;
      if (this.failPersons > 0) {
        this.failPersons -= 1;
        return send(503, { title: 'Unavailable', status: 503 });
      }
      this.directoryLookups += 1;
      if (this.directoryDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.directoryDelayMs));
      const found = this.staff[decodeURIComponent(person[1])];
      return found ? send(200, found) : send(404, { title: 'Staff member not found', status: 404 });
    }
    if (req.method === 'GET' && url.pathname === '/staff-directory/private-providers') {
      this.privateProviderCalls += 1;
      return send(200, { region: url.searchParams.get('region'), careProviders: [APPROVED_PROVIDER, NOT_APPROVED_PROVIDER] });
    }
    send(404, { title: 'No such endpoint', status: 404 });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function received(overrides: Partial<CaseReceivedV1> = {}): CaseReceivedV1 {
  return {
    caseId: randomUUID(),
    registryNumber: 'VGR-2026-000001',
    caseType: 'LOGIN_LOCK',
    channel: 'FORM',
    resident: { personnummer: TOVA, name: 'Tova Testsson' },
    signature: { signedBy: DR_A, signedAt: '2026-11-20T09:05:00Z' },
    decidedBy: { hsaId: DR_A, role: 'CLINICIAN' },
    requestingUnitHsaId: 'SE2321000131-E000000000001',
    receivedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

describe('identity-check against the real broker and database', () => {
  const registers = new FakeRegisters();
  let harness: ServiceHarness;

  beforeAll(async () => {
    await new Promise<void>((resolve) => registers.server.listen(0, '127.0.0.1', resolve));
    // The driver stands in for intake: it publishes received cases and listens for the results.
    harness = await startServiceUnderTest({
      appModule: AppModule.forRoot,
      configClass: IdentityCheckConfig,
      env: {
        POPULATION_REGISTER_URL: `${registers.url}/population-register`,
        STAFF_DIRECTORY_URL: `${registers.url}/staff-directory/`,
        REGIONS_CONFIG_FILE: resolve(__dirname, '../../../config/regions.json'),
        EMERGENCY_DIRECTORY_TIMEOUT_MS: String(EMERGENCY_TIMEOUT_MS),
        // Short delays, so that a register outage of many tries passes in a second or two.
        MESSAGE_RETRY_DELAYS_MS: '20,50,100',
      },
      observe: [CaseCheckedV1, EmergencyCallCheckedV1],
    });
  });

  afterAll(async () => {
    await harness?.close();
    await new Promise((resolve) => registers.server.close(resolve));
  });

  async function check(payload: CaseReceivedV1): Promise<Envelope<CaseCheckedV1>> {
    const actor: Actor = { sub: DR_A, name: 'Dr A', region: 'VGR', roles: ['clinician'] };
    const envelope = createEnvelope(CaseReceivedV1, payload, { correlationId: payload.caseId, causationId: payload.caseId, region: 'VGR', actor });
    await harness.publish(envelope);
    const result = await harness.waitFor(CaseCheckedV1, (e) => e.payload.caseId === payload.caseId, { what: `the check of case ${payload.caseId}` });
    expect(result).toMatchObject({ correlationId: payload.caseId, causationId: envelope.id, region: 'VGR', actor: { sub: 'system:identity-check' } });
    return result;
  }

  async function storedRow(caseId: string): Promise<Record<string, unknown>> {
    const [row] = await harness.dataSource.query(`SELECT * FROM identity_check.checks WHERE case_id = $1`, [caseId]);
    return row;
  }

  it('passes a good case and stores the result without the personnummer or the name', async () => {
    const payload = received();
    const { payload: result } = await check(payload);
    expect(result).toMatchObject({
      caseId: payload.caseId,
      verdict: 'PASSED',
      findings: [],
      resident: { found: true, nameMatches: true, protectedIdentity: false, deceased: false, coordinationNumber: false },
      signerCareProvider: 'SE2321000131-E000000000000',
    });
    const row = await storedRow(payload.caseId);
    expect(row).toMatchObject({ verdict: 'PASSED', findings: [], region: 'VGR' });
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(TOVA);
    expect(stored).not.toContain('Tova');
  });

  it('returns a case for completion when the name does not match the population register', async () => {
    const payload = received({ resident: { personnummer: TOVA, name: 'Tove Testsson' } });
    const { payload: result } = await check(payload);
    expect(result).toMatchObject({ verdict: 'RETURN_FOR_COMPLETION', findings: ['NAME_MISMATCH'], resident: { nameMatches: false } });
    expect(await storedRow(payload.caseId)).toMatchObject({ verdict: 'RETURN_FOR_COMPLETION', findings: ['NAME_MISMATCH'] });
  });

  function signedAndDecidedBy(hsaId: string, overrides: Partial<CaseReceivedV1> = {}): CaseReceivedV1 {
    return received({ signature: { signedBy: hsaId, signedAt: '2026-11-20T09:05:00Z' }, decidedBy: { hsaId, role: 'CLINICIAN' }, ...overrides });
  }

  it('R4 asks for a phone verification of a signer without regional staff id from an approved private provider', async () => {
    const payload = signedAndDecidedBy(DR_PIA_PRIVAT);
    const { payload: result } = await check(payload);
    expect(result).toMatchObject({ verdict: 'MANUAL_VERIFICATION', findings: ['SIGNER_WITHOUT_REGIONAL_STAFF_ID'], signerCareProvider: APPROVED_PROVIDER });
    expect(registers.privateProviderCalls).toBe(0);
  });

  it('R4 looks up a signer who is not the decision maker in the staff directory and judges them (000 §6.4, §6.9)', async () => {
    const payload = received({ signature: { signedBy: DR_PIA_PRIVAT, signedAt: '2026-11-20T09:05:00Z' } });
    const { payload: result } = await check(payload);
    expect(result).toMatchObject({ verdict: 'MANUAL_VERIFICATION', findings: ['SIGNER_WITHOUT_REGIONAL_STAFF_ID'], signerCareProvider: APPROVED_PROVIDER });
  });

  it('R4 R24 refuses a signer from a private provider not on the region\'s list in the regions file', async () => {
    const payload = signedAndDecidedBy(DR_IVAR_ICKEGODKAND);
    const { payload: result } = await check(payload);
    expect(result).toMatchObject({ verdict: 'REFUSED', findings: ['PRIVATE_PROVIDER_NOT_APPROVED'], signerCareProvider: NOT_APPROVED_PROVIDER });
    expect(await storedRow(payload.caseId)).toMatchObject({ verdict: 'REFUSED', findings: ['PRIVATE_PROVIDER_NOT_APPROVED'] });
    // The directory offers its own list (with this provider on it); the regions file decides.
    expect(registers.privateProviderCalls).toBe(0);
  });

  it('R1 returns a case for completion when the decision maker has no deciding role in the staff directory', async () => {
    const payload = signedAndDecidedBy(DAVID_DAHL);
    const { payload: result } = await check(payload);
    // Nor may the service desk attest the form (000 §6.4).
    expect(result).toMatchObject({ verdict: 'RETURN_FOR_COMPLETION', findings: ['DECIDER_WITHOUT_AUTHORITY', 'SIGNER_NOT_CARE_STAFF'], signerCareProvider: 'SE2321000131-E000000000000' });
  });

  it('R1 checks the decision maker of an emergency lock, whose form follows later (R12)', async () => {
    const payload = received({ channel: 'EMERGENCY_PHONE', signature: null, decidedBy: { hsaId: DAVID_DAHL, role: 'CLINICIAN' } });
    const { payload: result } = await check(payload);
    expect(result).toMatchObject({ verdict: 'RETURN_FOR_COMPLETION', findings: ['DECIDER_WITHOUT_AUTHORITY'], signerCareProvider: null });

    const byDrA = received({ channel: 'EMERGENCY_PHONE', signature: null });
    expect((await check(byDrA)).payload).toMatchObject({ verdict: 'PASSED', findings: [] });
  });

  describe('R12 the emergency call: the staff directory answers for the caller and the decision maker before the staff tool is called', () => {
    function call(overrides: Partial<EmergencyCallReceivedV1> = {}): EmergencyCallReceivedV1 {
      return {
        caseId: randomUUID(),
        registryNumber: 'VGR-2026-000002',
        decidedBy: { hsaId: DR_A, role: 'CLINICIAN' },
        caller: { hsaId: DR_A, name: 'Dr A' },
        callBack: { number: '+46 31 100 11 11', calledAt: '2026-11-20T09:10:00Z' },
        receivedAt: '2026-11-20T09:11:00.000Z',
        ...overrides,
      };
    }

    async function checkCall(payload: EmergencyCallReceivedV1): Promise<Envelope<EmergencyCallCheckedV1>> {
      const actor: Actor = { sub: DAVID_DAHL, name: 'David Dahl', region: 'VGR', roles: ['service_desk'] };
      const envelope = createEnvelope(EmergencyCallReceivedV1, payload, { correlationId: payload.caseId, causationId: payload.caseId, region: 'VGR', actor });
      await harness.publish(envelope);
      const result = await harness.waitFor(EmergencyCallCheckedV1, (e) => e.payload.caseId === payload.caseId, { what: `the emergency call of case ${payload.caseId}` });
      expect(result).toMatchObject({ correlationId: payload.caseId, causationId: envelope.id, actor: { sub: 'system:identity-check' } });
      return result;
    }

    it('R12 R1 passes a caller called back on the directory’s work number who names a decision maker with authority', async () => {
      expect((await checkCall(call())).payload).toMatchObject({ verdict: 'PASSED', findings: [] });
    });

    it('R12 R1 does not bear out a decision maker the directory does not know, nor one without deciding authority', async () => {
      const unknown = call({ decidedBy: { hsaId: 'SE2321000131-E000000000777', role: 'CLINICIAN' } });
      expect((await checkCall(unknown)).payload).toMatchObject({ verdict: 'NOT_VERIFIED', findings: ['DECIDER_UNKNOWN'] });
      const desk = call({ decidedBy: { hsaId: DAVID_DAHL, role: 'CLINICIAN' } });
      expect((await checkCall(desk)).payload).toMatchObject({ verdict: 'NOT_VERIFIED', findings: ['DECIDER_WITHOUT_AUTHORITY'] });
    });

    it('R12 does not bear out a call back to a number that is not the directory’s for the caller, nor a caller it does not know', async () => {
      const givenNumber = call({ callBack: { number: '070-555 12 34', calledAt: '2026-11-20T09:10:00Z' } });
      expect((await checkCall(givenNumber)).payload).toMatchObject({ verdict: 'NOT_VERIFIED', findings: ['CALL_BACK_NOT_DIRECTORY_NUMBER'] });
      // David Dahl phones for Dr A, but is called back on Dr A's number, not his own.
      const otherCaller = call({ caller: { hsaId: DAVID_DAHL, name: 'David Dahl' } });
      expect((await checkCall(otherCaller)).payload).toMatchObject({ verdict: 'NOT_VERIFIED', findings: ['CALL_BACK_NOT_DIRECTORY_NUMBER'] });
      const stranger = call({ caller: { hsaId: 'SE2321000131-E000000000778', name: 'Okänd' } });
      expect((await checkCall(stranger)).payload).toMatchObject({ verdict: 'NOT_VERIFIED', findings: ['CALLER_UNKNOWN'] });
    });

    it('R12 asks the population register for a protected identity within the same deadline, and says so with its answer', async () => {
      expect((await checkCall(call({ residentPersonnummer: JAMTE }))).payload).toMatchObject({ verdict: 'PASSED', protectedIdentity: true });
      expect((await checkCall(call({ residentPersonnummer: TOVA }))).payload).toMatchObject({ verdict: 'PASSED', protectedIdentity: false });
      // A silent register holds nothing back: the call is judged, the mark is unknown.
      registers.failLookups = 1;
      expect((await checkCall(call({ residentPersonnummer: JAMTE }))).payload).toMatchObject({ verdict: 'PASSED', protectedIdentity: null });
    });

    it('R12 answers DIRECTORY_UNAVAILABLE within its short timeout when the directory hangs, instead of waiting or retrying', async () => {
      registers.directoryDelayMs = EMERGENCY_TIMEOUT_MS * 4;
      try {
        const before = registers.directoryLookups;
        const started = Date.now();
        const { payload: result } = await checkCall(call());
        expect(result).toEqual({ caseId: result.caseId, verdict: 'DIRECTORY_UNAVAILABLE', findings: [], checkedAt: expect.any(String), protectedIdentity: null });
        expect(Date.now() - started).toBeLessThan(EMERGENCY_TIMEOUT_MS * 4);
        // Asked once: no redelivery through the broker.
        expect(registers.directoryLookups - before).toBe(1);
      } finally {
        registers.directoryDelayMs = 0;
      }
    });
  });

  describe('R12 R4 the form that followed an emergency lock', () => {
    it('R12 R4 judges staff’s form as a filed form: signature and decision maker', async () => {
      const unsigned = received({ channel: 'EMERGENCY_PHONE', signature: null, paperworkSender: 'STAFF' });
      expect((await check(unsigned)).payload).toMatchObject({ verdict: 'RETURN_FOR_COMPLETION', findings: ['UNSIGNED'], paperworkSender: 'STAFF' });
      const byIvar = received({ channel: 'EMERGENCY_PHONE', paperworkSender: 'STAFF', signature: { signedBy: DR_IVAR_ICKEGODKAND, signedAt: '2026-11-21T09:05:00Z' } });
      expect((await check(byIvar)).payload).toMatchObject({ verdict: 'REFUSED', findings: ['PRIVATE_PROVIDER_NOT_APPROVED'], paperworkSender: 'STAFF' });
      const good = received({ channel: 'EMERGENCY_PHONE', paperworkSender: 'STAFF' });
      expect((await check(good)).payload).toMatchObject({ verdict: 'PASSED', findings: [], paperworkSender: 'STAFF' });
    });

    it('R12 R4 checks the resident’s own form against the population register only', async () => {
      const before = registers.directoryLookups;
      const own = received({ channel: 'EMERGENCY_PHONE', signature: null, paperworkSender: 'RESIDENT', resident: { personnummer: TOVA, name: 'Tove Testsson' } });
      expect((await check(own)).payload).toMatchObject({ verdict: 'RETURN_FOR_COMPLETION', findings: ['NAME_MISMATCH'], paperworkSender: 'RESIDENT' });
      expect(registers.directoryLookups).toBe(before);
    });
  });

  it('retries through the broker when the population register fails, and publishes one result', async () => {
    registers.failLookups = 2;
    const before = registers.lookups;
    const payload = received();
    const { payload: result } = await check(payload);
    expect(result.verdict).toBe('PASSED');
    expect(registers.lookups - before).toBe(3);
    const [{ n }] = await harness.dataSource.query(
      `SELECT count(*)::int AS n FROM identity_check.outbox WHERE envelope->'payload'->>'caseId' = $1`,
      [payload.caseId],
    );
    expect(n).toBe(1);
  });

  it('waits out a population-register outage of many more tries than the delivery limit allows: the case is checked, nothing is dead-lettered', async () => {
    // Twelve failures in a row; handing the message back to its queue dead-lettered it after five.
    registers.failLookups = 12;
    const before = registers.lookups;
    const payload = received();
    const { payload: result } = await check(payload);
    expect(result.verdict).toBe('PASSED');
    expect(registers.lookups - before).toBe(13);
    expect(await drainQueue(`${harness.prefix}identity-check.events.dlq`)).toHaveLength(0);
  });

  describe('LookUpResidentV1 over request/reply', () => {
    const CONTACT_CENTRE: Actor = { sub: 'SE2321000131-E000000000015', name: 'Eva Ek', region: 'VGR', roles: ['contact_centre'] };

    function lookUp(personnummer: string, actor: Actor = CONTACT_CENTRE): Promise<RpcReply<ResidentLookup>> {
      const caseId = randomUUID();
      return harness.driver.request<LookUpResidentV1, ResidentLookup>('identity-check', LookUpResidentV1, { personnummer }, {
        correlationId: caseId,
        causationId: caseId,
        region: 'VGR',
        actor,
      });
    }

    it('answers a child with the guardians the population register lists (R18)', async () => {
      expect(await lookUp(LO)).toEqual({
        ok: true,
        body: { found: true, givenName: 'Lo', surname: 'Exempelsson', protectedIdentity: false, deceased: false, guardians: LO_GUARDIANS, homeRegion: null },
      });
    });

    it('R15: answers the region where the resident is registered, and the protected identity, as the register gives them', async () => {
      expect(await lookUp(JAMTE)).toEqual({
        ok: true,
        body: { found: true, givenName: 'Jonas', surname: 'Jämte', protectedIdentity: true, deceased: false, guardians: [], homeRegion: 'JAMTLAND' },
      });
    });

    it('answers a resident the register does not know as not found', async () => {
      expect(await lookUp(UNKNOWN)).toEqual({
        ok: true,
        body: { found: false, givenName: null, surname: null, protectedIdentity: false, deceased: false, guardians: [], homeRegion: null },
      });
    });

    it('refuses a caller without a staff role, without asking the register', async () => {
      const before = registers.lookups;
      const reply = await lookUp(TOVA, { sub: 'system:guardian-block', name: 'guardian-block', region: 'VGR', roles: [] });
      expect(reply).toMatchObject({ ok: false, problem: { type: 'https://accessdesk.se/problems/role-not-allowed', status: 403 } });
      expect(registers.lookups).toBe(before);
    });

    it('answers 503 register-unavailable while the register is down, without the personnummer', async () => {
      registers.failLookups = 1;
      const reply = await lookUp(TOVA);
      expect(reply).toMatchObject({ ok: false, problem: { type: 'https://accessdesk.se/problems/register-unavailable', status: 503 } });
      expect(JSON.stringify(reply)).not.toContain(TOVA);
      expect(await lookUp(TOVA)).toMatchObject({ ok: true, body: { found: true, givenName: 'Tova', guardians: [] } });
    });
  });

  describe('request/reply: R1 decision authority for a guardian block (002)', () => {
    function authority(hsaId: string, caseType: CheckDecisionAuthorityV1['caseType'] = 'GUARDIAN_BLOCK', actor: Actor = { sub: 'SE2321000057-E000000000015', name: 'Vera Vik', region: 'JONKOPING', roles: ['contact_centre'] }) {
      const id = randomUUID();
      return harness.driver.request<CheckDecisionAuthorityV1, DecisionAuthority>('identity-check', CheckDecisionAuthorityV1, { caseType, hsaId }, { correlationId: id, causationId: id, region: 'JONKOPING', actor });
    }

    it('R1 answers that a unit head the staff directory lists may decide a guardian block and its unblock', async () => {
      expect(await authority(TOR_TELL)).toEqual({ ok: true, body: { known: true, mayDecide: true, roles: ['unit_head'] } });
      expect(await authority(TOR_TELL, 'GUARDIAN_UNBLOCK')).toMatchObject({ ok: true, body: { mayDecide: true } });
    });

    it('R1 answers that a clinician may not decide a guardian block, and that a person the directory does not know is unknown', async () => {
      expect(await authority(DR_A)).toEqual({ ok: true, body: { known: true, mayDecide: false, roles: ['clinician'] } });
      expect(await authority('SE2321000131-E000000000999')).toEqual({ ok: true, body: { known: false, mayDecide: false, roles: [] } });
    });

    it('answers 503 staff-directory-unavailable while the directory is down, and refuses a caller without a staff role without asking it', async () => {
      registers.failPersons = 1;
      expect(await authority(TOR_TELL)).toMatchObject({ ok: false, problem: { type: 'https://accessdesk.se/problems/staff-directory-unavailable', status: 503 } });
      const before = registers.personLookups;
      expect(await authority(TOR_TELL, 'GUARDIAN_BLOCK', { sub: 'system:guardian-block', name: 'guardian-block', region: 'JONKOPING', roles: [] })).toMatchObject({
        ok: false,
        problem: { status: 403 },
      });
      expect(registers.personLookups).toBe(before);
      expect(await authority(TOR_TELL)).toMatchObject({ ok: true, body: { mayDecide: true } });
    });
  });
});
