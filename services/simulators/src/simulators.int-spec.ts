import { createTransport } from 'nodemailer';
import { Fixtures } from './fixtures/fixtures';
import { RunningSimulators, startSimulators } from './simulators';
import { residentRef } from './staff-tool/staff-tool.service';

// The simulators in-process, driven over real HTTP (fetch) and real SMTP (nodemailer).

const TOVA = '199001012385'; // adult with a 1177 account
const LO = '201604202448'; // child with two guardians
const OLLE = '196008153170'; // adult without a 1177 account
const UNKNOWN = '191212121212'; // valid, but not in the fixtures

const OPERATOR = { hsaId: 'SE2321000131-E000000000014', name: 'David Dahl' };

describe('simulators over the network', () => {
  let sims: RunningSimulators;

  beforeAll(async () => {
    sims = await startSimulators({ httpPort: 0, smtpPort: 0 });
  });

  afterAll(async () => {
    await sims?.close();
  });

  beforeEach(async () => {
    await call('POST', '/staff-tool/reset');
    await call('DELETE', '/smtp-sink/messages');
  });

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(sims.httpUrl + path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  }

  const act = (key: string, body: Record<string, unknown>) => call('POST', '/staff-tool/actions', body, { 'Idempotency-Key': key });
  const query = async (personnummer: string) => (await call('POST', '/staff-tool/accounts/query', { personnummer })).body;

  it('answers health checks', async () => {
    expect(await call('GET', '/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await call('GET', '/health/ready')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  describe('population register', () => {
    it('finds a resident with guardians', async () => {
      const found = await call('POST', '/population-register/lookup', { personnummer: LO });
      expect(found).toMatchObject({
        status: 200,
        body: { personnummer: LO, givenName: 'Lo', surname: 'Exempelsson', protectedIdentity: false, deceased: false, guardians: ['197805141236', '198009302467'] },
      });
    });

    it('R15: gives the region where a resident is registered, and null where the fixture gives none', async () => {
      expect((await call('POST', '/population-register/lookup', { personnummer: '197708233213' })).body).toMatchObject({ homeRegion: 'JAMTLAND', protectedIdentity: false });
      expect((await call('POST', '/population-register/lookup', { personnummer: '198409172841' })).body).toMatchObject({ homeRegion: 'VGR', protectedIdentity: true });
      expect((await call('POST', '/population-register/lookup', { personnummer: LO })).body).toMatchObject({ homeRegion: null });
    });

    it('answers an unknown resident with a 404 problem that does not repeat the number', async () => {
      const missing = await call('POST', '/population-register/lookup', { personnummer: UNKNOWN });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(missing.body).toMatchObject({ type: 'https://accessdesk.example/problems/resident-not-found', status: 404 });
      expect(JSON.stringify(missing.body)).not.toContain(UNKNOWN);
    });

    it('refuses a bad body and bad JSON with a 400 problem, quoting neither', async () => {
      const bad = await call('POST', '/population-register/lookup', { personnummer: '199001012384' });
      expect(bad).toMatchObject({ status: 400, body: { type: 'https://accessdesk.example/problems/invalid-request' } });
      expect(JSON.stringify(bad.body)).not.toContain('199001012384');
      const broken = await call('POST', '/population-register/lookup', `{"personnummer": "${TOVA}"`);
      expect(broken).toMatchObject({ status: 400, body: { type: 'https://accessdesk.example/problems/invalid-request' } });
      expect(JSON.stringify(broken.body)).not.toContain(TOVA);
    });
  });

  describe('staff directory', () => {
    it('finds a member of staff and the approved private providers', async () => {
      expect(await call('GET', '/staff-directory/persons/SE2321000131-E000000000011')).toMatchObject({
        status: 200,
        body: { hsaId: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician'], regionalStaffId: true },
      });
      expect(await call('GET', '/staff-directory/persons/SE2321000131-E999999999999')).toMatchObject({
        status: 404,
        body: { type: 'https://accessdesk.example/problems/staff-not-found' },
      });
      expect(await call('GET', '/staff-directory/private-providers?region=VGR')).toMatchObject({
        status: 200,
        body: { region: 'VGR', careProviders: ['SE5566778899-0001', 'SE5566778800-0001'] },
      });
      expect((await call('GET', '/staff-directory/private-providers')).status).toBe(400);
    });

    it('R12 lists a member of staff’s work phone number, the one the desk calls back; none where the fixtures give none', async () => {
      expect((await call('GET', '/staff-directory/persons/SE2321000131-E000000000011')).body).toMatchObject({ workPhone: '031-100 11 11' });
      expect((await call('GET', '/staff-directory/persons/SE2321000131-E000000000015')).body).toMatchObject({ workPhone: null });
    });

    it('R12 is down (503) or slow on the knob, and back after a reset', async () => {
      expect(await call('PUT', '/staff-directory/knobs', { unavailable: true })).toMatchObject({ status: 200, body: { latencyMs: 0, unavailable: true } });
      expect(await call('GET', '/staff-directory/persons/SE2321000131-E000000000011')).toMatchObject({
        status: 503,
        body: { type: 'https://accessdesk.example/problems/staff-directory-unavailable' },
      });
      expect((await call('PUT', '/staff-directory/knobs', { unavailable: 'yes' })).status).toBe(400);
      expect((await call('POST', '/staff-directory/reset')).status).toBe(204);
      expect((await call('GET', '/staff-directory/knobs')).body).toEqual({ latencyMs: 0, unavailable: false });
      await call('PUT', '/staff-directory/knobs', { latencyMs: 150 });
      const started = Date.now();
      expect((await call('GET', '/staff-directory/persons/SE2321000131-E000000000011')).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      await call('POST', '/staff-directory/reset');
    });
  });

  describe('staff tool', () => {
    const lockTova = { action: 'LOGIN_LOCK', personnummer: TOVA, region: 'VGR', operator: OPERATOR, reference: 'VGR 2026-0001' };

    it('executes an action once per idempotency key and replays the stored answer', async () => {
      const first = await act('lock-tova-1', lockTova);
      expect(first).toMatchObject({ status: 200, body: { idempotencyKey: 'lock-tova-1', action: 'LOGIN_LOCK', result: 'DONE' } });
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(await query(TOVA)).toEqual({ hasAccount: true, loginLocked: true, lockedByRegion: 'VGR', blockedGuardians: [], seal: null });

      // Unlocked in between: the replay must not lock again.
      expect((await act('unlock-tova-1', { ...lockTova, action: 'LOGIN_UNLOCK' })).body).toMatchObject({ result: 'DONE' });
      const replay = await act('lock-tova-1', lockTova);
      expect(replay.status).toBe(200);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body).toEqual(first.body);
      expect((await query(TOVA))?.loginLocked).toBe(false);

      const calls = await call('GET', '/staff-tool/calls?idempotencyKey=lock-tova-1');
      expect(calls.body?.calls).toEqual([
        expect.objectContaining({ callId: first.body?.callId, replayed: false, status: 200, result: 'DONE', region: 'VGR', residentRef: residentRef(TOVA) }),
        expect.objectContaining({ callId: first.body?.callId, replayed: true, status: 200 }),
      ]);
      expect(JSON.stringify((await call('GET', '/staff-tool/calls')).body)).not.toContain(TOVA);

      expect(await act('lock-tova-1', { ...lockTova, region: 'KRONOBERG' })).toMatchObject({
        status: 422,
        body: { type: 'https://accessdesk.example/problems/idempotency-key-reused' },
      });
    });

    it('answers NO_ACCOUNT for a resident without a 1177 account', async () => {
      const answer = await act('lock-olle', { ...lockTova, personnummer: OLLE });
      expect(answer).toMatchObject({ status: 200, body: { result: 'NO_ACCOUNT', account: { hasAccount: false } } });
      expect(await query(UNKNOWN)).toMatchObject({ hasAccount: false });
    });

    it('blocks guardians and seals a journal', async () => {
      const block = { action: 'GUARDIAN_BLOCK', personnummer: LO, region: 'JONKOPING', operator: OPERATOR, guardianPersonnummer: ['197805141236'] };
      expect((await act('block-1', block)).body).toMatchObject({ result: 'DONE', account: { blockedGuardians: ['197805141236'] } });
      const seal = { action: 'JOURNAL_SEAL', personnummer: TOVA, region: 'JAMTLAND', operator: OPERATOR, sealScope: { careUnits: ['SE2321000214-E000000000002'] } };
      expect((await act('seal-1', seal)).body).toMatchObject({
        result: 'DONE',
        account: { seal: { whole: false, careProviders: [], careUnits: ['SE2321000214-E000000000002'], from: null, to: null } },
      });
    });

    it('refuses an action without an Idempotency-Key or with a bad body', async () => {
      expect(await call('POST', '/staff-tool/actions', lockTova)).toMatchObject({
        status: 400,
        body: { type: 'https://accessdesk.example/problems/missing-idempotency-key' },
      });
      expect((await act('bad-1', { ...lockTova, action: 'LOGIN_SHRED' })).status).toBe(400);
      expect((await act('bad-2', { ...lockTova, action: 'GUARDIAN_BLOCK' })).status).toBe(400);
      expect((await act('bad-3', { ...lockTova, action: 'JOURNAL_SEAL', sealScope: {} })).status).toBe(400);
      expect((await act('bad-4', { ...lockTova, extra: true })).status).toBe(400);
    });

    it('with failure rate 1 answers 503 and changes nothing', async () => {
      expect(await call('PUT', '/staff-tool/knobs', { failureRate: 1 })).toMatchObject({ status: 200, body: { latencyMs: 0, failureRate: 1 } });
      expect(await act('lock-tova-2', lockTova)).toMatchObject({
        status: 503,
        body: { type: 'https://accessdesk.example/problems/staff-tool-unavailable' },
      });
      expect((await query(TOVA))?.loginLocked).toBe(false);
      expect((await call('GET', '/staff-tool/calls')).body?.calls).toEqual([expect.objectContaining({ status: 503, callId: null, result: null })]);
      expect((await call('PUT', '/staff-tool/knobs', { failureRate: 2 })).status).toBe(400);
    });

    it('delays answers by the latency knob', async () => {
      await call('PUT', '/staff-tool/knobs', { latencyMs: 150 });
      const started = Date.now();
      await query(TOVA);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      expect((await call('GET', '/staff-tool/knobs')).body).toEqual({ latencyMs: 150, failureRate: 0 });
    });
  });

  describe('smtp sink', () => {
    it('keeps an e-mail with Swedish characters and lists it by recipient', async () => {
      const transport = createTransport({ host: '127.0.0.1', port: sims.smtpPort, secure: false, ignoreTLS: true });
      try {
        await transport.sendMail({
          from: 'KSD Spärr- och loggservice <ksd@vgr.example>',
          to: 'chef@vgr.example',
          bcc: 'arkiv@vgr.example',
          subject: 'Låsning verkställd – ärende VGR 2026-0001',
          text: 'Hej!\nInloggningen är låst. Åtgärden är utförd.\nMed vänlig hälsning, Örjan',
          html: '<p>Inloggningen är låst.</p>',
        });
        await transport.sendMail({ from: 'ksd@vgr.example', to: 'annan@vgr.example', subject: 'Annat', text: 'x' });
      } finally {
        transport.close();
      }

      // sendMail resolves once the sink has accepted, so the message is already listed.
      const listed = await call('GET', '/smtp-sink/messages?to=CHEF@vgr.example');
      expect(listed.body?.messages).toEqual([
        expect.objectContaining({
          from: 'ksd@vgr.example',
          to: ['chef@vgr.example', 'arkiv@vgr.example'],
          subject: 'Låsning verkställd – ärende VGR 2026-0001',
          text: 'Hej!\nInloggningen är låst. Åtgärden är utförd.\nMed vänlig hälsning, Örjan',
          html: '<p>Inloggningen är låst.</p>',
          messageId: expect.stringMatching(/^<.+>$/),
          headers: expect.objectContaining({ from: 'KSD Spärr- och loggservice <ksd@vgr.example>' }),
        }),
      ]);
      expect(((await call('GET', '/smtp-sink/messages')).body?.messages as unknown[]).length).toBe(2);
      expect((await call('DELETE', '/smtp-sink/messages')).status).toBe(204);
      expect((await call('GET', '/smtp-sink/messages')).body).toEqual({ messages: [] });
    });
  });

  it('answers an unknown path with a problem that does not echo the path', async () => {
    const missing = await call('GET', `/population-register/${TOVA}`);
    expect(missing).toMatchObject({ status: 404, body: { type: 'https://accessdesk.example/problems/not-found' } });
    expect(JSON.stringify(missing.body)).not.toContain(TOVA);
  });
});

describe('simulators with fixtures of the test', () => {
  const fixtures: Fixtures = {
    residents: [
      { personnummer: UNKNOWN, givenName: 'Egen', surname: 'Testperson', protectedIdentity: true, deceased: false, has1177Account: true, guardians: [] },
    ],
    staff: [
      {
        hsaId: 'SE2321000065-E000000000099',
        name: 'Egen Handläggare',
        region: 'KRONOBERG',
        careProvider: 'SE2321000065-E000000000000',
        unit: 'SE2321000065-E000000000003',
        roles: ['service_desk'],
        regionalStaffId: true,
      },
    ],
    privateProviders: [],
  };
  let sims: RunningSimulators;

  beforeAll(async () => {
    sims = await startSimulators({ httpPort: 0, smtpPort: 0, fixtures });
  });

  afterAll(async () => {
    await sims?.close();
  });

  const post = (path: string, body: unknown) =>
    fetch(sims.httpUrl + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('knows only the people it was given', async () => {
    const own = await post('/population-register/lookup', { personnummer: UNKNOWN });
    expect(await own.json()).toMatchObject({ givenName: 'Egen', protectedIdentity: true });
    expect((await post('/population-register/lookup', { personnummer: TOVA })).status).toBe(404);
    expect((await fetch(`${sims.httpUrl}/staff-directory/persons/SE2321000065-E000000000099`)).status).toBe(200);
    expect(await (await post('/staff-tool/accounts/query', { personnummer: UNKNOWN })).json()).toMatchObject({ hasAccount: true });
  });

  it('refuses invalid fixtures with a clear error', async () => {
    const broken = { ...fixtures, residents: [{ ...fixtures.residents[0], personnummer: '191212121213' }] };
    await expect(startSimulators({ httpPort: 0, smtpPort: 0, fixtures: broken })).rejects.toThrow(
      /residents\[0\]\.personnummer: wrong check digit/,
    );
  });
});
