import { randomUUID } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Actor, CaseCheckedV1, CaseReceivedV1, Envelope } from '@accessdesk/contracts';
import { createEnvelope } from '@accessdesk/messaging';
import { ServiceHarness, startServiceUnderTest } from '@accessdesk/testing';
import { AppModule } from './app.module';
import { IdentityCheckConfig } from './identity-check.config';

const TOVA = '199001012385';
const DR_A = 'SE2321000131-E000000000011';
const DR_PRIVATE = 'SE5566778899-E000000000022';
const DR_ELSEWHERE = 'SE9988776655-E000000000033';
const APPROVED_PROVIDER = 'SE5566778899-0001';

/** The population register and the staff directory, just the endpoints identity-check calls. */
class FakeRegisters {
  readonly server: Server;
  lookups = 0;
  /** The next n population-register look-ups answer 503. */
  failLookups = 0;
  private readonly residents: Record<string, object> = {
    [TOVA]: { personnummer: TOVA, givenName: 'Tova', surname: 'Testsson', protectedIdentity: false, deceased: false, guardians: [] },
  };
  private readonly staff: Record<string, object> = {
    [DR_A]: { hsaId: DR_A, name: 'Dr A', region: 'VGR', careProvider: 'SE2321000131-E000000000000', unit: 'U1', roles: ['clinician'], regionalStaffId: true },
    [DR_PRIVATE]: { hsaId: DR_PRIVATE, name: 'Dr P', region: 'VGR', careProvider: APPROVED_PROVIDER, unit: 'U2', roles: ['clinician'], regionalStaffId: false },
    [DR_ELSEWHERE]: { hsaId: DR_ELSEWHERE, name: 'Dr E', region: 'VGR', careProvider: 'SE9988776655-0001', unit: 'U3', roles: ['clinician'], regionalStaffId: false },
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
      const found = this.staff[decodeURIComponent(person[1])];
      return found ? send(200, found) : send(404, { title: 'Staff member not found', status: 404 });
    }
    if (req.method === 'GET' && url.pathname === '/staff-directory/private-providers') {
      const region = url.searchParams.get('region');
      return send(200, { region, careProviders: region === 'VGR' ? [APPROVED_PROVIDER] : [] });
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
      },
      observe: [CaseCheckedV1],
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

  it('asks for manual verification of a signer without regional staff id outside the approved private providers', async () => {
    const payload = received({
      signature: { signedBy: DR_ELSEWHERE, signedAt: '2026-11-20T09:05:00Z' },
      decidedBy: { hsaId: DR_ELSEWHERE, role: 'CLINICIAN' },
    });
    const { payload: result } = await check(payload);
    expect(result).toMatchObject({
      verdict: 'MANUAL_VERIFICATION',
      findings: ['SIGNER_WITHOUT_REGIONAL_STAFF_ID'],
      signerCareProvider: 'SE9988776655-0001',
    });
  });

  it('passes a signer without regional staff id from an approved private provider', async () => {
    const payload = received({
      signature: { signedBy: DR_PRIVATE, signedAt: '2026-11-20T09:05:00Z' },
      decidedBy: { hsaId: DR_PRIVATE, role: 'CLINICIAN' },
    });
    const { payload: result } = await check(payload);
    expect(result).toMatchObject({ verdict: 'PASSED', findings: [], signerCareProvider: APPROVED_PROVIDER });
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
});
