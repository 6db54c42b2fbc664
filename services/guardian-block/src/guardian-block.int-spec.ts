import { randomUUID } from 'node:crypto';
import {
  ActionCompletedV1,
  Actor,
  CheckDecisionAuthorityV1,
  ChildLockRequestedV1,
  CompleteGuardianTaskV1,
  DecisionAuthority,
  ExecuteActionV1,
  ExecutionOutcome,
  EmailSentV1,
  GetGuardianBlockV1,
  GuardianBlockConcludedV1,
  GuardianBlockRequest,
  GuardianBlockStatusPart,
  GuardianBlockView,
  GuardianStatusV1,
  GuardianUnblockRequest,
  LinkedLockOpenedV1,
  LookUpResidentV1,
  MessageContract,
  ResidentLookup,
  RpcReply,
  SubmitGuardianBlockV1,
  UnblockGuardianV1,
  WorkItemResolvedV1,
  systemActor,
  NotificationKind,
} from '@accessdesk/contracts';
import { AuditRecord, findAudit, residentRef, verifyAuditChain } from '@accessdesk/audit';
import { DEFAULT_AMQP_URL, Messaging, MessagingLogger, answer, createEnvelope, deleteTopology } from '@accessdesk/messaging';
import { ServiceHarness, pollUntil, startServiceUnderTest } from '@accessdesk/testing';
import { AppModule } from './app.module';
import { DEVELOPMENT_PSEUDONYM_KEY, GuardianBlockConfig } from './guardian-block.config';

const quiet: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

const REGION = 'JONKOPING';
const UNIT = 'SE2321000131-E000000000001';
const OTHER_UNIT = 'SE2321000131-E000000000002';

const unitHead: Actor = { sub: 'SE2321000131-E000000000021', name: 'Anna Chef', region: REGION, roles: ['unit_head'], unit: UNIT };
const contactCentre: Actor = { sub: 'SE2321000131-E000000000031', name: 'Kim Kontakt', region: REGION, roles: ['contact_centre'] };

// The population register as identity-check would answer it (synthetic numbers with valid check digits).
const GUARDIAN_1 = '198001014565';
const GUARDIAN_2 = '198202025675';
const GUARDIAN_3 = '197503036787';
const NOT_A_GUARDIAN = '198508082222';
const CHILD = '201806151237'; // 8 years old
const PROTECTED_CHILD = '201702023456'; // 9, protected identity: R20
const PROTECTED_TEEN = '201103102347'; // 15, protected identity: a block is still needed
const ADULT_CHILD = '200505057893'; // 21
const UNKNOWN_CHILD = '201909091116';
const REGISTER_DOWN_CHILD = '201103083919';

const register: Record<string, ResidentLookup> = {
  [CHILD]: { found: true, givenName: 'Lo', surname: 'Exempelsson', protectedIdentity: false, deceased: false, guardians: [GUARDIAN_1, GUARDIAN_2] },
  [PROTECTED_CHILD]: { found: true, givenName: 'Sam', surname: 'Skyddad', protectedIdentity: true, deceased: false, guardians: [GUARDIAN_3] },
  [PROTECTED_TEEN]: { found: true, givenName: 'Vilja', surname: 'Skyddad', protectedIdentity: true, deceased: false, guardians: [GUARDIAN_3] },
  [ADULT_CHILD]: { found: true, givenName: 'Vuxen', surname: 'Exempelsson', protectedIdentity: false, deceased: false, guardians: [] },
};

// The staff directory as identity-check would judge it (R1): only a unit head may decide (002).
const CLINICIAN_HSA = 'SE2321000131-E000000000011';
const NOT_IN_DIRECTORY_HSA = 'SE2321000131-E000000000099';
const directory: Record<string, string[]> = { [unitHead.sub]: ['unit_head'], [CLINICIAN_HSA]: ['clinician'] };

const CONFIRM_TO = ['verksamhetschef@enhet.example', 'kurator@enhet.example'];

function blockRequest(over: Partial<GuardianBlockRequest> = {}): GuardianBlockRequest {
  return {
    child: { personnummer: CHILD, name: 'Lo Exempelsson' },
    guardians: [{ personnummer: GUARDIAN_1 }],
    channel: 'E_FORM',
    urgent: false,
    decision: {
      decidedBy: { hsaId: unitHead.sub, name: 'Anna Chef', role: 'UNIT_HEAD' },
      decidedAt: '2026-11-20T09:00:00Z',
      reasons: ['THREAT'],
      motivation: 'Barnet riskerar betydande men om uppgifterna röjs för vårdnadshavaren',
    },
    requestingUnit: { hsaId: UNIT, name: 'Barn- och ungdomsmedicin', headEmail: 'verksamhetschef@enhet.example' },
    confirmationEmails: CONFIRM_TO,
    period: { from: '2026-12-01T00:00:00Z', to: null },
    guardianInformedBy: 'Kurator Berit Bok',
    ...over,
  };
}

function unblockRequest(over: Partial<GuardianUnblockRequest> = {}): GuardianUnblockRequest {
  return {
    threatCheck: { otherUnitsConsulted: true, socialServicesConsulted: true, checkedAt: '2027-02-28T10:00:00Z', summary: 'BUP och socialtjänsten ser ingen hotbild' },
    decision: {
      decidedBy: { hsaId: unitHead.sub, name: 'Anna Chef', role: 'UNIT_HEAD' },
      decidedAt: '2027-03-01T09:00:00Z',
      reasons: [],
      motivation: 'Ingen hotbild kvarstår',
    },
    ...over,
  };
}

/**
 * guardian-block in-process against the real broker and a throw-away database. A stand-in for
 * identity-check answers the population-register look-ups from the table above; the driver plays
 * execution (observes the actions, publishes their completion), intake (the linked lock) and
 * notification (the confirmation sent).
 */
describe('guardian-block', () => {
  let harness: ServiceHarness;
  let identityCheck: Messaging;
  const authorityAsked: Array<{ caseType: string; hsaId: string }> = [];
  const residentsAsked: string[] = [];
  let directoryDown = false;

  beforeAll(async () => {
    harness = await startServiceUnderTest({
      appModule: AppModule.forRoot,
      configClass: GuardianBlockConfig,
      observe: [ExecuteActionV1, ChildLockRequestedV1, GuardianBlockConcludedV1],
    });
    identityCheck = new Messaging({ url: process.env.AMQP_URL ?? DEFAULT_AMQP_URL, service: 'identity-check', prefix: harness.prefix, logger: quiet });
    identityCheck.serve([
      answer(CheckDecisionAuthorityV1, async (_envelope, { caseType, hsaId }): Promise<RpcReply<DecisionAuthority>> => {
        authorityAsked.push({ caseType, hsaId });
        if (directoryDown) return { ok: false, problem: { type: 'https://accessdesk.se/problems/staff-directory-unavailable', title: 'down', status: 503 } };
        const roles = directory[hsaId];
        return { ok: true, body: roles ? { known: true, mayDecide: roles.includes('unit_head'), roles } : { known: false, mayDecide: false, roles: [] } };
      }),
      answer(LookUpResidentV1, async (_envelope, { personnummer }): Promise<RpcReply<ResidentLookup>> => {
        residentsAsked.push(personnummer);
        if (personnummer === REGISTER_DOWN_CHILD) return { ok: false, problem: { type: 'https://accessdesk.se/problems/register-down', title: 'down', status: 503 } };
        return { ok: true, body: register[personnummer] ?? { found: false, givenName: null, surname: null, protectedIdentity: false, deceased: false, guardians: [] } };
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

  function ask<P extends object, R = GuardianBlockView>(contract: MessageContract<P>, payload: P, actor: Actor): Promise<RpcReply<R>> {
    const id = randomUUID();
    return harness.driver.request<P, R>('guardian-block', contract, payload, { correlationId: id, causationId: id, region: actor.region, actor });
  }

  function body<T>(reply: RpcReply<T>): T {
    if (!reply.ok) throw new Error(JSON.stringify(reply.problem));
    return reply.body;
  }

  const submit = (request: GuardianBlockRequest, actor: Actor = contactCentre, key = randomUUID()) => ask(SubmitGuardianBlockV1, { request, idempotencyKey: key }, actor);
  const get = (id: string, actor: Actor = contactCentre) => ask(GetGuardianBlockV1, { guardianBlockId: id }, actor);
  const unblock = (id: string, request: GuardianUnblockRequest, key = randomUUID(), actor: Actor = contactCentre) =>
    ask(UnblockGuardianV1, { guardianBlockId: id, request, idempotencyKey: key }, actor);

  async function until(id: string, done: (view: GuardianBlockView) => boolean, what: string): Promise<GuardianBlockView> {
    return pollUntil(async () => {
      const view = body(await get(id));
      return done(view) ? view : undefined;
    }, { what });
  }

  const meta = (id: string, service: string) => ({ correlationId: id, causationId: id, region: REGION, actor: systemActor(service, REGION) });

  /** Plays execution: the action the service asked for, completed with `outcome`. */
  async function complete(id: string, action: 'GUARDIAN_BLOCK' | 'GUARDIAN_UNBLOCK', outcome: ExecutionOutcome, nth = 0) {
    const command = await pollUntil(() => harness.observedOf(ExecuteActionV1, (e) => e.correlationId === id && e.payload.action === action)[nth], { what: `${action} #${nth + 1}` });
    const completed = createEnvelope(
      ActionCompletedV1,
      { actionId: command.payload.actionId, caseId: id, action, outcome, mode: 'http', completedAt: new Date().toISOString(), ...(outcome === 'FAILED' ? { detail: 'STAFF_TOOL_UNAVAILABLE' } : {}) },
      meta(id, 'execution'),
    );
    await harness.publish(completed);
    await harness.handled(completed);
    return command;
  }

  async function blocked(request: GuardianBlockRequest = blockRequest()): Promise<GuardianBlockView> {
    const filed = body(await submit(request));
    await complete(filed.id, 'GUARDIAN_BLOCK', 'EXECUTED');
    return until(filed.id, (v) => v.status === 'BLOCKED', 'BLOCKED');
  }

  it('R18 blocks the guardian: the staff tool is asked, the child’s login lock is requested, tasks and the EHR note are drafted, and the requester is told', async () => {
    const filed = body(await submit(blockRequest({ urgent: true }), unitHead));
    expect(filed).toMatchObject({ status: 'EXECUTING', region: REGION, channel: 'E_FORM', urgent: true, linkedLock: null, confirmationSentAt: null });
    expect(filed.registryNumber).toMatch(new RegExp(`^${REGION}-\\d{4}-VB-\\d{6}$`));
    expect(filed.guardians).toEqual([{ personnummer: GUARDIAN_1, blocked: false }]);
    expect(filed.tasks.map((t) => [t.kind, t.status])).toEqual([
      ['EHR_SMS_REMINDERS', 'OPEN'],
      ['DENTAL_SMS_REMINDERS', 'OPEN'],
      ['EHR_NOTE', 'OPEN'],
    ]);
    expect(filed.ehrNote).toMatch(/^Administrativ anteckning\nSökord: Åtgärd\n/);
    expect(filed.ehrNote).toContain('Beslut: Anna Chef (SE2321000131-E000000000021), verksamhetschef, 2026-11-20');
    expect(filed.ehrNote).toContain('Vårdnadshavaren informerad av: Kurator Berit Bok');
    expect(filed.ehrNote).toContain('Period: från 2026-12-01');
    expect(filed.timeline[0].note).toContain('(brådskande)');

    const lockRequested = await harness.waitFor(ChildLockRequestedV1, (e) => e.payload.guardianBlockId === filed.id);
    expect(lockRequested.payload).toMatchObject({ guardianBlockRegistryNumber: filed.registryNumber, child: { personnummer: CHILD }, channel: 'E_FORM' });
    const command = await complete(filed.id, 'GUARDIAN_BLOCK', 'EXECUTED');
    expect(command.payload).toMatchObject({ caseId: filed.id, registryNumber: filed.registryNumber, personnummer: CHILD, guardianPersonnummer: [GUARDIAN_1] });

    // Intake registers the child's lock as its own case (R18).
    const linkedCaseId = randomUUID();
    await harness.publish(createEnvelope(LinkedLockOpenedV1, { guardianBlockId: filed.id, caseId: linkedCaseId, registryNumber: `${REGION}-2026-000042` }, meta(linkedCaseId, 'intake')));
    const done = await until(filed.id, (v) => v.status === 'BLOCKED' && v.linkedLock !== null, 'BLOCKED with its linked lock');
    expect(done.guardians).toEqual([{ personnummer: GUARDIAN_1, blocked: true }]);
    expect(done.linkedLock).toEqual({ caseId: linkedCaseId, registryNumber: `${REGION}-2026-000042` });

    const concluded = await harness.waitFor(GuardianBlockConcludedV1, (e) => e.payload.guardianBlockId === filed.id);
    expect(concluded.payload).toMatchObject({ kind: 'BLOCK', outcome: 'EXECUTED', guardianCount: 1, confirmationEmails: CONFIRM_TO, urgent: true, requestingUnitName: 'Barn- och ungdomsmedicin' });
    expect(concluded.payload.effects.join(' ')).toContain('växla till barnets journal i 1177 Journalen');
    expect(concluded.payload.effects.join(' ')).toContain('Barnets inloggning till 1177 e-tjänster låses');
    expect(JSON.stringify(concluded.payload)).not.toContain(CHILD);

    // The confirmation went out (notification); other e-mails about other cases are not ours.
    await harness.publish(
      createEnvelope(EmailSentV1, { caseId: filed.id, notificationId: randomUUID(), recipients: 2, sentAt: new Date().toISOString(), kind: 'GUARDIAN_BLOCK_CONFIRMATION' }, meta(filed.id, 'notification')),
      createEnvelope(EmailSentV1, { caseId: filed.id, notificationId: randomUUID(), recipients: 1, sentAt: new Date().toISOString(), kind: 'REVIEW_REMINDER' }, meta(filed.id, 'notification')),
    );
    const confirmed = await until(filed.id, (v) => v.confirmationSentAt !== null, 'confirmation recorded');
    expect(confirmed.timeline.filter((t) => t.note.startsWith('Bekräftelse'))).toHaveLength(1);
  });

  it('passes over completions that are not its own, and a repeated completion has no second effect', async () => {
    const view = await blocked();
    const command = harness.observedOf(ExecuteActionV1, (e) => e.correlationId === view.id)[0];
    const intakeCase = randomUUID();
    const foreign = createEnvelope(ActionCompletedV1, { actionId: randomUUID(), caseId: intakeCase, action: 'LOGIN_LOCK', outcome: 'EXECUTED', mode: 'http', completedAt: new Date().toISOString() }, meta(intakeCase, 'execution'));
    const repeated = createEnvelope(ActionCompletedV1, { actionId: command.payload.actionId, caseId: view.id, action: 'GUARDIAN_BLOCK', outcome: 'FAILED', mode: 'http', completedAt: new Date().toISOString() }, meta(view.id, 'execution'));
    await harness.publish(foreign, repeated);
    await harness.handled(repeated);
    // Not its own action: passed over as it is delivered, before the repeat behind it, without a transaction.
    expect(await harness.dataSource.query(`SELECT 1 FROM guardian_block.inbox WHERE message_id = $1`, [foreign.id])).toEqual([]);
    const after = body(await get(view.id));
    expect(after.status).toBe('BLOCKED');
    expect(after.timeline).toHaveLength(view.timeline.length);
    expect(harness.observedOf(GuardianBlockConcludedV1, (e) => e.payload.guardianBlockId === view.id)).toHaveLength(1);
  });

  it('R18 a failed block stays FAILED, and the requester is told; the action done afterwards still counts', async () => {
    const filed = body(await submit(blockRequest()));
    await complete(filed.id, 'GUARDIAN_BLOCK', 'FAILED');
    const failed = await until(filed.id, (v) => v.status === 'FAILED', 'FAILED');
    expect(failed.guardians[0].blocked).toBe(false);
    expect(failed.timeline.at(-1)?.note).toContain('STAFF_TOOL_UNAVAILABLE');
    await harness.waitFor(GuardianBlockConcludedV1, (e) => e.payload.guardianBlockId === filed.id && e.payload.outcome === 'FAILED');
    const confirmation = (sentAt: string, kind: NotificationKind = 'GUARDIAN_BLOCK_CONFIRMATION') =>
      createEnvelope(EmailSentV1, { caseId: filed.id, notificationId: randomUUID(), recipients: 2, sentAt, kind }, meta(filed.id, 'notification'));
    const failureMail = new Date().toISOString();
    await harness.publish(confirmation(failureMail));
    await until(filed.id, (v) => v.confirmationSentAt === failureMail, 'the failure’s confirmation recorded');
    await complete(filed.id, 'GUARDIAN_BLOCK', 'EXECUTED');
    await until(filed.id, (v) => v.status === 'BLOCKED' && v.guardians[0].blocked, 'BLOCKED after the failure');
    // The block's own confirmation is recorded too: the case shows the latest, and both are noted.
    const blockMail = new Date(Date.parse(failureMail) + 1000).toISOString();
    await harness.publish(confirmation(blockMail));
    const confirmed = await until(filed.id, (v) => v.confirmationSentAt === blockMail, 'the block’s confirmation recorded');
    expect(confirmed.timeline.filter((t) => t.note.startsWith('Bekräftelse skickad'))).toHaveLength(2);
  });

  it('R7 an UNKNOWN outcome (issue 9) is taken as a failure awaiting the contact centre: the block keeps waiting, and the action found done afterwards counts', async () => {
    const filed = body(await submit(blockRequest()));
    await complete(filed.id, 'GUARDIAN_BLOCK', 'UNKNOWN');
    const waiting = await until(filed.id, (v) => v.status === 'FAILED', 'FAILED');
    expect(waiting.guardians[0].blocked).toBe(false);
    expect(waiting.timeline.at(-1)?.note).toContain('STAFF_TOOL_STATE_UNKNOWN');
    await complete(filed.id, 'GUARDIAN_BLOCK', 'EXECUTED');
    await until(filed.id, (v) => v.status === 'BLOCKED' && v.guardians[0].blocked, 'BLOCKED after the unknown outcome');
  });

  it('R7 the contact centre’s RETRY of a failed block sends it again under a new action id, once; a failed unblock likewise', async () => {
    const filed = body(await submit(blockRequest()));
    const first = await complete(filed.id, 'GUARDIAN_BLOCK', 'FAILED');
    await until(filed.id, (v) => v.status === 'FAILED', 'FAILED');
    const resolved = (actionId: string, resolution: 'RETRY' | 'CLOSE') =>
      createEnvelope(
        WorkItemResolvedV1,
        { workItemId: randomUUID(), caseId: filed.id, actionId, kind: 'FAILED_EXECUTION', resolution, resolvedBy: contactCentre.sub, resolvedAt: new Date().toISOString() },
        meta(filed.id, 'intake'),
      );
    const retry = resolved(first.payload.actionId, 'RETRY');
    await harness.publish(retry, { ...retry, id: randomUUID() });
    await until(filed.id, (v) => v.status === 'EXECUTING', 'EXECUTING again');
    const second = await complete(filed.id, 'GUARDIAN_BLOCK', 'EXECUTED', 1);
    expect(second.payload.actionId).not.toBe(first.payload.actionId);
    await until(filed.id, (v) => v.status === 'BLOCKED', 'BLOCKED after the retry');
    // The second resolution of the same failure found nothing to send.
    expect(harness.observedOf(ExecuteActionV1, (e) => e.correlationId === filed.id && e.payload.action === 'GUARDIAN_BLOCK')).toHaveLength(2);

    body(await unblock(filed.id, unblockRequest()));
    const failedUnblock = await complete(filed.id, 'GUARDIAN_UNBLOCK', 'FAILED');
    await until(filed.id, (v) => v.status === 'BLOCKED' && v.timeline.at(-1)?.note.includes('misslyckades') === true, 'BLOCKED after the failed unblock');
    const unblockMail = () =>
      createEnvelope(EmailSentV1, { caseId: filed.id, notificationId: randomUUID(), recipients: 2, sentAt: new Date().toISOString(), kind: 'GUARDIAN_UNBLOCK_CONFIRMATION' }, meta(filed.id, 'notification'));
    const unblockMails = (v: GuardianBlockView) => v.timeline.filter((t) => t.note.startsWith('Bekräftelse om borttagen blockering')).length;
    await harness.publish(unblockMail());
    await until(filed.id, (v) => unblockMails(v) === 1, 'the failed unblock’s confirmation noted');
    await harness.publish(resolved(failedUnblock.payload.actionId, 'RETRY'));
    await until(filed.id, (v) => v.status === 'UNBLOCKING', 'UNBLOCKING again');
    await complete(filed.id, 'GUARDIAN_UNBLOCK', 'EXECUTED', 1);
    await until(filed.id, (v) => v.status === 'UNBLOCKED', 'UNBLOCKED after the retry');
    // The retry's confirmation finds its unblock, although the failure's was recorded on it before.
    await harness.publish(unblockMail());
    await until(filed.id, (v) => unblockMails(v) === 2, 'both unblock confirmations noted');
  });

  it('R20 a protected child 0–12 is registered as already in effect: nothing executed, no child lock, the confirmation still sent', async () => {
    const filed = body(await submit(blockRequest({ child: { personnummer: PROTECTED_CHILD, name: 'Sam Skyddad' }, guardians: [{ personnummer: GUARDIAN_3 }] })));
    expect(filed.status).toBe('ALREADY_IN_EFFECT');
    expect(filed.timeline.map((t) => t.status)).toEqual(['RECEIVED', 'ALREADY_IN_EFFECT']);
    expect(filed.ehrNote).toContain('Ingen blockering behövdes');
    const concluded = await harness.waitFor(GuardianBlockConcludedV1, (e) => e.payload.guardianBlockId === filed.id);
    expect(concluded.payload).toMatchObject({ kind: 'BLOCK', outcome: 'ALREADY_IN_EFFECT', confirmationEmails: CONFIRM_TO, linkedLockRegistryNumber: null });
    expect(concluded.payload.effects.join(' ')).toContain('skyddade personuppgifter');

    // A protected 15-year-old is past the automatic age: the block is executed as usual.
    const teen = body(await submit(blockRequest({ child: { personnummer: PROTECTED_TEEN, name: 'Vilja Skyddad' }, guardians: [{ personnummer: GUARDIAN_3 }] })));
    expect(teen.status).toBe('EXECUTING');
    await harness.waitFor(ExecuteActionV1, (e) => e.correlationId === teen.id);
    // Published in one transaction with the conclusion above, so anything else would be here by now.
    expect(harness.observedOf(ExecuteActionV1, (e) => e.correlationId === filed.id)).toEqual([]);
    expect(harness.observedOf(ChildLockRequestedV1, (e) => e.payload.guardianBlockId === filed.id)).toEqual([]);
  });

  it('R1 refuses a block not decided by the unit head', async () => {
    const request = blockRequest();
    const reply = await submit({ ...request, decision: { ...request.decision, decidedBy: { ...request.decision.decidedBy, role: 'CLINICIAN' } } });
    expect(reply).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/guardian-block-needs-unit-head$/) } });
  });

  it('R18 refuses a guardian the register does not list, a child of 18 or more, and a child the register does not know, naming no personnummer', async () => {
    const notListed = await submit(blockRequest({ guardians: [{ personnummer: GUARDIAN_1 }, { personnummer: NOT_A_GUARDIAN }] }));
    expect(notListed).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/guardian-not-listed$/) } });
    const adult = await submit(blockRequest({ child: { personnummer: ADULT_CHILD, name: 'Vuxen' } }));
    expect(adult).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/child-not-a-minor$/) } });
    const unknown = await submit(blockRequest({ child: { personnummer: UNKNOWN_CHILD, name: 'Okänd' } }));
    expect(unknown).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/resident-not-found$/) } });
    for (const reply of [notListed, adult, unknown]) expect(JSON.stringify(reply)).not.toMatch(/\d{12}/);
  });

  it('answers 503 with no case registered when the population register cannot be asked', async () => {
    const reply = await submit(blockRequest({ child: { personnummer: REGISTER_DOWN_CHILD, name: 'Viktor' } }));
    expect(reply).toMatchObject({ ok: false, problem: { status: 503, type: expect.stringMatching(/population-register-unavailable$/) } });
  });

  it('R24 refuses a channel the region does not offer, naming the region', async () => {
    const reply = await submit(blockRequest({ channel: 'FORM' }));
    expect(reply).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/channel-not-offered$/), detail: expect.stringContaining('Region Jönköpings län') } });
  });

  it('a unit head files for the own unit only, the contact centre for any unit of its region; other roles not at all', async () => {
    const otherUnit = blockRequest({ requestingUnit: { hsaId: OTHER_UNIT, name: 'Annan enhet', headEmail: 'chef@annan.example' } });
    expect(await submit(otherUnit, unitHead)).toMatchObject({ ok: false, problem: { status: 403, type: expect.stringMatching(/not-your-unit$/) } });
    expect(await submit(otherUnit, contactCentre)).toMatchObject({ ok: true });
    expect(await submit(blockRequest(), { ...unitHead, roles: ['clinician'] })).toMatchObject({ ok: false, problem: { status: 403 } });
  });

  it('returns the same block for the same Idempotency-Key and refuses the key with another body', async () => {
    const key = randomUUID();
    const first = body(await submit(blockRequest(), contactCentre, key));
    const again = body(await submit(blockRequest(), contactCentre, key));
    expect(again.id).toBe(first.id);
    expect(again.registryNumber).toBe(first.registryNumber);
    expect(await submit(blockRequest({ urgent: true }), contactCentre, key)).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/idempotency-key-reused$/) } });
    await harness.waitFor(ExecuteActionV1, (e) => e.correlationId === first.id);
    expect(harness.observedOf(ExecuteActionV1, (e) => e.correlationId === first.id)).toHaveLength(1);
  });

  it('R19 unblock: refused before the block is in effect and without the unit head’s decision or threat check; then UNBLOCKED, the child’s lock left alone', async () => {
    const filed = body(await submit(blockRequest()));
    expect(await unblock(filed.id, unblockRequest())).toMatchObject({ ok: false, problem: { status: 409, type: expect.stringMatching(/guardian-block-not-blocked$/) } });
    await complete(filed.id, 'GUARDIAN_BLOCK', 'EXECUTED');
    await until(filed.id, (v) => v.status === 'BLOCKED', 'BLOCKED');

    const byClinician = unblockRequest();
    byClinician.decision = { ...byClinician.decision, decidedBy: { ...byClinician.decision.decidedBy, role: 'CLINICIAN' } };
    expect(await unblock(filed.id, byClinician)).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/guardian-block-needs-unit-head$/) } });
    // The contract itself refuses an unchecked threat (400); the service would answer 422 threat-check-missing.
    const unchecked = unblockRequest({ threatCheck: { ...unblockRequest().threatCheck, socialServicesConsulted: false } });
    expect(await unblock(filed.id, unchecked)).toMatchObject({ ok: false, problem: { status: 400 } });
    expect(await unblock(filed.id, unblockRequest({ guardians: [{ personnummer: GUARDIAN_2 }] }))).toMatchObject({
      ok: false,
      problem: { status: 422, type: expect.stringMatching(/guardian-not-blocked$/) },
    });

    const key = randomUUID();
    const request = unblockRequest({ confirmationEmails: ['ny-chef@enhet.example'] });
    const unblocking = body(await unblock(filed.id, request, key, unitHead));
    expect(unblocking.status).toBe('UNBLOCKING');
    expect(unblocking.unblock?.ehrNote).toContain('Borttagande av blockering');
    expect(unblocking.unblock?.threatCheck).toEqual({ checkedAt: '2027-02-28T10:00:00Z', summary: 'BUP och socialtjänsten ser ingen hotbild' });
    expect(unblocking.tasks.map((t) => t.kind)).toContain('EHR_NOTE_UNBLOCK');
    expect(body(await unblock(filed.id, request, key, unitHead)).status).toBe('UNBLOCKING');
    expect(await unblock(filed.id, unblockRequest(), key, unitHead)).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/idempotency-key-reused$/) } });

    const command = await complete(filed.id, 'GUARDIAN_UNBLOCK', 'EXECUTED');
    expect(command.payload).toMatchObject({ personnummer: CHILD, guardianPersonnummer: [GUARDIAN_1] });
    const lifted = await until(filed.id, (v) => v.status === 'UNBLOCKED', 'UNBLOCKED');
    expect(lifted.guardians).toEqual([{ personnummer: GUARDIAN_1, blocked: false }]);
    const concluded = await harness.waitFor(GuardianBlockConcludedV1, (e) => e.payload.guardianBlockId === filed.id && e.payload.kind === 'UNBLOCK');
    expect(concluded.payload).toMatchObject({ outcome: 'EXECUTED', guardianCount: 1, confirmationEmails: ['ny-chef@enhet.example'] });
    expect(concluded.payload.effects.join(' ')).toContain('låses inte upp automatiskt');
    // R11: nothing asks intake to unlock the child; only the one lock request of the block was sent.
    expect(harness.observedOf(ChildLockRequestedV1, (e) => e.payload.guardianBlockId === filed.id)).toHaveLength(1);
    expect(await unblock(filed.id, unblockRequest())).toMatchObject({ ok: false, problem: { status: 409 } });
  });

  it('R19 lifts one of two blocked guardians, then the other, to the original confirmation addresses', async () => {
    const view = await blocked(blockRequest({ guardians: [{ personnummer: GUARDIAN_1 }, { personnummer: GUARDIAN_2 }] }));
    expect(view.guardians.every((g) => g.blocked)).toBe(true);
    body(await unblock(view.id, unblockRequest({ guardians: [{ personnummer: GUARDIAN_2 }] })));
    await complete(view.id, 'GUARDIAN_UNBLOCK', 'EXECUTED', 0);
    const partly = await until(view.id, (v) => v.status === 'BLOCKED' && !v.guardians[1].blocked, 'one guardian unblocked');
    expect(partly.guardians).toEqual([
      { personnummer: GUARDIAN_1, blocked: true },
      { personnummer: GUARDIAN_2, blocked: false },
    ]);
    body(await unblock(view.id, unblockRequest()));
    const second = await complete(view.id, 'GUARDIAN_UNBLOCK', 'EXECUTED', 1);
    expect(second.payload.guardianPersonnummer).toEqual([GUARDIAN_1]);
    await until(view.id, (v) => v.status === 'UNBLOCKED', 'UNBLOCKED');
    await pollUntil(() => harness.observedOf(GuardianBlockConcludedV1, (e) => e.payload.guardianBlockId === view.id && e.payload.kind === 'UNBLOCK').length === 2, { what: 'two unblock conclusions' });
    for (const e of harness.observedOf(GuardianBlockConcludedV1, (c) => c.payload.guardianBlockId === view.id && c.payload.kind === 'UNBLOCK')) {
      expect(e.payload.confirmationEmails).toEqual(CONFIRM_TO);
    }
  });

  it('R18 the contact centre marks a follow-up task done once; an unknown task is not found, and a unit head may not', async () => {
    const filed = body(await submit(blockRequest()));
    const task = filed.tasks[0];
    const done = body(await ask(CompleteGuardianTaskV1, { guardianBlockId: filed.id, taskId: task.id, request: { status: 'DONE', note: 'Mobilnummer borttaget i Cosmic Reminders' } }, contactCentre));
    expect(done.tasks[0]).toMatchObject({ id: task.id, status: 'DONE', doneBy: contactCentre.sub, note: 'Mobilnummer borttaget i Cosmic Reminders', doneAt: expect.any(String) });
    const again = body(await ask(CompleteGuardianTaskV1, { guardianBlockId: filed.id, taskId: task.id, request: { status: 'DONE', note: 'igen' } }, contactCentre));
    expect(again.tasks[0]).toEqual(done.tasks[0]);
    expect(again.timeline.filter((t) => t.note.startsWith('Uppgift klar'))).toHaveLength(1);
    expect(await ask(CompleteGuardianTaskV1, { guardianBlockId: filed.id, taskId: randomUUID(), request: { status: 'DONE' } }, contactCentre)).toMatchObject({
      ok: false,
      problem: { status: 404, type: expect.stringMatching(/guardian-task-not-found$/) },
    });
    expect(await ask(CompleteGuardianTaskV1, { guardianBlockId: filed.id, taskId: filed.tasks[1].id, request: { status: 'DONE' } }, unitHead)).toMatchObject({ ok: false, problem: { status: 403 } });
  });

  it('another region sees nothing: not found for read, unblock and tasks, and no blocks in its status answer', async () => {
    const view = await blocked();
    const elsewhere: Actor = { ...contactCentre, region: 'VGR', sub: 'SE2321000131-E000000000041' };
    expect(await get(view.id, elsewhere)).toMatchObject({ ok: false, problem: { status: 404, type: expect.stringMatching(/guardian-block-not-found$/) } });
    expect(await get(view.id, { ...unitHead, unit: OTHER_UNIT })).toMatchObject({ ok: false, problem: { status: 404 } });
    expect(await unblock(view.id, unblockRequest(), randomUUID(), elsewhere)).toMatchObject({ ok: false, problem: { status: 404 } });
    expect(await ask(CompleteGuardianTaskV1, { guardianBlockId: view.id, taskId: view.tasks[0].id, request: { status: 'DONE' } }, elsewhere)).toMatchObject({ ok: false, problem: { status: 404 } });
    expect(body(await ask<GuardianStatusV1, GuardianBlockStatusPart>(GuardianStatusV1, { personnummer: CHILD }, elsewhere))).toEqual({ guardianBlocks: [] });

    // The own region's staff see who is blocked; the block itself only those who may read it.
    const clinician: Actor = { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: REGION, roles: ['clinician'], unit: OTHER_UNIT };
    const status = body(await ask<GuardianStatusV1, GuardianBlockStatusPart>(GuardianStatusV1, { personnummer: CHILD }, clinician));
    expect(status.guardianBlocks).toContainEqual({ guardianBlockId: null, registryNumber: null, region: REGION, status: 'BLOCKED', blockedGuardians: [GUARDIAN_1] });
    const ownStatus = body(await ask<GuardianStatusV1, GuardianBlockStatusPart>(GuardianStatusV1, { personnummer: CHILD }, contactCentre));
    expect(ownStatus.guardianBlocks).toContainEqual({ guardianBlockId: view.id, registryNumber: view.registryNumber, region: REGION, status: 'BLOCKED', blockedGuardians: [GUARDIAN_1] });
  });

  it('answers a role that may not read guardian blocks as not found, and one that may not file or act as forbidden, before anything is written', async () => {
    const view = await blocked();
    const operator: Actor = { sub: 'SE2321000131-E000000000051', name: 'Op Erator', region: REGION, roles: ['operator'] };
    expect(await get(view.id, operator)).toMatchObject({ ok: false, problem: { status: 404, type: expect.stringMatching(/guardian-block-not-found$/) } });
    expect(await unblock(view.id, unblockRequest(), randomUUID(), operator)).toMatchObject({ ok: false, problem: { status: 403, type: expect.stringMatching(/role-not-allowed$/) } });
    expect(await submit(blockRequest(), operator)).toMatchObject({ ok: false, problem: { status: 403, type: expect.stringMatching(/role-not-allowed$/) } });
    expect(await ask(GuardianStatusV1, { personnummer: CHILD }, operator)).toMatchObject({ ok: false, problem: { status: 403, type: expect.stringMatching(/role-not-allowed$/) } });
    // Nothing read or written in the operator's name: no audit record of the child's carries it.
    const childRecords = await findAudit(harness.dataSource, { residentRef: residentRef(CHILD, DEVELOPMENT_PSEUDONYM_KEY) });
    expect(childRecords.filter((r) => r.actor.sub === operator.sub)).toEqual([]);
  });

  it('R23 records every write and read in the audit trail under pseudonyms, never a personnummer, in an unbroken chain', async () => {
    const filed = body(await submit(blockRequest(), unitHead));
    const auditor: Actor = { sub: 'SE2321000131-E000000000016', name: 'Granskare', region: REGION, roles: ['auditor'] };
    body(await get(filed.id, auditor));
    body(await ask<GuardianStatusV1, GuardianBlockStatusPart>(GuardianStatusV1, { personnummer: CHILD }, auditor));

    const records: AuditRecord[] = await findAudit(harness.dataSource, { caseId: filed.id });
    const childRef = residentRef(CHILD, DEVELOPMENT_PSEUDONYM_KEY);
    const guardianRef = residentRef(GUARDIAN_1, DEVELOPMENT_PSEUDONYM_KEY);
    const childRecords = records.filter((r) => r.residentRef === childRef).map((r) => [r.action, r.actor.sub]);
    expect(childRecords).toEqual([
      ['CASE_CREATED', unitHead.sub],
      ['CASE_READ', auditor.sub],
    ]);
    expect(records.filter((r) => r.residentRef === guardianRef).map((r) => r.action)).toEqual(['CASE_CREATED', 'CASE_READ']);
    const statusReads = await findAudit(harness.dataSource, { residentRef: childRef });
    expect(statusReads.some((r) => r.action === 'RESIDENT_STATUS_READ' && r.actor.sub === auditor.sub)).toBe(true);

    const everything = JSON.stringify(await harness.dataSource.query(`SELECT * FROM guardian_block.audit_log`));
    for (const personnummer of [CHILD, GUARDIAN_1, GUARDIAN_2, GUARDIAN_3, PROTECTED_CHILD]) expect(everything).not.toContain(personnummer);
    expect(await verifyAuditChain(harness.dataSource)).toMatchObject({ valid: true });
  });

  describe('R1 the unit head as the staff directory knows them (002)', () => {
    const decidedBy = (hsaId: string) => {
      const request = blockRequest();
      return blockRequest({ decision: { ...request.decision, decidedBy: { ...request.decision.decidedBy, hsaId } } });
    };
    const registered = async (key: string) => (await harness.dataSource.query(`SELECT count(*)::int AS n FROM guardian_block.guardian_blocks WHERE idempotency_key = $1`, [key]))[0].n;

    it('R1 refuses a block whose decider the directory does not know, or knows but not as a unit head: nothing registered, the child not looked up', async () => {
      for (const [hsaId, type] of [
        [NOT_IN_DIRECTORY_HSA, 'guardian-block-decider-not-in-directory'],
        [CLINICIAN_HSA, 'guardian-block-decider-not-unit-head'],
      ]) {
        const key = randomUUID();
        const asked = residentsAsked.length;
        const reply = await submit(decidedBy(hsaId), contactCentre, key);
        expect(reply).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(new RegExp(`${type}$`)), detail: expect.stringContaining('Nothing was registered') } });
        expect(authorityAsked).toContainEqual({ caseType: 'GUARDIAN_BLOCK', hsaId });
        expect(residentsAsked).toHaveLength(asked);
        // Registration and the command to the staff tool are one transaction: no row, no command.
        expect(await registered(key)).toBe(0);
      }
    });

    it('R1 answers 503 with nothing registered while the directory cannot be asked; the same key sent again registers the block once', async () => {
      const key = randomUUID();
      directoryDown = true;
      try {
        const reply = await submit(blockRequest(), contactCentre, key);
        expect(reply).toMatchObject({ ok: false, problem: { status: 503, type: expect.stringMatching(/staff-directory-unavailable$/), detail: expect.stringContaining('same Idempotency-Key') } });
        expect(await registered(key)).toBe(0);
      } finally {
        directoryDown = false;
      }
      const filed = body(await submit(blockRequest(), contactCentre, key));
      expect(body(await submit(blockRequest(), contactCentre, key)).id).toBe(filed.id);
      expect(await registered(key)).toBe(1);
    });

    it('R1 R19 refuses an unblock whose decider the directory does not list as a unit head; the block stays in effect', async () => {
      const view = await blocked();
      const request = unblockRequest();
      const byClinician = unblockRequest({ decision: { ...request.decision, decidedBy: { ...request.decision.decidedBy, hsaId: CLINICIAN_HSA } } });
      expect(await unblock(view.id, byClinician)).toMatchObject({ ok: false, problem: { status: 422, type: expect.stringMatching(/guardian-block-decider-not-unit-head$/) } });
      expect(authorityAsked).toContainEqual({ caseType: 'GUARDIAN_UNBLOCK', hsaId: CLINICIAN_HSA });
      expect(body(await get(view.id)).status).toBe('BLOCKED');
      expect(harness.observedOf(ExecuteActionV1, (e) => e.correlationId === view.id && e.payload.action === 'GUARDIAN_UNBLOCK')).toEqual([]);
    });
  });

  describe('R8 a guardian block ends, and its free text goes', () => {
    const taskDone = (id: string, taskId: string, note?: string) => ask(CompleteGuardianTaskV1, { guardianBlockId: id, taskId, request: { status: 'DONE', ...(note ? { note } : {}) } }, contactCentre);

    it('R8 closes a block in effect when its last task is done and reduces its free text; it is still lifted (R19), and closes again', async () => {
      const view = await blocked(blockRequest({ concernReported: true }));
      expect(view.ehrNote).toContain('Orosanmälan till socialförvaltningen har gjorts.');
      let last = view;
      for (const task of view.tasks) {
        expect(last.status).toBe('BLOCKED');
        last = body(await taskDone(view.id, task.id, `Klart, ring mamman på 070-1234567 (${task.kind})`));
      }
      expect(last.status).toBe('CLOSED');
      expect(last.guardians).toEqual([{ personnummer: GUARDIAN_1, blocked: true }]);
      expect(last.timeline.at(-1)).toMatchObject({ status: 'CLOSED', note: expect.stringContaining('gäller tills den tas bort') });
      // Gone: the basis, who informed the guardian, the concern report, the tasks' notes.
      for (const gone of ['betydande men', 'Berit', 'Orosanmälan', '070-1234567']) expect(JSON.stringify(last)).not.toContain(gone);
      expect(last.ehrNote).toContain('Grund för beslutet: [gallrad]');
      expect(last.tasks.every((t) => t.status === 'DONE' && t.note === '[gallrad]')).toBe(true);
      // Kept: what, who decided, when, the registry number.
      expect(last.ehrNote).toContain(`(ärende ${view.registryNumber})`);
      expect(last.ehrNote).toContain('Beslut: Anna Chef (SE2321000131-E000000000021), verksamhetschef, 2026-11-20');
      const [row] = await harness.dataSource.query(`SELECT request, child_personnummer, ehr_note FROM guardian_block.guardian_blocks WHERE id = $1`, [view.id]);
      expect(row.request.child).toEqual({ personnummer: CHILD, name: '[gallrad]' });
      expect(row.request.decision.motivation).toBe('[gallrad]');
      expect(row.request.guardianInformedBy).toBe('[gallrad]');
      expect(row.request.concernReported).toBeUndefined();
      expect(row.request.decision.decidedBy.hsaId).toBe(unitHead.sub);
      expect(row.child_personnummer).toBe(CHILD);
      const stored = JSON.stringify(await harness.dataSource.query(
        `SELECT t.note FROM guardian_block.guardian_block_timeline t WHERE t.guardian_block_id = $1 UNION ALL SELECT k.note FROM guardian_block.guardian_block_tasks k WHERE k.guardian_block_id = $1`,
        [view.id],
      ));
      expect(stored).not.toContain('070-1234567');
      const records = await findAudit(harness.dataSource, { caseId: view.id });
      expect(records.map((r) => r.action)).toContain('CASE_PERSONAL_DATA_REDUCED');
      // Staff of the region see the block as closed and in effect.
      const status = body(await ask<GuardianStatusV1, GuardianBlockStatusPart>(GuardianStatusV1, { personnummer: CHILD }, contactCentre));
      expect(status.guardianBlocks).toContainEqual({ guardianBlockId: view.id, registryNumber: view.registryNumber, region: REGION, status: 'CLOSED', blockedGuardians: [GUARDIAN_1] });

      // R19: closed is not lifted; the unblock works as on any block in effect.
      expect(body(await unblock(view.id, unblockRequest(), randomUUID(), unitHead)).status).toBe('UNBLOCKING');
      await complete(view.id, 'GUARDIAN_UNBLOCK', 'EXECUTED');
      const lifted = await until(view.id, (v) => v.status === 'UNBLOCKED', 'UNBLOCKED');
      // Its own EHR note task is open, so its text is still there to copy into the EHR.
      expect(lifted.unblock?.threatCheck.summary).toBe('BUP och socialtjänsten ser ingen hotbild');
      const unblockTask = lifted.tasks.find((t) => t.kind === 'EHR_NOTE_UNBLOCK' && t.status === 'OPEN');
      const closedAgain = body(await taskDone(view.id, unblockTask?.id ?? ''));
      expect(closedAgain.status).toBe('CLOSED');
      expect(closedAgain.guardians).toEqual([{ personnummer: GUARDIAN_1, blocked: false }]);
      expect(closedAgain.unblock?.threatCheck).toEqual({ checkedAt: '2027-02-28T10:00:00Z', summary: '[gallrad]' });
      expect(closedAgain.unblock?.ehrNote).not.toContain('Ingen hotbild kvarstår');
      expect(closedAgain.unblock?.ehrNote).toContain('Kontroll av hotbild 2027-02-28');
      // Nothing is blocked any more: a closed, lifted block has nothing to lift.
      expect(await unblock(view.id, unblockRequest())).toMatchObject({ ok: false, problem: { status: 409, type: expect.stringMatching(/guardian-block-not-blocked$/) } });
    });

    it('R8 closes a block whose tasks were done before the staff tool was, when the block is in effect; not while it is executing', async () => {
      const filed = body(await submit(blockRequest()));
      let last = filed;
      for (const task of filed.tasks) last = body(await taskDone(filed.id, task.id));
      expect(last.status).toBe('EXECUTING');
      expect(last.ehrNote).toContain('Kurator Berit Bok');
      await complete(filed.id, 'GUARDIAN_BLOCK', 'EXECUTED');
      const closed = await until(filed.id, (v) => v.status === 'CLOSED', 'CLOSED');
      expect(closed.ehrNote).not.toContain('Kurator Berit Bok');
    });

    it('R8 R20 closes a block that was already in effect once its tasks are done; there is nothing to lift', async () => {
      const filed = body(await submit(blockRequest({ child: { personnummer: PROTECTED_CHILD, name: 'Sam Skyddad' }, guardians: [{ personnummer: GUARDIAN_3 }] })));
      expect(filed.status).toBe('ALREADY_IN_EFFECT');
      let last = filed;
      for (const task of filed.tasks) last = body(await taskDone(filed.id, task.id));
      expect(last.status).toBe('CLOSED');
      expect(last.ehrNote).toContain('Ingen blockering behövdes');
      expect(JSON.stringify(last)).not.toContain('Sam Skyddad');
      expect(await unblock(filed.id, unblockRequest())).toMatchObject({ ok: false, problem: { status: 409 } });
    });
  });
});
