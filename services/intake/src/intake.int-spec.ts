import { randomUUID } from 'node:crypto';
import {
  Actor,
  ActionCompletedV1,
  CaseRefusedV1,
  CaseReturnedV1,
  ChildLockRequestedV1,
  CompleteCaseV1,
  LookUpResidentV1,
  RecordRegistryReferenceV1,
  ResidentLookup,
  CompleteWorkItemV1,
  LinkedLockOpenedV1,
  ListWorkItemsV1,
  ManualActionOpenedV1,
  MessageContract,
  PaperworkOverdueV1,
  PaperworkPendingV1,
  PaperworkWaivedV1,
  RecordManualResultV1,
  RecordPaperworkV1,
  ResidentStatusV1,
  LoginAndSealStatus,
  luhnCheckDigit,
  RecordVerificationV1,
  RpcReply,
  VoidCaseV1,
  WorkItemResolvedV1,
  WorkItemView,
  CaseCheckedV1,
  CaseConcludedV1,
  CaseEndedV1,
  EmergencyCallCheckedV1,
  EmergencyCallReceivedV1,
  PaperworkReceivedV1,
  PaperworkReturnedV1,
  CaseReceivedV1,
  CaseView,
  ExecuteActionV1,
  EmailSentV1,
  GetCaseV1,
  ReviewScheduledV1,
  SubmitCaseV1,
  systemActor,
} from '@accessdesk/contracts';
import { DEFAULT_AMQP_URL, Messaging, MessagingLogger, answer, createEnvelope, deleteTopology } from '@accessdesk/messaging';
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

/** R11: an unlock of the resident's lock, citing an unlock reason. */
function unlockRequest(personnummer: string) {
  const lock = request(personnummer);
  return { ...lock, type: 'LOGIN_UNLOCK' as const, decision: { ...lock.decision, reasons: ['THREAT_NO_LONGER_EXISTS' as const] }, relatedCaseId: null, sealScope: null };
}

/** R12: an emergency lock as the service desk records it: who phoned and the call back. */
function emergencyRequest(personnummer: string) {
  return {
    ...request(personnummer),
    channel: 'EMERGENCY_PHONE' as const,
    signature: null,
    relatedCaseId: null,
    sealScope: null,
    emergencyCall: { caller: { hsaId: clinician.sub, name: 'Dr A' }, callBack: { number: '031-100 11 11', calledAt: new Date(Date.now() - 60_000).toISOString() } },
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
    await harness.publish(createEnvelope(EmailSentV1, { caseId: c.id, notificationId: '2f1d6f7e-7d55-4a51-8f3f-0b7f0e0f2a11', kind: 'FEEDBACK', recipients: 1, sentAt: new Date().toISOString() }, meta(c.id)));
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
    expect(await submitAs({ ...clinician, sub: 'SE2321000131-E000000000014', unit: undefined, roles: ['service_desk'] }, 'a-4')).toMatchObject({ ok: true });
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

/** The routines' paths through intake, with the driver playing identity-check, execution and guardian-block. */
describe('intake runs the routines', () => {
  let harness: ServiceHarness;
  const desk: Actor = { sub: 'SE2321000131-E000000000014', name: 'David Dahl', region: 'VGR', roles: ['service_desk'] };

  beforeAll(async () => {
    harness = await startServiceUnderTest({
      appModule: AppModule.forRoot,
      configClass: IntakeConfig,
      observe: [
        ExecuteActionV1,
        CaseReturnedV1,
        CaseEndedV1,
        LinkedLockOpenedV1,
        PaperworkPendingV1,
        PaperworkWaivedV1,
        WorkItemResolvedV1,
        CaseConcludedV1,
        RecordManualResultV1,
        EmergencyCallReceivedV1,
        CaseReceivedV1,
        PaperworkReceivedV1,
        PaperworkReturnedV1,
      ],
    });
  });

  afterAll(() => harness?.close());

  const meta = (caseId: string, actor: Actor = systemActor('test', 'VGR')) => ({ correlationId: caseId, causationId: caseId, region: 'VGR', actor });
  const ask = async <P extends object, R>(contract: MessageContract<P>, payload: P, actor: Actor = clinician): Promise<RpcReply<R>> =>
    harness.driver.request<P, R>('intake', contract, payload, meta(randomUUID(), actor));
  const body = <R>(reply: RpcReply<R>): R => {
    if (!reply.ok) throw new Error(JSON.stringify(reply.problem));
    return reply.body;
  };
  const file = async (key: string, personnummer = '199001012385', actor: Actor = clinician) =>
    body(await ask<SubmitCaseV1, CaseView>(SubmitCaseV1, { request: { ...request(personnummer), relatedCaseId: null, sealScope: null }, idempotencyKey: key }, actor));
  const view = async (id: string, actor: Actor = clinician) => body(await ask<GetCaseV1, CaseView>(GetCaseV1, { caseId: id }, actor));
  const passed = (caseId: string): CaseCheckedV1 => ({
    caseId,
    verdict: 'PASSED',
    findings: [],
    resident: { found: true, nameMatches: true, protectedIdentity: false, deceased: false, coordinationNumber: false },
    checkedAt: new Date().toISOString(),
  });
  const executeCommand = (caseId: string, except: string[] = []) =>
    harness.waitFor(ExecuteActionV1, (e) => e.correlationId === caseId && !except.includes(e.payload.actionId), { what: `execute-action of ${caseId}` });
  const complete = (caseId: string, actionId: string, outcome: ActionCompletedV1['outcome'], detail: string | null = null) =>
    harness.publish(createEnvelope(ActionCompletedV1, { actionId, caseId, action: 'LOGIN_LOCK', outcome, mode: 'http', detail, completedAt: new Date().toISOString() }, meta(caseId)));
  const statusOf = (id: string, status: CaseView['status']) => pollUntil(async () => ((await view(id)).status === status ? view(id) : undefined), { what: `${id} ${status}` });

  it('R7: a failed execution waits in FAILED with a work item; RETRY sends a new action and a late answer to the old one changes nothing', async () => {
    const c = await file('fail-1', '199304171797');
    await harness.publish(createEnvelope(CaseCheckedV1, passed(c.id), meta(c.id)));
    const first = await executeCommand(c.id);
    await complete(c.id, first.payload.actionId, 'FAILED', 'STAFF_TOOL_UNAVAILABLE');
    await statusOf(c.id, 'FAILED');
    const inbox = await pollUntil(async () => {
      const items = body(await ask<ListWorkItemsV1, { items: WorkItemView[] }>(ListWorkItemsV1, { filter: { kind: 'FAILED_EXECUTION' } }, desk)).items;
      return items.find((i) => i.caseId === c.id);
    }, { what: 'the FAILED_EXECUTION work item' });
    expect(inbox.details.join(' ')).toContain('STAFF_TOOL_UNAVAILABLE');
    // A clinician has no inbox.
    expect(await ask(ListWorkItemsV1, { filter: {} })).toMatchObject({ ok: false, problem: { status: 403 } });

    const retried = body(await ask<CompleteWorkItemV1, WorkItemView>(CompleteWorkItemV1, { workItemId: inbox.id, request: { resolution: 'RETRY' } }, desk));
    expect(retried).toMatchObject({ status: 'DONE', resolution: 'RETRY', completedBy: desk.sub });
    const second = await executeCommand(c.id, [first.payload.actionId]);
    expect(second.payload.actionId).not.toBe(first.payload.actionId);
    // The late answer to the first action changes nothing; the second one counts.
    await complete(c.id, first.payload.actionId, 'EXECUTED');
    await complete(c.id, second.payload.actionId, 'EXECUTED');
    expect((await statusOf(c.id, 'EXECUTED')).outcome).toBe('EXECUTED');
    // Completing the item again answers it as it is, without a third action.
    expect(body(await ask<CompleteWorkItemV1, WorkItemView>(CompleteWorkItemV1, { workItemId: inbox.id, request: { resolution: 'RETRY' } }, desk)).status).toBe('DONE');
    expect(harness.observedOf(ExecuteActionV1, (e) => e.correlationId === c.id)).toHaveLength(2);
  });

  it('R7: a failed guardian action lands in the contact centre’s inbox, and its resolution goes back to guardian-block', async () => {
    const contactCentre: Actor = { sub: 'SE2321000131-E000000000015', name: 'Eva Ek', region: 'VGR', roles: ['contact_centre'] };
    const guardianBlockId = randomUUID();
    const actionId = randomUUID();
    await harness.publish(
      createEnvelope(
        ActionCompletedV1,
        { actionId, caseId: guardianBlockId, registryNumber: 'VGR-2026-VB-000009', action: 'GUARDIAN_BLOCK', outcome: 'FAILED', mode: 'http', detail: 'STAFF_TOOL_UNAVAILABLE', completedAt: new Date().toISOString() },
        meta(guardianBlockId),
      ),
    );
    const item = await pollUntil(async () => {
      const items = body(await ask<ListWorkItemsV1, { items: WorkItemView[] }>(ListWorkItemsV1, { filter: { kind: 'FAILED_EXECUTION' } }, contactCentre)).items;
      return items.find((i) => i.caseId === guardianBlockId);
    }, { what: 'the contact centre’s FAILED_EXECUTION item' });
    expect(item).toMatchObject({ queue: 'CONTACT_CENTRE', registryNumber: 'VGR-2026-VB-000009', action: 'GUARDIAN_BLOCK' });
    // Not in the service desk's inbox.
    const deskItems = body(await ask<ListWorkItemsV1, { items: WorkItemView[] }>(ListWorkItemsV1, { filter: { kind: 'FAILED_EXECUTION' } }, desk)).items;
    expect(deskItems.map((i) => i.id)).not.toContain(item.id);
    body(await ask<CompleteWorkItemV1, WorkItemView>(CompleteWorkItemV1, { workItemId: item.id, request: { resolution: 'RETRY' } }, contactCentre));
    const resolved = await harness.waitFor(WorkItemResolvedV1, (e) => e.payload.caseId === guardianBlockId, { what: 'work-item.resolved' });
    expect(resolved.payload).toMatchObject({ actionId, resolution: 'RETRY', resolvedBy: contactCentre.sub });
  });

  it('R7 R9: a manual result is taken only with an executedAt between the item’s opening and now', async () => {
    const c = await file('manual-1', '199304171797');
    const actionId = randomUUID();
    const opened = createEnvelope(
      ManualActionOpenedV1,
      { actionId, caseId: c.id, registryNumber: c.registryNumber, action: 'LOGIN_LOCK', queue: 'SERVICE_DESK', personnummer: '199304171797', openedAt: new Date().toISOString() },
      meta(c.id),
    );
    await harness.publish(opened);
    await harness.handled(opened);
    const item = body(await ask<ListWorkItemsV1, { items: WorkItemView[] }>(ListWorkItemsV1, { filter: { kind: 'MANUAL_EXECUTION' } }, desk)).items.find((i) => i.caseId === c.id) as WorkItemView;
    const completeWith = (executedAt: string) => ask(CompleteWorkItemV1, { workItemId: item.id, request: { result: 'DONE', executedAt, observed: 'Kontot visas som låst' } }, desk);
    for (const typo of ['2062-11-20T09:00:00Z', '2016-11-20T09:00:00Z']) {
      expect(await completeWith(typo)).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/executed-at-out-of-range$/) } });
    }
    expect(await completeWith(new Date().toISOString())).toMatchObject({ ok: true, body: { status: 'DONE', resolution: 'DONE' } });
  });

  it('R7: two failed unblocks of one guardian block each get their own work item', async () => {
    const contactCentre: Actor = { sub: 'SE2321000131-E000000000015', name: 'Eva Ek', region: 'VGR', roles: ['contact_centre'] };
    const guardianBlockId = randomUUID();
    const failed = (actionId: string) =>
      createEnvelope(
        ActionCompletedV1,
        { actionId, caseId: guardianBlockId, registryNumber: 'VGR-2026-VB-000010', action: 'GUARDIAN_UNBLOCK', outcome: 'FAILED', mode: 'http', detail: 'STAFF_TOOL_UNAVAILABLE', completedAt: new Date().toISOString() },
        meta(guardianBlockId),
      );
    const [first, second] = [randomUUID(), randomUUID()];
    await harness.publish(failed(first));
    await harness.publish(failed(second), failed(second));
    const items = await pollUntil(async () => {
      const open = body(await ask<ListWorkItemsV1, { items: WorkItemView[] }>(ListWorkItemsV1, { filter: { kind: 'FAILED_EXECUTION' } }, contactCentre)).items.filter((i) => i.caseId === guardianBlockId);
      return open.length === 2 ? open : undefined;
    }, { what: 'two FAILED_EXECUTION items' });
    const [{ n }] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM intake.work_items WHERE case_id = $1`, [guardianBlockId]);
    expect(n).toBe(2);
    expect(items.map((i) => i.action)).toEqual(['GUARDIAN_UNBLOCK', 'GUARDIAN_UNBLOCK']);
  });

  it('R5: a later case of the same resident links the earlier one of the region, never another region’s', async () => {
    const kronoberg: Actor = { sub: 'SE2321000065-E000000000011', name: 'Karin Kvist', region: 'KRONOBERG', roles: ['clinician'], unit: 'SE2321000065-E000000000001' };
    const other = body(
      await ask<SubmitCaseV1, CaseView>(
        SubmitCaseV1,
        { request: { ...request('195510034241'), decision: { ...request().decision, decidedBy: { hsaId: kronoberg.sub, name: 'Karin Kvist', role: 'CLINICIAN' } }, requestingUnit: { hsaId: kronoberg.unit as string, name: 'VC', headEmail: 'h@k.se' } }, idempotencyKey: 'r5-k' },
        kronoberg,
      ),
    );
    const first = await file('r5-1', '195510034241');
    const second = await file('r5-2', '195510034241');
    expect(second.relatedCases).toEqual([expect.objectContaining({ id: first.id, relation: 'EARLIER_CASE_OF_RESIDENT', registryNumber: first.registryNumber })]);
    expect(second.relatedCases.map((r) => r.id)).not.toContain(other.id);
  });

  it('R4: a return asks the requester only for what they must put right, not for the desk’s phone check', async () => {
    const c = await file('return-reasons', '199512312266');
    await harness.publish(createEnvelope(CaseCheckedV1, { ...passed(c.id), verdict: 'RETURN_FOR_COMPLETION', findings: ['NAME_MISMATCH', 'SIGNER_WITHOUT_REGIONAL_STAFF_ID', 'COORDINATION_NUMBER'] }, meta(c.id)));
    const told = await harness.waitFor(CaseReturnedV1, (e) => e.correlationId === c.id, { what: 'case.returned' });
    expect(told.payload.reasons).toEqual(['namnet stämmer inte med folkbokföringen']);
  });

  it('R4 R11 R8: a failed phone verification returns the case with the reason; a void ends it and reduces its personal data', async () => {
    const c = await file('verify-1', '199512312266');
    await harness.publish(createEnvelope(CaseCheckedV1, { ...passed(c.id), verdict: 'MANUAL_VERIFICATION', findings: ['SIGNER_WITHOUT_REGIONAL_STAFF_ID'] }, meta(c.id)));
    await statusOf(c.id, 'MANUAL_VERIFICATION');
    // Only the service desk records the call.
    expect(await ask(RecordVerificationV1, { caseId: c.id, request: { outcome: 'VERIFIED', calledAt: '2026-11-20T10:00:00Z', note: 'x' } })).toMatchObject({ ok: false, problem: { status: 403 } });
    const returned = body(await ask<RecordVerificationV1, CaseView>(RecordVerificationV1, { caseId: c.id, request: { outcome: 'NOT_VERIFIED', calledAt: '2026-11-20T10:00:00Z', note: 'Ingen svarade' } }, desk));
    expect(returned.status).toBe('RETURNED_FOR_COMPLETION');
    const told = await harness.waitFor(CaseReturnedV1, (e) => e.correlationId === c.id, { what: 'case.returned' });
    expect(told.payload.reasons.join(' ')).toContain('Ingen svarade');

    const voided = body(await ask<VoidCaseV1, CaseView>(VoidCaseV1, { caseId: c.id, request: { reason: 'Registrerat på fel invånare' } }, desk));
    expect(voided).toMatchObject({ status: 'VOIDED', voidReason: 'Registrerat på fel invånare' });
    const [row] = await harness.dataSource.query(`SELECT request FROM intake.cases WHERE id = $1`, [c.id]);
    expect(row.request.resident.name).toBe('[gallrad]');
    // A case that reached the staff tool is not voided: that is an unlock (R11).
    const executed = await file('void-2', '199304171797');
    await harness.publish(createEnvelope(CaseCheckedV1, passed(executed.id), meta(executed.id)));
    await statusOf(executed.id, 'EXECUTING');
    expect(await ask(VoidCaseV1, { caseId: executed.id, request: { reason: 'x' } }, desk)).toMatchObject({ ok: false, problem: { status: 409 } });
  });

  it('R10: a second unlock of the same lock is refused while the first is under way', async () => {
    const lock = await file('lift-lock', '198707072628');
    await harness.publish(createEnvelope(CaseCheckedV1, passed(lock.id), meta(lock.id)));
    const action = await executeCommand(lock.id);
    await complete(lock.id, action.payload.actionId, 'EXECUTED');
    await statusOf(lock.id, 'EXECUTED');
    const unlock = (key: string) => ask<SubmitCaseV1, CaseView>(SubmitCaseV1, { request: unlockRequest('198707072628'), idempotencyKey: key });
    const first = body(await unlock('lift-1'));
    expect(first.relatedCases).toEqual(expect.arrayContaining([expect.objectContaining({ id: lock.id, relation: 'LIFTS' })]));
    expect(await unlock('lift-2')).toMatchObject({ ok: false, problem: { status: 409, type: expect.stringMatching(/lift-in-progress$/) } });
  });

  it('R10: of two unlocks of one lock filed at the same moment, one is registered and the other refused', async () => {
    const lock = await file('race-lock', '198604182389');
    await harness.publish(createEnvelope(CaseCheckedV1, passed(lock.id), meta(lock.id)));
    const action = await executeCommand(lock.id);
    await complete(lock.id, action.payload.actionId, 'EXECUTED');
    await statusOf(lock.id, 'EXECUTED');
    const unlock = (key: string) => ask<SubmitCaseV1, CaseView>(SubmitCaseV1, { request: unlockRequest('198604182389'), idempotencyKey: key });
    const answers = await Promise.all(['race-1', 'race-2', 'race-3', 'race-4'].map(unlock));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)).toEqual(Array(3).fill(expect.objectContaining({ problem: expect.objectContaining({ status: 409 }) })));
  });

  it('R18: a guardian block asks once for the child lock, however often the request arrives', async () => {
    const guardianBlockId = randomUUID();
    const asked = createEnvelope(
      ChildLockRequestedV1,
      {
        guardianBlockId,
        guardianBlockRegistryNumber: 'VGR-2026-VB-000001',
        child: { personnummer: '201604202448', name: 'Lo Exempelsson' },
        channel: 'E_FORM',
        decision: { ...request().decision, decidedBy: { hsaId: 'SE2321000131-E000000000012', name: 'Bo Berg', role: 'UNIT_HEAD' } },
        signature: { signedBy: 'SE2321000131-E000000000012', signedAt: '2026-11-20T09:05:00Z' },
        requestingUnit: request().requestingUnit,
        requestedAt: new Date().toISOString(),
      },
      meta(guardianBlockId, { sub: 'SE2321000131-E000000000012', name: 'Bo Berg', region: 'VGR', roles: ['unit_head'], unit: clinician.unit }),
    );
    await harness.publish(asked, { ...asked, id: randomUUID() });
    await pollUntil(() => harness.observedOf(LinkedLockOpenedV1, (e) => e.payload.guardianBlockId === guardianBlockId).length === 2, { what: 'two answers' });
    const answers = harness.observedOf(LinkedLockOpenedV1, (e) => e.payload.guardianBlockId === guardianBlockId);
    expect(new Set(answers.map((a) => a.payload.caseId)).size).toBe(1);
    const child = await view(answers[0].payload.caseId);
    expect(child).toMatchObject({ type: 'LOGIN_LOCK', guardianBlockId, status: 'VERIFYING' });
  });

  /** R12: the desk files an emergency lock; the driver plays identity-check's directory answer. */
  const phoneIn = async (key: string, personnummer: string, over: object = {}) =>
    body(await ask<SubmitCaseV1, CaseView>(SubmitCaseV1, { request: { ...emergencyRequest(personnummer), ...over }, idempotencyKey: key }, desk));
  const directoryAnswers = async (caseId: string, verdict: EmergencyCallCheckedV1['verdict'], findings: EmergencyCallCheckedV1['findings'] = [], protectedIdentity: boolean | null = null) => {
    const answer = createEnvelope(
      EmergencyCallCheckedV1,
      { caseId, verdict, findings, checkedAt: new Date().toISOString(), protectedIdentity },
      meta(caseId, systemActor('identity-check', 'VGR')),
    );
    await harness.publish(answer);
    await harness.handled(answer);
  };
  const inbox = (kind: WorkItemView['kind'], caseId: string) =>
    pollUntil(async () => body(await ask<ListWorkItemsV1, { items: WorkItemView[] }>(ListWorkItemsV1, { filter: { kind } }, desk)).items.find((i) => i.caseId === caseId), { what: `${kind} item of ${caseId}` });
  const openItems = async (kind: WorkItemView['kind'], caseId: string) =>
    body(await ask<ListWorkItemsV1, { items: WorkItemView[] }>(ListWorkItemsV1, { filter: { kind } }, desk)).items.filter((i) => i.caseId === caseId);
  /** An emergency lock through the directory and the staff tool: EXECUTED, its form owed. */
  const executedEmergency = async (key: string, personnummer: string, over: object = {}) => {
    const c = await phoneIn(key, personnummer, over);
    await harness.waitFor(EmergencyCallReceivedV1, (e) => e.correlationId === c.id, { what: 'emergency-call.received' });
    await directoryAnswers(c.id, 'PASSED');
    const action = await executeCommand(c.id);
    await complete(c.id, action.payload.actionId, 'EXECUTED');
    await statusOf(c.id, 'EXECUTED');
    return c;
  };

  it('R12: an emergency lock about a resident with a protected identity is marked as soon as the call is checked, before any form', async () => {
    const c = await phoneIn('emergency-protected', '198409172841');
    const received = await harness.waitFor(EmergencyCallReceivedV1, (e) => e.correlationId === c.id, { what: 'emergency-call.received' });
    expect(received.payload.residentPersonnummer).toBe('198409172841');
    expect((await view(c.id, desk)).protectedIdentity).toBe(false);
    await directoryAnswers(c.id, 'PASSED', [], true);
    const marked = await view(c.id, desk);
    expect(marked.protectedIdentity).toBe(true);
    expect(marked.paperwork).toBe('PENDING');
  });

  it('R12 R1: an emergency lock asks the staff directory about the caller and the decision maker first, and goes to the staff tool when it bears them out', async () => {
    const emergency = await phoneIn('emergency-1', '197202292822');
    // Not executed yet: the directory answers first.
    expect(emergency).toMatchObject({ status: 'RECEIVED', paperwork: 'PENDING', paperworkSender: 'STAFF' });
    expect(emergency.timeline[0].note).toContain('återuppringd på 031-100 11 11');
    const asked = await harness.waitFor(EmergencyCallReceivedV1, (e) => e.correlationId === emergency.id, { what: 'emergency-call.received' });
    expect(asked.payload).toMatchObject({ caseId: emergency.id, decidedBy: { hsaId: clinician.sub, role: 'CLINICIAN' }, caller: { hsaId: clinician.sub, name: 'Dr A' }, callBack: { number: '031-100 11 11' } });
    expect(harness.observedOf(ExecuteActionV1, (e) => e.correlationId === emergency.id)).toEqual([]);

    await directoryAnswers(emergency.id, 'PASSED');
    await executeCommand(emergency.id);
    const pending = await harness.waitFor(PaperworkPendingV1, (e) => e.correlationId === emergency.id, { what: 'paperwork.pending' });
    expect(pending.payload).toMatchObject({ sender: 'STAFF', registryNumber: emergency.registryNumber });
    const executing = await statusOf(emergency.id, 'EXECUTING');
    expect(executing.timeline.map((t) => t.status)).toEqual(['RECEIVED', 'EXECUTING']);
    expect(executing.timeline[1].note).toMatch(/personalkatalogens nummer/);
    // A clinician does not record an emergency lock: the service desk does (R12).
    expect(await ask(SubmitCaseV1, { request: emergencyRequest('197202292822'), idempotencyKey: 'emergency-2' })).toMatchObject({
      ok: false,
      problem: { status: 403, type: expect.stringMatching(/emergency-by-service-desk$/) },
    });
  });

  it('R12: an emergency lock without who phoned and how the caller was verified is refused, as is an emergency call on a form', async () => {
    const { emergencyCall: _dropped, ...withoutCall } = emergencyRequest('197202292822');
    expect(await ask(SubmitCaseV1, { request: withoutCall, idempotencyKey: 'emergency-no-call' }, desk)).toMatchObject({
      ok: false,
      problem: { status: 422, type: expect.stringMatching(/emergency-call-missing$/) },
    });
    expect(await ask(SubmitCaseV1, { request: { ...emergencyRequest('197202292822'), channel: 'FORM', signature: request().signature }, idempotencyKey: 'form-with-call' }, desk)).toMatchObject({
      ok: false,
      problem: { status: 422, type: expect.stringMatching(/emergency-call-not-applicable$/) },
    });
  });

  it('R12 R1: an emergency lock the staff directory does not bear out is not executed; the desk sees why in its inbox, completes it and the directory is asked again', async () => {
    const emergency = await phoneIn('emergency-unknown', '199512312266');
    await harness.waitFor(EmergencyCallReceivedV1, (e) => e.correlationId === emergency.id, { what: 'emergency-call.received' });
    await directoryAnswers(emergency.id, 'NOT_VERIFIED', ['DECIDER_UNKNOWN', 'CALL_BACK_NOT_DIRECTORY_NUMBER']);
    const returned = await statusOf(emergency.id, 'RETURNED_FOR_COMPLETION');
    expect(returned.timeline.at(-1)?.note).toMatch(/^Nödspärren verkställs inte: beslutsfattaren finns inte i personalkatalogen.*numret som ringdes upp är inte personalkatalogens nummer/);
    const item = await inbox('EMERGENCY_CALL', emergency.id);
    expect(item.title).toBe(`Nödspärren har inte verkställts – ${emergency.registryNumber}`);
    expect(item.details.join(' ')).toContain('beslutsfattaren finns inte i personalkatalogen');
    expect(harness.observedOf(ExecuteActionV1, (e) => e.correlationId === emergency.id)).toEqual([]);
    // The desk filed it: no return e-mail goes to the unit for a call the directory did not bear out.
    expect(harness.observedOf(CaseReturnedV1, (e) => e.correlationId === emergency.id)).toEqual([]);
    // Nor is a form taken for a lock that was not executed.
    expect(await ask(RecordPaperworkV1, { caseId: emergency.id, request: { receivedAt: new Date().toISOString(), signature: request().signature, decision: request().decision, patientInformed: { informed: true } } }, desk)).toMatchObject({
      ok: false,
      problem: { status: 409, type: expect.stringMatching(/emergency-lock-not-executed$/) },
    });

    // The desk calls back on the directory's number and completes the case: the directory is asked again.
    const emergencyCall = { caller: { hsaId: clinician.sub, name: 'Dr A' }, callBack: { number: '031-100 11 11', calledAt: new Date().toISOString() } };
    const completed = body(await ask<CompleteCaseV1, CaseView>(CompleteCaseV1, { caseId: emergency.id, request: { emergencyCall, comment: 'Ringt upp på katalogens nummer' } }, desk));
    expect(completed.status).toBe('VERIFYING');
    expect(await openItems('EMERGENCY_CALL', emergency.id)).toEqual([]);
    await pollUntil(() => harness.observedOf(EmergencyCallReceivedV1, (e) => e.correlationId === emergency.id).length === 2, { what: 'the directory asked again' });
    await directoryAnswers(emergency.id, 'PASSED');
    await executeCommand(emergency.id);
    expect((await statusOf(emergency.id, 'EXECUTING')).timeline.map((t) => t.status)).toEqual(['RECEIVED', 'RETURNED_FOR_COMPLETION', 'VERIFYING', 'READY', 'EXECUTING']);
  });

  it('R12: when the staff directory cannot answer, the desk executes on its own documented judgement, on the timeline and in the audit trail', async () => {
    const emergency = await phoneIn('emergency-directory-down', '199304171797');
    await harness.waitFor(EmergencyCallReceivedV1, (e) => e.correlationId === emergency.id, { what: 'emergency-call.received' });
    await directoryAnswers(emergency.id, 'DIRECTORY_UNAVAILABLE');
    await statusOf(emergency.id, 'MANUAL_VERIFICATION');
    const item = await inbox('MANUAL_VERIFICATION', emergency.id);
    expect(item.title).toContain('personalkatalogen svarar inte');
    expect(harness.observedOf(ExecuteActionV1, (e) => e.correlationId === emergency.id)).toEqual([]);

    const calledAt = new Date().toISOString();
    expect(await ask(RecordVerificationV1, { caseId: emergency.id, request: { outcome: 'VERIFIED', calledAt, note: 'Känd röst' } }, desk)).toMatchObject({
      ok: false,
      problem: { status: 422, type: expect.stringMatching(/judgement-missing$/) },
    });
    const judged = body(
      await ask<RecordVerificationV1, CaseView>(RecordVerificationV1, { caseId: emergency.id, request: { outcome: 'VERIFIED', note: 'Ringt växeln', judgement: 'Uppringaren känd av desken; akut hotbild' } }, desk),
    );
    expect(judged).toMatchObject({ status: 'EXECUTING', paperwork: 'PENDING' });
    const step = judged.timeline.find((t) => t.status === 'READY');
    expect(step).toMatchObject({ by: desk.sub });
    expect(step?.note).toContain('eget dokumenterade omdöme');
    expect(step?.note).toContain('David Dahl');
    expect(step?.note).toContain('Uppringaren känd av desken; akut hotbild');
    await executeCommand(emergency.id);
    await harness.waitFor(PaperworkPendingV1, (e) => e.correlationId === emergency.id, { what: 'paperwork.pending' });
    expect(await openItems('MANUAL_VERIFICATION', emergency.id)).toEqual([]);
    const audit = await harness.dataSource.query(`SELECT actor->>'sub' AS sub, detail FROM intake.audit_log WHERE case_id = $1 AND detail LIKE 'R12 eget omdöme%'`, [emergency.id]);
    expect(audit).toEqual([{ sub: desk.sub, detail: `R12 eget omdöme av ${desk.sub}: Uppringaren känd av desken; akut hotbild` }]);
  });

  it('R12 R4: the follow-up form gets the checks on receipt; a failing form goes back (the requester told) and is still chased; a passing one ends the chase', async () => {
    const emergency = await executedEmergency('emergency-form', '195510034241');
    const form = { receivedAt: new Date().toISOString(), signature: request().signature, decision: request().decision, patientInformed: { informed: true } };
    const first = body(await ask<RecordPaperworkV1, CaseView>(RecordPaperworkV1, { caseId: emergency.id, request: { ...form, resident: { personnummer: '195510034241', name: 'Inga Ängström' } } }, desk));
    expect(first.paperwork).toBe('CHECKING');
    const asked = await harness.waitFor(CaseReceivedV1, (e) => e.correlationId === emergency.id, { what: 'case.received for the form' });
    expect(asked.payload).toMatchObject({ paperworkSender: 'STAFF', channel: 'EMERGENCY_PHONE', signature: form.signature, resident: { name: 'Inga Ängström' } });
    // A second form while the first is being checked is refused.
    expect(await ask(RecordPaperworkV1, { caseId: emergency.id, request: form }, desk)).toMatchObject({ ok: false, problem: { status: 409 } });

    const failed = createEnvelope(CaseCheckedV1, { ...passed(emergency.id), verdict: 'RETURN_FOR_COMPLETION', findings: ['NAME_MISMATCH'], paperworkSender: 'STAFF' }, meta(emergency.id));
    await harness.publish(failed);
    await harness.handled(failed);
    const back = await view(emergency.id, desk);
    expect(back).toMatchObject({ status: 'EXECUTED', paperwork: 'RETURNED_FOR_COMPLETION' });
    expect(back.timeline.at(-1)?.note).toMatch(/^Blanketten returnerad för komplettering: namnet stämmer inte med folkbokföringen/);
    const told = await harness.waitFor(CaseReturnedV1, (e) => e.correlationId === emergency.id, { what: 'case.returned for the form' });
    expect(told.payload).toMatchObject({ followUpForm: true, reasons: ['namnet stämmer inte med folkbokföringen'], registryNumber: emergency.registryNumber });
    await harness.waitFor(PaperworkReturnedV1, (e) => e.correlationId === emergency.id, { what: 'paperwork.returned' });
    expect(harness.observedOf(PaperworkReceivedV1, (e) => e.correlationId === emergency.id)).toEqual([]);
    // Still chased: the reminder opens the desk's item for the missing form.
    await harness.publish(createEnvelope(PaperworkOverdueV1, { caseId: emergency.id, registryNumber: emergency.registryNumber, stage: 'REMINDER', sender: 'STAFF', requestingUnit: { hsaId: clinician.unit as string, name: 'Vårdcentralen', headEmail: 'head@example.se' }, pendingSince: new Date().toISOString() }, meta(emergency.id)));
    expect((await inbox('PAPERWORK', emergency.id)).details.join(' ')).toContain('returnerades för komplettering');

    const corrected = body(await ask<RecordPaperworkV1, CaseView>(RecordPaperworkV1, { caseId: emergency.id, request: { ...form, resident: { personnummer: '195510034241', name: 'Ingrid Ängström' } } }, desk));
    expect(corrected.paperwork).toBe('CHECKING');
    await pollUntil(() => harness.observedOf(CaseReceivedV1, (e) => e.correlationId === emergency.id).length === 2, { what: 'the corrected form checked' });
    const ok = createEnvelope(CaseCheckedV1, { ...passed(emergency.id), paperworkSender: 'STAFF' }, meta(emergency.id));
    await harness.publish(ok);
    await harness.handled(ok);
    expect(await view(emergency.id, desk)).toMatchObject({ paperwork: 'RECEIVED' });
    await harness.waitFor(PaperworkReceivedV1, (e) => e.correlationId === emergency.id, { what: 'paperwork.received' });
    expect(await openItems('PAPERWORK', emergency.id)).toEqual([]);
  });

  it('R12 R4: the resident’s own follow-up form is checked for the resident’s identity; a form naming another resident is refused', async () => {
    const own = await executedEmergency('emergency-own', '198009302467', { initiator: { kind: 'RESIDENT', description: 'Invånaren ringde med personalen' } });
    expect(own.paperworkSender).toBe('RESIDENT');
    expect(await ask(RecordPaperworkV1, { caseId: own.id, request: { receivedAt: new Date().toISOString(), resident: { personnummer: '199001012385', name: 'Tova Testsson' } } }, desk)).toMatchObject({
      ok: false,
      problem: { status: 422, type: expect.stringMatching(/resident-cannot-change$/) },
    });
    body(await ask<RecordPaperworkV1, CaseView>(RecordPaperworkV1, { caseId: own.id, request: { receivedAt: new Date().toISOString() } }, desk));
    const asked = await harness.waitFor(CaseReceivedV1, (e) => e.correlationId === own.id, { what: 'case.received for the resident’s form' });
    expect(asked.payload.paperworkSender).toBe('RESIDENT');
  });

  it('R18 R12: the linked lock of a guardian block phoned in carries no call of its own and goes to the staff tool at once', async () => {
    const guardianBlockId = randomUUID();
    const asked = createEnvelope(
      ChildLockRequestedV1,
      {
        guardianBlockId,
        guardianBlockRegistryNumber: 'VGR-2026-VB-000002',
        child: { personnummer: '201103083919', name: 'Viktor Östlund' },
        channel: 'EMERGENCY_PHONE',
        decision: { ...request().decision, decidedBy: { hsaId: 'SE2321000131-E000000000012', name: 'Bo Berg', role: 'UNIT_HEAD' } },
        signature: null,
        requestingUnit: request().requestingUnit,
        requestedAt: new Date().toISOString(),
      },
      meta(guardianBlockId, { sub: 'SE2321000131-E000000000015', name: 'Eva Ek', region: 'VGR', roles: ['contact_centre'] }),
    );
    await harness.publish(asked);
    const opened = await harness.waitFor(LinkedLockOpenedV1, (e) => e.payload.guardianBlockId === guardianBlockId, { what: 'linked lock opened' });
    await executeCommand(opened.payload.caseId);
    expect(await view(opened.payload.caseId, desk)).toMatchObject({ status: 'EXECUTING', paperwork: 'PENDING', guardianBlockId });
    expect(harness.observedOf(EmergencyCallReceivedV1, (e) => e.correlationId === opened.payload.caseId)).toEqual([]);
  });

  it('R12 R8: an emergency lock closed after a failed execution owes no form: the chase ends and a late form is refused', async () => {
    const emergency = await phoneIn('emergency-fail', '196805263289');
    await directoryAnswers(emergency.id, 'PASSED');
    const action = await executeCommand(emergency.id);
    await complete(emergency.id, action.payload.actionId, 'FAILED', 'STAFF_TOOL_UNAVAILABLE');
    await statusOf(emergency.id, 'FAILED');
    const item = await pollUntil(async () => {
      const items = body(await ask<ListWorkItemsV1, { items: WorkItemView[] }>(ListWorkItemsV1, { filter: { kind: 'FAILED_EXECUTION' } }, desk)).items;
      return items.find((i) => i.caseId === emergency.id);
    }, { what: 'the FAILED_EXECUTION work item' });
    body(await ask<CompleteWorkItemV1, WorkItemView>(CompleteWorkItemV1, { workItemId: item.id, request: { resolution: 'CLOSE' } }, desk));
    expect(await statusOf(emergency.id, 'CLOSED')).toMatchObject({ paperwork: 'NOT_REQUIRED' });
    await harness.waitFor(PaperworkWaivedV1, (e) => e.correlationId === emergency.id, { what: 'paperwork.waived' });

    // The chase's reminder crossing the closing opens no work item; a form sent anyway is refused.
    const overdue = createEnvelope(PaperworkOverdueV1, { caseId: emergency.id, registryNumber: emergency.registryNumber, stage: 'REMINDER', sender: 'STAFF', requestingUnit: { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Åby', headEmail: 'chef@vc-aby.example.se' }, pendingSince: new Date().toISOString() }, meta(emergency.id));
    await harness.publish(overdue);
    await harness.handled(overdue);
    const items = body(await ask<ListWorkItemsV1, { items: WorkItemView[] }>(ListWorkItemsV1, { filter: { kind: 'PAPERWORK' } }, desk)).items;
    expect(items.filter((i) => i.caseId === emergency.id)).toEqual([]);
    const late = await ask(RecordPaperworkV1, { caseId: emergency.id, request: { receivedAt: new Date().toISOString(), decision: request().decision, patientInformed: { informed: true } } }, desk);
    expect(late).toMatchObject({ ok: false, problem: { status: 409 } });
  });
  describe('R10: whose lock the staff tool shows', () => {
    const kronoberg: Actor = { sub: 'SE2321000065-E000000000011', name: 'Karin Kvist', region: 'KRONOBERG', roles: ['clinician'], unit: 'SE2321000065-E000000000001' };
    /** A valid personnummer born 1979-05-05 with the given serial, used by no other test here. */
    const resident = (serial: number) => {
      const nine = `790505${String(serial).padStart(3, '0')}`;
      return `19${nine}${luhnCheckDigit(nine)}`;
    };
    const formOf = (personnummer: string, actor: Actor, type: 'LOGIN_LOCK' | 'LOGIN_UNLOCK' = 'LOGIN_LOCK') => {
      const base = request(personnummer);
      return {
        ...base,
        type,
        // R11: an unlock cites unlock reasons.
        decision: {
          ...base.decision,
          decidedBy: { ...base.decision.decidedBy, hsaId: actor.sub, name: actor.name },
          reasons: type === 'LOGIN_UNLOCK' ? ['THREAT_NO_LONGER_EXISTS' as const] : base.decision.reasons,
        },
        signature: { signedBy: actor.sub, signedAt: '2026-11-20T09:05:00Z' },
        requestingUnit: { hsaId: actor.unit as string, name: `Vårdcentralen ${actor.region}`, headEmail: 'head@example.se' },
        relatedCaseId: null,
        sealScope: null,
      };
    };
    const fileAs = (actor: Actor, personnummer: string, key: string, type: 'LOGIN_LOCK' | 'LOGIN_UNLOCK' = 'LOGIN_LOCK') =>
      ask<SubmitCaseV1, CaseView>(SubmitCaseV1, { request: formOf(personnummer, actor, type), idempotencyKey: key }, actor);
    const completeLogin = (caseId: string, actionId: string, shown: Pick<ActionCompletedV1, 'detail' | 'lockedByRegion'>) =>
      harness.publish(createEnvelope(ActionCompletedV1, { actionId, caseId, action: 'LOGIN_LOCK', outcome: 'EXECUTED', mode: 'http', completedAt: new Date().toISOString(), ...shown }, meta(caseId)));
    /** Files, checks and executes a lock with what the staff tool showed. */
    const lockShowing = async (actor: Actor, personnummer: string, key: string, shown: Pick<ActionCompletedV1, 'detail' | 'lockedByRegion'>) => {
      const c = body(await fileAs(actor, personnummer, key));
      await harness.publish(createEnvelope(CaseCheckedV1, passed(c.id), meta(c.id)));
      const action = await executeCommand(c.id);
      await completeLogin(c.id, action.payload.actionId, shown);
      return pollUntil(async () => {
        const v = await view(c.id, actor);
        return v.status === 'EXECUTED' ? v : undefined;
      }, { what: `${key} EXECUTED` });
    };
    const statusFor = async (personnummer: string, actor: Actor) => body(await ask<ResidentStatusV1, LoginAndSealStatus>(ResidentStatusV1, { personnummer }, actor));

    it('R10 R9: a lock that found the login locked by another region records that region, is not reviewed, and gives its region no right to unlock', async () => {
      const pnr = resident(101);
      const kronobergLock = await lockShowing(kronoberg, pnr, 'r10-kronoberg', { detail: null, lockedByRegion: 'KRONOBERG' });
      expect(kronobergLock.lockedByRegion).toBe('KRONOBERG');
      expect((await statusFor(pnr, clinician)).login).toMatchObject({ locked: true, lockedByRegion: 'KRONOBERG', lockCase: null });

      const vgrLock = await lockShowing(clinician, pnr, 'r10-vgr', { detail: 'ALREADY_IN_STATE', lockedByRegion: 'KRONOBERG' });
      expect(vgrLock).toMatchObject({ outcome: 'EXECUTED', lockedByRegion: 'KRONOBERG' });
      expect(vgrLock.timeline.at(-1)?.note).toMatch(/redan var låst på begäran av Region Kronoberg.*endast Region Kronoberg kan häva den \(R10\)/);
      const concluded = await harness.waitFor(CaseConcludedV1, (e) => e.correlationId === vgrLock.id, { what: 'the VGR lock concluded' });
      expect(concluded.payload.lockedByRegion).toBe('KRONOBERG');
      expect(harness.observedOf(CaseConcludedV1, (e) => e.correlationId === kronobergLock.id)[0]?.payload.lockedByRegion).toBeUndefined();

      // R9: with the feedback sent the case closes; it waits for no review, since no lock of its own is in effect.
      await harness.publish(createEnvelope(EmailSentV1, { caseId: vgrLock.id, notificationId: randomUUID(), kind: 'FEEDBACK', recipients: 1, sentAt: new Date().toISOString() }, meta(vgrLock.id)));
      expect((await statusOf(vgrLock.id, 'CLOSED')).review).toBeNull();

      const byVgr = await fileAs(clinician, pnr, 'r10-vgr-unlock', 'LOGIN_UNLOCK');
      expect(byVgr).toMatchObject({ ok: false, problem: { status: 403, type: expect.stringMatching(/unlock-by-other-region$/), lockedByRegion: 'KRONOBERG' } });
      expect((await statusFor(pnr, clinician)).login).toMatchObject({ locked: true, lockedByRegion: 'KRONOBERG', lockCase: null });
      expect((await statusFor(pnr, kronoberg)).login).toMatchObject({ locked: true, lockedByRegion: 'KRONOBERG', lockCase: { id: kronobergLock.id } });

      const byKronoberg = body(await fileAs(kronoberg, pnr, 'r10-kronoberg-unlock', 'LOGIN_UNLOCK'));
      expect(byKronoberg.relatedCases).toEqual(expect.arrayContaining([expect.objectContaining({ id: kronobergLock.id, relation: 'LIFTS' })]));
    });

    it('R10: an unlock is refused where the staff tool last showed another region\'s lock, though no case of that region is here', async () => {
      const pnr = resident(102);
      const vgrLock = await lockShowing(clinician, pnr, 'r10-elsewhere', { detail: 'ALREADY_IN_STATE', lockedByRegion: 'JAMTLAND' });
      expect(vgrLock.lockedByRegion).toBe('JAMTLAND');
      expect(await fileAs(clinician, pnr, 'r10-elsewhere-unlock', 'LOGIN_UNLOCK')).toMatchObject({ ok: false, problem: { status: 403, lockedByRegion: 'JAMTLAND' } });
      expect((await statusFor(pnr, clinician)).login).toMatchObject({ locked: true, lockedByRegion: 'JAMTLAND', lockCase: null, seenAt: expect.any(String) });
    });

    it('R10 R16: a manual result says whose lock the tool showed, and NO_ACCOUNT is taken only for a login action', async () => {
      const pnr = resident(103);
      const c = body(await fileAs(clinician, pnr, 'r10-manual'));
      const openItem = async (action: 'LOGIN_LOCK' | 'JOURNAL_SEAL') => {
        const opened = createEnvelope(
          ManualActionOpenedV1,
          { actionId: randomUUID(), caseId: c.id, registryNumber: c.registryNumber, action, queue: 'SERVICE_DESK', personnummer: pnr, openedAt: new Date().toISOString() },
          meta(c.id),
        );
        await harness.publish(opened);
        await harness.handled(opened);
        return body(await ask<ListWorkItemsV1, { items: WorkItemView[] }>(ListWorkItemsV1, { filter: { kind: 'MANUAL_EXECUTION' } }, desk)).items.find((i) => i.caseId === c.id && i.action === action) as WorkItemView;
      };
      const lockItem = await openItem('LOGIN_LOCK');
      expect(lockItem.details.join(' ')).toMatch(/ALREADY_IN_STATE.*lockedByRegion/);
      const completeWith = (item: WorkItemView, result: string, lockedByRegion?: string) =>
        ask(CompleteWorkItemV1, { workItemId: item.id, request: { result, executedAt: new Date().toISOString(), observed: 'Låst på begäran av Region Kronoberg', ...(lockedByRegion ? { lockedByRegion } : {}) } } as CompleteWorkItemV1, desk);
      expect(await completeWith(lockItem, 'ALREADY_IN_STATE')).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/locked-by-region-missing$/) } });
      expect(await completeWith(lockItem, 'DONE', 'KRONOBERG')).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/locked-by-region-not-own$/) } });
      expect(await completeWith(lockItem, 'ALREADY_IN_STATE', 'KRONOBERG')).toMatchObject({ ok: true, body: { status: 'DONE', resolution: 'ALREADY_IN_STATE' } });
      const sent = await harness.waitFor(RecordManualResultV1, (e) => e.correlationId === c.id, { what: 'the manual result' });
      expect(sent.payload).toMatchObject({ result: 'ALREADY_IN_STATE', lockedByRegion: 'KRONOBERG' });

      const sealItem = await openItem('JOURNAL_SEAL');
      expect(await completeWith(sealItem, 'NO_ACCOUNT')).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/no-account-not-a-login-action$/) } });
      expect(await completeWith(sealItem, 'DONE', 'VGR')).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/locked-by-region-not-applicable$/) } });
    });
  });

  const failedItem = (caseId: string) =>
    pollUntil(async () => {
      const items = body(await ask<ListWorkItemsV1, { items: WorkItemView[] }>(ListWorkItemsV1, { filter: { kind: 'FAILED_EXECUTION' } }, desk)).items;
      return items.find((i) => i.caseId === caseId);
    }, { what: `the FAILED_EXECUTION work item of ${caseId}` });

  it('R8: a lock that failed and is closed by the desk tells the requester it ended unexecuted, once; a retry tells nothing', async () => {
    const c = await file('told-closed', '197103154121');
    await harness.publish(createEnvelope(CaseCheckedV1, passed(c.id), meta(c.id)));
    const first = await executeCommand(c.id);
    await complete(c.id, first.payload.actionId, 'FAILED', 'STAFF_TOOL_UNAVAILABLE');
    await statusOf(c.id, 'FAILED');
    // A retry is no ending: nothing is told.
    body(await ask<CompleteWorkItemV1, WorkItemView>(CompleteWorkItemV1, { workItemId: (await failedItem(c.id)).id, request: { resolution: 'RETRY' } }, desk));
    const second = await executeCommand(c.id, [first.payload.actionId]);
    await complete(c.id, second.payload.actionId, 'FAILED', 'STAFF_TOOL_UNAVAILABLE');
    await statusOf(c.id, 'FAILED');
    expect(harness.observedOf(CaseEndedV1, (e) => e.correlationId === c.id)).toEqual([]);

    const item = await failedItem(c.id);
    const closing = body(await ask<CompleteWorkItemV1, WorkItemView>(CompleteWorkItemV1, { workItemId: item.id, request: { resolution: 'CLOSE', note: 'Personalverktyget ur drift hela dagen' } }, desk));
    expect(closing.status).toBe('DONE');
    await statusOf(c.id, 'CLOSED');
    const told = await harness.waitFor(CaseEndedV1, (e) => e.correlationId === c.id, { what: 'case.ended' });
    expect(told).toMatchObject({ region: 'VGR', actor: { sub: desk.sub } });
    expect(told.payload).toEqual({
      caseId: c.id,
      registryNumber: c.registryNumber,
      caseType: 'LOGIN_LOCK',
      ending: 'CLOSED_UNEXECUTED',
      endedAt: expect.any(String),
      requestingUnit: { hsaId: clinician.unit, name: 'Vårdcentralen', headEmail: 'head@example.se' },
      reasons: ['Personalverktyget ur drift hela dagen'],
      protectedIdentity: false,
    });
    expect(JSON.stringify(told.payload)).not.toContain('197103154121');
    // Closing the item again changes nothing and tells nothing more.
    body(await ask<CompleteWorkItemV1, WorkItemView>(CompleteWorkItemV1, { workItemId: item.id, request: { resolution: 'CLOSE' } }, desk));
    const [{ n }] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM intake.outbox WHERE routing_key = $1 AND envelope->'payload'->>'caseId' = $2`, [CaseEndedV1.type, c.id]);
    expect(n).toBe(1);
  });

  describe('R7 R8: an execution whose outcome is unknown (issue 9)', () => {
    const synthetic = (nine: string) => `19${nine}${luhnCheckDigit(nine)}`;
    const unknownItem = (caseId: string) =>
      pollUntil(async () => {
        const items = body(await ask<ListWorkItemsV1, { items: WorkItemView[] }>(ListWorkItemsV1, { filter: { kind: 'UNKNOWN_EXECUTION' } }, desk)).items;
        return items.find((i) => i.caseId === caseId);
      }, { what: `the UNKNOWN_EXECUTION work item of ${caseId}` });
    const lookedAt = () => new Date().toISOString();

    /** A lock whose staff tool answered neither the action nor the account query. */
    const unknownLock = async (key: string, nine: string) => {
      const c = await file(key, synthetic(nine));
      await harness.publish(createEnvelope(CaseCheckedV1, passed(c.id), meta(c.id)));
      const action = await executeCommand(c.id);
      await complete(c.id, action.payload.actionId, 'UNKNOWN', 'STAFF_TOOL_STATE_UNKNOWN');
      await statusOf(c.id, 'FAILED');
      return { c, action, item: await unknownItem(c.id) };
    };

    it('R7 R8: the item tells the desk to look in the staff tool first; CLOSE is refused until it has, and nobody is told "not locked"', async () => {
      const { c, item } = await unknownLock('unknown-close', '760312238');
      expect(item).toMatchObject({ kind: 'UNKNOWN_EXECUTION', queue: 'SERVICE_DESK', status: 'OPEN', action: 'LOGIN_LOCK' });
      expect(item.title).toContain('titta i personalverktyget');
      expect(item.details.join(' ')).toContain('Titta först i personalverktyget');
      expect((await view(c.id, desk)).outcome).toBe('UNKNOWN');
      // No FAILED_EXECUTION item: nothing offers CLOSE before the desk has looked.
      const failedItems = body(await ask<ListWorkItemsV1, { items: WorkItemView[] }>(ListWorkItemsV1, { filter: { kind: 'FAILED_EXECUTION' } }, desk)).items;
      expect(failedItems.filter((i) => i.caseId === c.id)).toEqual([]);

      const refused = await ask<CompleteWorkItemV1, WorkItemView>(CompleteWorkItemV1, { workItemId: item.id, request: { resolution: 'CLOSE', note: 'Verktyget svarar inte' } }, desk);
      expect(refused).toMatchObject({ ok: false, problem: { status: 409, type: expect.stringMatching(/execution-outcome-unknown$/), title: expect.stringContaining('staff tool') } });
      expect((await view(c.id, desk)).status).toBe('FAILED');
      expect(harness.observedOf(CaseEndedV1, (e) => e.correlationId === c.id)).toEqual([]);
      expect(harness.observedOf(CaseConcludedV1, (e) => e.correlationId === c.id)).toEqual([]);
    });

    it('R7: a guardian action of unknown outcome lands in the contact centre’s inbox, which is told to look in the staff tool first', async () => {
      const contactCentre: Actor = { sub: 'SE2321000131-E000000000015', name: 'Eva Ek', region: 'VGR', roles: ['contact_centre'] };
      const guardianBlockId = randomUUID();
      await harness.publish(
        createEnvelope(
          ActionCompletedV1,
          { actionId: randomUUID(), caseId: guardianBlockId, registryNumber: 'VGR-2026-VB-000019', action: 'GUARDIAN_BLOCK', outcome: 'UNKNOWN', mode: 'http', detail: 'STAFF_TOOL_STATE_UNKNOWN', completedAt: new Date().toISOString() },
          meta(guardianBlockId),
        ),
      );
      const item = await pollUntil(async () => {
        const items = body(await ask<ListWorkItemsV1, { items: WorkItemView[] }>(ListWorkItemsV1, { filter: { kind: 'FAILED_EXECUTION' } }, contactCentre)).items;
        return items.find((i) => i.caseId === guardianBlockId);
      }, { what: 'the contact centre’s item' });
      expect(item).toMatchObject({ queue: 'CONTACT_CENTRE', action: 'GUARDIAN_BLOCK' });
      expect(item.details.join(' ')).toContain('Titta först i personalverktyget');
    });

    it('R7 R8 R10: the operator\'s DONE concludes the case as EXECUTED, with feedback and review as usual', async () => {
      const { c, item } = await unknownLock('unknown-done', '760312239');
      const done = body(
        await ask<CompleteWorkItemV1, WorkItemView>(
          CompleteWorkItemV1,
          { workItemId: item.id, request: { result: 'DONE', executedAt: lookedAt(), observed: 'Inloggningen visas låst på begäran av Region VGR' } },
          desk,
        ),
      );
      expect(done).toMatchObject({ status: 'DONE', resolution: 'DONE', completedBy: desk.sub });
      const executed = await statusOf(c.id, 'EXECUTED');
      expect(executed.outcome).toBe('EXECUTED');
      const concluded = await harness.waitFor(CaseConcludedV1, (e) => e.correlationId === c.id, { what: 'case.concluded' });
      expect(concluded.payload).toMatchObject({ caseId: c.id, outcome: 'EXECUTED', caseType: 'LOGIN_LOCK', concludedAt: item.createdAt });
      expect(concluded.payload.lockedByRegion).toBeUndefined();
      expect(harness.observedOf(CaseEndedV1, (e) => e.correlationId === c.id)).toEqual([]);
      // Once recorded, the item is done: a CLOSE now answers it as it is and ends nothing.
      expect(body(await ask<CompleteWorkItemV1, WorkItemView>(CompleteWorkItemV1, { workItemId: item.id, request: { resolution: 'CLOSE' } }, desk)).status).toBe('DONE');
      expect((await view(c.id, desk)).status).toBe('EXECUTED');
    });

    it('R7 R8: the operator\'s FAILED makes it an ordinary failure the desk may retry or close', async () => {
      const { c, action, item } = await unknownLock('unknown-not-done', '760312240');
      const observed = { result: 'FAILED' as const, executedAt: lookedAt(), observed: 'Inloggningen visas olåst' };
      expect(body(await ask<CompleteWorkItemV1, WorkItemView>(CompleteWorkItemV1, { workItemId: item.id, request: observed }, desk))).toMatchObject({ status: 'DONE', resolution: 'FAILED' });
      expect((await view(c.id, desk)).outcome).toBe('FAILED');
      const failed = await failedItem(c.id);
      expect(failed.details.join(' ')).toContain('inte genomfördes');

      // RETRY sends a new action; its failure gives an ordinary FAILED item, which the desk may close.
      body(await ask<CompleteWorkItemV1, WorkItemView>(CompleteWorkItemV1, { workItemId: failed.id, request: { resolution: 'RETRY' } }, desk));
      const second = await executeCommand(c.id, [action.payload.actionId]);
      await complete(c.id, second.payload.actionId, 'FAILED', 'STAFF_TOOL_UNAVAILABLE');
      await statusOf(c.id, 'FAILED');
      const again = await failedItem(c.id);
      expect(again.id).not.toBe(failed.id);
      body(await ask<CompleteWorkItemV1, WorkItemView>(CompleteWorkItemV1, { workItemId: again.id, request: { resolution: 'CLOSE', note: 'Verktyget visar olåst' } }, desk));
      await statusOf(c.id, 'CLOSED');
      const told = await harness.waitFor(CaseEndedV1, (e) => e.correlationId === c.id, { what: 'case.ended' });
      expect(told.payload).toMatchObject({ ending: 'CLOSED_UNEXECUTED' });
    });
  });

  it('R8: a voided case tells the requester it was voided, with the desk\'s reason', async () => {
    const c = await file('told-voided', '198211226314');
    await harness.publish(createEnvelope(CaseCheckedV1, { ...passed(c.id), verdict: 'MANUAL_VERIFICATION', findings: ['SIGNER_WITHOUT_REGIONAL_STAFF_ID'] }, meta(c.id)));
    await statusOf(c.id, 'MANUAL_VERIFICATION');
    body(await ask<VoidCaseV1, CaseView>(VoidCaseV1, { caseId: c.id, request: { reason: 'Dubblett av ett annat ärende' } }, desk));
    const told = await harness.waitFor(CaseEndedV1, (e) => e.correlationId === c.id, { what: 'case.ended' });
    expect(told.payload).toMatchObject({ ending: 'VOIDED', caseType: 'LOGIN_LOCK', registryNumber: c.registryNumber, reasons: ['Dubblett av ett annat ärende'], requestingUnit: { headEmail: 'head@example.se' } });
    // A void refused (the case is already void) tells nothing more.
    expect(await ask(VoidCaseV1, { caseId: c.id, request: { reason: 'igen' } }, desk)).toMatchObject({ ok: false, problem: { status: 409 } });
    expect(harness.observedOf(CaseEndedV1, (e) => e.correlationId === c.id)).toHaveLength(1);

    // The e-mail went out: the desk sees in the timeline that the requester was told, and the case stays VOIDED.
    const sent = createEnvelope(EmailSentV1, { caseId: c.id, notificationId: randomUUID(), recipients: 1, sentAt: new Date().toISOString(), kind: 'CASE_ENDED' }, meta(c.id));
    await harness.publish(sent);
    await harness.handled(sent);
    const after = await view(c.id, desk);
    expect(after.status).toBe('VOIDED');
    expect(after.timeline.at(-1)?.note).toBe('Besked skickat till verksamhetschef på begärande enhet: ärendet avslutat utan åtgärd på 1177 (R8)');
  });
});

/**
 * Issue 8: a protected resident's case (skyddad identitet), an external party's request routed by the
 * resident's home region (R15), unlock reasons (R11), a resident's own seal (R13) and the registry
 * category and reference (R6). The driver plays identity-check, request/reply included.
 */
describe('intake at the hard edges of issue 8', () => {
  const quiet: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
  const HANNA = '198409172841';
  const JONAS = '197708233213';
  const UNKNOWN = '191212121212';
  const REGISTER_DOWN = '196912045710';
  const desk: Actor = { sub: 'SE2321000131-E000000000014', name: 'David Dahl', region: 'VGR', roles: ['service_desk'] };
  const jamtland: Actor = { sub: 'SE2321000214-E000000000011', name: 'Åke Åberg', region: 'JAMTLAND', roles: ['clinician'], unit: 'SE2321000214-E000000000001' };
  const register: Record<string, ResidentLookup> = {
    [JONAS]: { found: true, givenName: 'Jonas', surname: 'Jämte', protectedIdentity: false, deceased: false, guardians: [], homeRegion: 'JAMTLAND' },
    [HANNA]: { found: true, givenName: 'Hanna', surname: 'Skyddsdotter', protectedIdentity: true, deceased: false, guardians: [], homeRegion: 'VGR' },
  };
  let lookups: string[] = [];
  let harness: ServiceHarness;
  let identityCheck: Messaging;

  beforeAll(async () => {
    harness = await startServiceUnderTest({ appModule: AppModule.forRoot, configClass: IntakeConfig, observe: [ExecuteActionV1, CaseReturnedV1, CaseRefusedV1, CaseConcludedV1] });
    identityCheck = new Messaging({ url: process.env.AMQP_URL ?? DEFAULT_AMQP_URL, service: 'identity-check', prefix: harness.prefix, logger: quiet });
    identityCheck.serve([
      answer(LookUpResidentV1, async (_envelope, { personnummer }): Promise<RpcReply<ResidentLookup>> => {
        lookups.push(personnummer);
        if (personnummer === REGISTER_DOWN) return { ok: false, problem: { type: 'https://accessdesk.se/problems/register-unavailable', title: 'down', status: 503 } };
        return { ok: true, body: register[personnummer] ?? { found: false, givenName: null, surname: null, protectedIdentity: false, deceased: false, guardians: [], homeRegion: null } };
      }),
    ]);
    await identityCheck.start();
  });

  afterAll(async () => {
    await identityCheck?.close();
    const prefix = harness?.prefix;
    await harness?.close();
    if (prefix) await deleteTopology(prefix, [`${prefix}identity-check.rpc`]);
  });

  const meta = (caseId: string, actor: Actor = systemActor('test', 'VGR')) => ({ correlationId: caseId, causationId: caseId, region: actor.region, actor });
  const ask = <P extends object, R = CaseView>(contract: MessageContract<P>, payload: P, actor: Actor = clinician): Promise<RpcReply<R>> =>
    harness.driver.request<P, R>('intake', contract, payload, meta(randomUUID(), actor));
  const body = <R>(reply: RpcReply<R>): R => {
    if (!reply.ok) throw new Error(JSON.stringify(reply.problem));
    return reply.body;
  };
  type Form = ReturnType<typeof request> & { relatedCaseId?: string | null; sealScope?: null };
  const submit = (key: string, form: Form, actor: Actor = clinician) => ask(SubmitCaseV1, { request: { relatedCaseId: null, sealScope: null, ...form }, idempotencyKey: key }, actor);
  const view = async (id: string, actor: Actor = clinician) => body(await ask<GetCaseV1, CaseView>(GetCaseV1, { caseId: id }, actor));
  const viewWhen = (id: string, predicate: (c: CaseView) => boolean, what: string) =>
    pollUntil(async () => {
      const c = await view(id);
      return predicate(c) ? c : undefined;
    }, { what });
  const checkedAs = (caseId: string, verdict: CaseCheckedV1['verdict'], protectedIdentity: boolean, findings: CaseCheckedV1['findings'] = []): CaseCheckedV1 => ({
    caseId,
    verdict,
    findings,
    resident: { found: true, nameMatches: true, protectedIdentity, deceased: false, coordinationNumber: false },
    checkedAt: new Date().toISOString(),
  });
  const externalParty = (personnummer: string): Form => ({ ...request(personnummer), initiator: { kind: 'EXTERNAL_PARTY', description: 'Polisen, utredare' } as unknown as Form['initiator'] });
  const inbox = async (kind: WorkItemView['kind']) => body(await ask<ListWorkItemsV1, { items: WorkItemView[] }>(ListWorkItemsV1, { filter: { kind } }, desk)).items;

  it('skyddad identitet: the register’s mark stays on the case, marks the view and the inbox, withholds free text, and goes out on every event', async () => {
    const c = body(await submit('protected-1', request(HANNA)));
    expect(c.protectedIdentity).toBe(false);
    await harness.publish(createEnvelope(CaseCheckedV1, checkedAs(c.id, 'MANUAL_VERIFICATION', true, ['SIGNER_WITHOUT_REGIONAL_STAFF_ID']), meta(c.id)));
    expect((await viewWhen(c.id, (v) => v.status === 'MANUAL_VERIFICATION', 'MANUAL_VERIFICATION')).protectedIdentity).toBe(true);
    const item = await pollUntil(async () => (await inbox('MANUAL_VERIFICATION')).find((i) => i.caseId === c.id), { what: 'the verification item' });
    expect(item.protectedIdentity).toBe(true);

    // Free text from the desk and from the requester is kept, and withheld from the view.
    body(await ask(RecordVerificationV1, { caseId: c.id, request: { outcome: 'NOT_VERIFIED', calledAt: new Date().toISOString(), note: 'Ringde mottagningen på Storgatan 5 i Storvik' } }, desk));
    const returned = await harness.waitFor(CaseReturnedV1, (e) => e.correlationId === c.id, { what: 'case.returned' });
    expect(returned.payload.protectedIdentity).toBe(true);
    body(await ask(CompleteCaseV1, { caseId: c.id, request: { comment: 'Patienten bor nu hos sin syster i Storvik' } }));
    const verifying = await viewWhen(c.id, (v) => v.status === 'VERIFYING', 'VERIFYING again');
    const timeline = JSON.stringify(verifying.timeline);
    expect(timeline).not.toMatch(/Storvik|Storgatan/);
    expect(timeline).toContain('[fritext visas inte: skyddad identitet]');
    const kept = await harness.dataSource.query(`SELECT free_text FROM intake.case_timeline WHERE case_id = $1 AND free_text IS NOT NULL ORDER BY seq`, [c.id]);
    expect(kept.map((r: { free_text: string }) => r.free_text)).toEqual(['Ringde mottagningen på Storgatan 5 i Storvik', 'Patienten bor nu hos sin syster i Storvik']);

    // A later check without the mark does not lift it; the concluded event says it.
    await harness.publish(createEnvelope(CaseCheckedV1, checkedAs(c.id, 'PASSED', false), meta(c.id)));
    const command = await harness.waitFor(ExecuteActionV1, (e) => e.correlationId === c.id, { what: 'execute-action' });
    await harness.publish(createEnvelope(ActionCompletedV1, { actionId: command.payload.actionId, caseId: c.id, action: 'LOGIN_LOCK', outcome: 'EXECUTED', mode: 'http', completedAt: new Date().toISOString() }, meta(c.id)));
    const concluded = await harness.waitFor(CaseConcludedV1, (e) => e.correlationId === c.id, { what: 'case.concluded' });
    expect(concluded.payload.protectedIdentity).toBe(true);
    expect((await view(c.id)).protectedIdentity).toBe(true);

    // Only the desk, the requesting unit and the region's auditors read it.
    expect(await ask(GetCaseV1, { caseId: c.id }, { ...clinician, unit: 'SE2321000131-E000000000002' })).toMatchObject({ ok: false, problem: { status: 404 } });
    expect(await ask(GetCaseV1, { caseId: c.id }, { ...clinician, sub: 'SE2321000131-E000000000015', roles: ['contact_centre'], unit: undefined })).toMatchObject({ ok: false, problem: { status: 404 } });
    expect(await ask(GetCaseV1, { caseId: c.id }, { ...clinician, sub: 'SE2321000131-E000000000016', roles: ['auditor'], unit: undefined })).toMatchObject({ ok: true });
  });

  it('skyddad identitet: a refused case says so to notification, and an unprotected case shows its free text', async () => {
    const refused = body(await submit('protected-refused', request(HANNA)));
    await harness.publish(createEnvelope(CaseCheckedV1, checkedAs(refused.id, 'REFUSED', true, ['PRIVATE_PROVIDER_NOT_APPROVED']), meta(refused.id)));
    expect((await harness.waitFor(CaseRefusedV1, (e) => e.correlationId === refused.id, { what: 'case.refused' })).payload.protectedIdentity).toBe(true);

    const open = body(await submit('unprotected-1', request('199001012385')));
    await harness.publish(createEnvelope(CaseCheckedV1, checkedAs(open.id, 'RETURN_FOR_COMPLETION', false, ['UNSIGNED']), meta(open.id)));
    expect((await harness.waitFor(CaseReturnedV1, (e) => e.correlationId === open.id, { what: 'case.returned' })).payload.protectedIdentity).toBe(false);
    body(await ask(CompleteCaseV1, { caseId: open.id, request: { comment: 'Signerad nu' } }));
    const completed = await viewWhen(open.id, (v) => v.status === 'VERIFYING' && v.timeline.length > 3, 'VERIFYING again');
    expect(completed.protectedIdentity).toBe(false);
    expect(completed.timeline.at(-1)?.note).toBe('Kompletterat; kontrolleras på nytt (R4): Signerad nu');
  });

  it('R15: an external party’s request filed outside the resident’s home region is refused, naming the region; nothing is registered', async () => {
    lookups = [];
    const refused = await submit('external-wrong-region', externalParty(JONAS));
    expect(refused).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/external-party-other-region$/), homeRegion: 'JAMTLAND', homeRegionName: 'Region Jämtland Härjedalen' } });
    expect(JSON.stringify(refused)).not.toContain(JONAS);
    expect(lookups).toEqual([JONAS]);
    const [{ n }] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM intake.cases WHERE resident_personnummer = $1`, [JONAS]);
    expect(n).toBe(0);
    // Filed in the home region, it is registered.
    const inJamtland = externalParty(JONAS);
    const filedInJamtland: Form = {
      ...inJamtland,
      decision: { ...inJamtland.decision, decidedBy: { hsaId: jamtland.sub, name: jamtland.name, role: 'CLINICIAN' } },
      signature: { signedBy: jamtland.sub, signedAt: '2026-11-20T09:05:00Z' },
      requestingUnit: { hsaId: jamtland.unit as string, name: 'Hälsocentralen', headEmail: 'chef@hc.example.se' },
    };
    expect(body(await submit('external-home-region', filedInJamtland, jamtland))).toMatchObject({ status: 'VERIFYING', region: 'JAMTLAND' });
  });

  it('R15: the register’s protected mark comes with the look-up; an unknown resident is left to the checks on receipt; register down is 503', async () => {
    expect(body(await submit('external-protected', externalParty(HANNA)))).toMatchObject({ status: 'VERIFYING', protectedIdentity: true });
    expect(body(await submit('external-unknown', externalParty(UNKNOWN)))).toMatchObject({ status: 'VERIFYING' });
    const down = await submit('external-down', externalParty(REGISTER_DOWN));
    expect(down).toMatchObject({ ok: false, problem: { status: 503, type: expect.stringMatching(/population-register-unavailable$/) } });
    // Care staff's own request does not ask the register at submit.
    lookups = [];
    body(await submit('staff-no-lookup', request(JONAS)));
    expect(lookups).toEqual([]);
  });

  it('R11: an unlock citing lock reasons, or a lock citing unlock reasons, is refused before registration', async () => {
    const lockReasons = await submit('unlock-lock-reasons', { ...request(HANNA), type: 'LOGIN_UNLOCK' } as unknown as Form);
    expect(lockReasons).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/lock-reason-on-unlock$/) } });
    const unlockReasons = await submit('lock-unlock-reasons', { ...request(HANNA), decision: { ...request(HANNA).decision, reasons: ['NEED_NO_LONGER_EXISTS'] } } as unknown as Form);
    expect(unlockReasons).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/unlock-reason-on-lock$/) } });
  });

  it('R13: a resident’s own seal request is pointed to Journalen, not to the lock form', async () => {
    const own = await submit('resident-seal', { ...request(HANNA), type: 'JOURNAL_SEAL', initiator: { kind: 'RESIDENT', description: '' }, sealScope: { whole: true } } as unknown as Form);
    expect(own).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/resident-own-seal$/), journalService: 'https://journalen.1177.se/' } });
  });

  it('R6: every case has its registry category; the desk records the Plexus number, audited and in the timeline', async () => {
    const c = body(await submit('registry-1', request(HANNA)));
    expect(c.registryCategory).toEqual({ main: '1177 e-tjänster', sub: 'Låsa konto vårdpersonal' });
    expect(c.registryReference).toBeNull();
    // Only the service desk records it; a personnummer is not a registry number.
    expect(await ask(RecordRegistryReferenceV1, { caseId: c.id, request: { reference: 'PLX-2026-0042' } })).toMatchObject({ ok: false, problem: { status: 403 } });
    expect(await ask(RecordRegistryReferenceV1, { caseId: c.id, request: { reference: '19840917-2841' } }, desk)).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/registry-reference-is-personnummer$/) } });
    expect(await ask(RecordRegistryReferenceV1, { caseId: c.id, request: { reference: 'PLX-1' } }, { ...desk, region: 'KRONOBERG' })).toMatchObject({ ok: false, problem: { status: 404 } });

    const recorded = body(await ask(RecordRegistryReferenceV1, { caseId: c.id, request: { reference: 'PLX-2026-0042' } }, desk));
    expect(recorded.registryReference).toMatchObject({ system: 'Plexus', reference: 'PLX-2026-0042', recordedBy: desk.sub });
    expect(recorded.timeline.at(-1)?.note).toBe('Diarienummer i Plexus: PLX-2026-0042 (R6)');
    // The same again adds nothing; another replaces it and the timeline keeps both.
    const again = body(await ask(RecordRegistryReferenceV1, { caseId: c.id, request: { reference: 'PLX-2026-0042' } }, desk));
    expect(again.timeline).toHaveLength(recorded.timeline.length);
    const changed = body(await ask(RecordRegistryReferenceV1, { caseId: c.id, request: { system: 'Plexus', reference: 'PLX-2026-0043' } }, desk));
    expect(changed.registryReference?.reference).toBe('PLX-2026-0043');
    expect(changed.timeline.at(-1)?.note).toContain('tidigare PLX-2026-0042');
    const audit = await harness.dataSource.query(`SELECT detail FROM intake.audit_log WHERE case_id = $1 AND action = 'CASE_UPDATED' ORDER BY seq`, [c.id]);
    expect(audit.map((r: { detail: string }) => r.detail)).toEqual(expect.arrayContaining(['Diarienummer i Plexus: PLX-2026-0042 (R6)']));
  });

});
