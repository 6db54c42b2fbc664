import {
  Actor,
  ActionCompletedV1,
  CaseCheckedV1,
  CaseConcludedV1,
  CaseReceivedV1,
  CaseView,
  ExecuteActionV1,
  FeedbackSentV1,
  GetCaseV1,
  ReviewScheduledV1,
  SubmitCaseV1,
  systemActor,
} from '@accessdesk/contracts';
import { createEnvelope } from '@accessdesk/messaging';
import { ServiceHarness, pollUntil, startServiceUnderTest } from '@accessdesk/testing';
import { AppModule } from './app.module';
import { IntakeConfig } from './intake.config';

const clinician: Actor = { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician'], unit: 'SE2321000131-E000000000001' };

function request(personnummer = '199001012385') {
  return {
    type: 'LOGIN_LOCK' as const,
    resident: { personnummer, name: 'Tova Testsson' },
    channel: 'FORM' as const,
    initiator: { kind: 'STAFF' as const, description: '' },
    decision: {
      decidedBy: { hsaId: clinician.sub, name: 'Dr A', role: 'CLINICIAN' as const },
      decidedAt: '2026-11-20T09:00:00Z',
      reasons: ['THREAT' as const],
      motivation: 'Hotbild',
      journalNoteRef: 'note',
      chiefPhysicianInformedAt: '2026-11-20T09:30:00Z',
    },
    patientInformed: { informed: true },
    signature: { signedBy: clinician.sub, signedAt: '2026-11-20T09:05:00Z' },
    requestingUnit: { hsaId: clinician.unit as string, name: 'Vårdcentralen', headEmail: 'head@example.se' },
  };
}

/**
 * intake in-process against the real broker and a throw-away database; a driver plays the other
 * services by publishing their events, in the order the test chooses.
 */
describe('intake', () => {
  let harness: ServiceHarness;

  beforeAll(async () => {
    harness = await startServiceUnderTest({ appModule: AppModule.forRoot, configClass: IntakeConfig, observe: [CaseReceivedV1, ExecuteActionV1, CaseConcludedV1] });
  });

  afterAll(() => harness?.close());

  const meta = (caseId: string) => ({ correlationId: caseId, causationId: caseId, region: 'VGR', actor: systemActor('test', 'VGR') });

  async function submit(key: string): Promise<CaseView> {
    const reply = await harness.driver.request<SubmitCaseV1, CaseView>('intake', SubmitCaseV1, { request: request(), idempotencyKey: key }, { ...meta(key), actor: clinician });
    if (!reply.ok) throw new Error(JSON.stringify(reply.problem));
    return reply.body;
  }

  async function getCase(id: string): Promise<CaseView> {
    const reply = await harness.driver.request<GetCaseV1, CaseView>('intake', GetCaseV1, { caseId: id }, { ...meta(id), actor: clinician });
    if (!reply.ok) throw new Error(JSON.stringify(reply.problem));
    return reply.body;
  }

  const checked = (caseId: string): CaseCheckedV1 => ({
    caseId,
    verdict: 'PASSED',
    findings: [],
    resident: { found: true, nameMatches: true, protectedIdentity: false, deceased: false, coordinationNumber: false },
    checkedAt: new Date().toISOString(),
  });

  it('registers a case, asks for the checks, and gives registry numbers that run per region and year', async () => {
    const a = await submit('k-a');
    const b = await submit('k-b');
    expect(a.status).toBe('VERIFYING');
    const year = new Date().getUTCFullYear();
    const serial = (n: string) => Number(n.split('-')[2]);
    expect(a.registryNumber).toMatch(new RegExp(`^VGR-${year}-\\d{6}$`));
    expect(serial(b.registryNumber)).toBe(serial(a.registryNumber) + 1);
    await harness.waitFor(CaseReceivedV1, (e) => e.correlationId === a.id, { what: 'case.received' });
  });

  it('never moves a case backwards when its events arrive late, twice or out of order', async () => {
    const c = await submit('k-order');
    await harness.publish(createEnvelope(CaseCheckedV1, checked(c.id), meta(c.id)));
    const command = await harness.waitFor(ExecuteActionV1, (e) => e.correlationId === c.id, { what: 'execute-action' });
    const actionId = command.payload.actionId;

    const completed = createEnvelope(ActionCompletedV1, { actionId, caseId: c.id, action: 'LOGIN_LOCK', outcome: 'EXECUTED', mode: 'http', completedAt: new Date().toISOString() }, meta(c.id));
    // Feedback before the review date, the completion twice (two message ids), a late check result.
    await harness.publish(completed, { ...completed, id: '6b0e5d51-0d0c-4c7e-9d0b-2d7b8f3c9a01' });
    await pollUntil(async () => (await getCase(c.id)).status === 'EXECUTED', { what: 'EXECUTED' });
    await harness.publish(createEnvelope(CaseCheckedV1, { ...checked(c.id), verdict: 'RETURN_FOR_COMPLETION', findings: ['NAME_MISMATCH'] }, meta(c.id)));
    await harness.publish(createEnvelope(FeedbackSentV1, { caseId: c.id, notificationId: '2f1d6f7e-7d55-4a51-8f3f-0b7f0e0f2a11', recipients: 1, sentAt: new Date().toISOString() }, meta(c.id)));
    // A lock is not closed before its review date is stored (R9).
    await pollUntil(async () => (await getCase(c.id)).timeline.some((t) => t.note.includes('Återkoppling skickad')), { what: 'feedback noted' });
    expect((await getCase(c.id)).status).toBe('EXECUTED');
    await harness.publish(createEnvelope(ReviewScheduledV1, { caseId: c.id, reviewId: '0c8b2b4e-1b7e-4a57-9f51-6a3c3c1d2e01', dueAt: '2027-02-20T10:00:00.000Z' }, meta(c.id)));
    const closed = await pollUntil(async () => {
      const v = await getCase(c.id);
      return v.status === 'CLOSED' ? v : undefined;
    }, { what: 'CLOSED' });

    const statuses = closed.timeline.map((t) => t.status);
    expect(statuses).toEqual(['RECEIVED', 'VERIFYING', 'READY', 'EXECUTING', 'EXECUTED', 'EXECUTED', 'EXECUTED', 'CLOSED']);
    expect(statuses).not.toContain('RETURNED_FOR_COMPLETION');
    expect(harness.observedOf(CaseConcludedV1, (e) => e.correlationId === c.id)).toHaveLength(1);
  });

  it('returns the same case for the same Idempotency-Key and refuses the key with another body', async () => {
    const first = await submit('k-same');
    const again = await submit('k-same');
    expect(again.id).toBe(first.id);
    const other = await harness.driver.request('intake', SubmitCaseV1, { request: request('199512312266'), idempotencyKey: 'k-same' }, { ...meta('x'), actor: clinician });
    expect(other).toMatchObject({ ok: false, problem: { status: 422 } });
  });

  it('answers not found for a case of another region', async () => {
    const c = await submit('k-region');
    const reply = await harness.driver.request('intake', GetCaseV1, { caseId: c.id }, { ...meta(c.id), actor: { ...clinician, region: 'KRONOBERG' } });
    expect(reply).toMatchObject({ ok: false, problem: { status: 404 } });
  });
});

/** The gateway is not the only guard: intake checks the caller in every command again. */
describe('intake checks authority on the commands it executes', () => {
  let harness: ServiceHarness;

  beforeAll(async () => {
    harness = await startServiceUnderTest({ appModule: AppModule.forRoot, configClass: IntakeConfig });
  });

  afterAll(() => harness?.close());

  const submitAs = (actor: Actor, key: string) =>
    harness.driver.request('intake', SubmitCaseV1, { request: request(), idempotencyKey: key }, { correlationId: key, causationId: key, region: actor.region, actor });

  it('refuses a role that may not file, and care staff filing for another unit', async () => {
    expect(await submitAs({ ...clinician, roles: ['auditor'] }, 'a-1')).toMatchObject({ ok: false, problem: { status: 403 } });
    expect(await submitAs({ ...clinician, roles: ['contact_centre'] }, 'a-2')).toMatchObject({ ok: false, problem: { status: 403 } });
    expect(await submitAs({ ...clinician, unit: 'SE2321000131-E000000000002' }, 'a-3')).toMatchObject({ ok: false, problem: { status: 403, type: expect.stringMatching(/not-your-unit$/) } });
    expect(await submitAs({ ...clinician, unit: undefined, roles: ['service_desk'] }, 'a-4')).toMatchObject({ ok: true });
  });

  it('shows a case only to its unit, its region’s service desk and auditor, and records each read (R23)', async () => {
    const filed = await submitAs(clinician, 'b-1');
    if (!filed.ok) throw new Error('filing failed');
    const id = (filed.body as CaseView).id;
    const getAs = (actor: Actor) => harness.driver.request('intake', GetCaseV1, { caseId: id }, { correlationId: id, causationId: id, region: actor.region, actor });
    expect(await getAs(clinician)).toMatchObject({ ok: true });
    expect(await getAs({ ...clinician, roles: ['service_desk'], unit: undefined, sub: 'SE2321000131-E000000000013' })).toMatchObject({ ok: true });
    expect(await getAs({ ...clinician, roles: ['auditor'], unit: undefined, sub: 'SE2321000131-E000000000016' })).toMatchObject({ ok: true });
    expect(await getAs({ ...clinician, unit: 'SE2321000131-E000000000002' })).toMatchObject({ ok: false, problem: { status: 404 } });
    expect(await getAs({ ...clinician, roles: ['contact_centre'] })).toMatchObject({ ok: false, problem: { status: 404 } });
    expect(await getAs({ ...clinician, region: 'KRONOBERG', roles: ['service_desk'] })).toMatchObject({ ok: false, problem: { status: 404 } });

    const reads = await harness.dataSource.query(`SELECT actor->>'sub' AS sub FROM intake.audit_log WHERE case_id = $1 AND action = 'CASE_READ' ORDER BY seq`, [id]);
    expect(reads.map((r: { sub: string }) => r.sub)).toEqual([clinician.sub, 'SE2321000131-E000000000013', 'SE2321000131-E000000000016']);
  });
});
