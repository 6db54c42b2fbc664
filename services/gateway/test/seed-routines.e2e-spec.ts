import { CaseView, GuardianBlockView, ReviewView } from '@accessdesk/contracts';
import { RunningSystem, pollUntil, startTestSystem } from '@accessdesk/testing';
import { FIXTURE_PEOPLE, Person, Staff, VGR_UNIT, account, form, mailWith, problemType, shortPeriodRegionsFile, signInAll } from './story';

/**
 * Issue "Every routine in the seeds works, end to end": each seed of ../shared/seeds walked as a
 * story through the gateway, every service as its own process, the simulators in place of the
 * population register, the staff directory, the staff tool and the mail server. One system for the
 * five stories; the regions file is the shipped one with short review and paperwork periods.
 */
const KRONOBERG_UNIT = { hsaId: 'SE2321000065-E000000000001', name: 'Vårdcentralen Kronoberg', headEmail: 'chef@kronoberg-vc.example' };
const JONKOPING_UNIT = { hsaId: 'SE2321000057-E000000000001', name: 'Barn- och ungdomsmottagningen', headEmail: 'chef@rjl-bum.example' };
const JAMTLAND_UNIT = { hsaId: 'SE2321000214-E000000000001', name: 'Hälsocentralen Östersund', headEmail: 'chef@hc-ostersund.example' };

const people = {
  drA: FIXTURE_PEOPLE.drA,
  ksd: { sub: 'SE2321000131-E000000000014', name: 'David Dahl', region: 'VGR', roles: ['service_desk'], unit: 'SE2321000131-E000000000003' },
  pia: { sub: 'SE5566778899-E000000000011', name: 'Dr Pia Privat', region: 'VGR', roles: ['clinician'], unit: 'SE5566778899-0002' },
  ivar: { sub: 'SE5599887766-E000000000011', name: 'Dr Ivar Ickegodkänd', region: 'VGR', roles: ['clinician'], unit: 'SE5599887766-0002' },
  greta: { sub: 'SE2321000131-E000000000017', name: 'Greta Gran', region: 'VGR', roles: ['clinician'], unit: 'SE2321000131-E000000000002' },
  karin: { sub: 'SE2321000065-E000000000011', name: 'Karin Kvist', region: 'KRONOBERG', roles: ['clinician'], unit: KRONOBERG_UNIT.hsaId },
  tor: { sub: 'SE2321000057-E000000000012', name: 'Tor Tell', region: 'JONKOPING', roles: ['unit_head'], unit: JONKOPING_UNIT.hsaId },
  ulla: { sub: 'SE2321000057-E000000000014', name: 'Ulla Udd', region: 'JONKOPING', roles: ['service_desk'], unit: 'SE2321000057-E000000000003' },
  vera: { sub: 'SE2321000057-E000000000015', name: 'Vera Vik', region: 'JONKOPING', roles: ['contact_centre'], unit: 'SE2321000057-E000000000004' },
  ake: { sub: 'SE2321000214-E000000000011', name: 'Åke Åberg', region: 'JAMTLAND', roles: ['clinician'], unit: JAMTLAND_UNIT.hsaId },
  ylva: { sub: 'SE2321000214-E000000000014', name: 'Ylva Ytterberg', region: 'JAMTLAND', roles: ['service_desk'], unit: 'SE2321000214-E000000000003' },
  revisor: { sub: 'SE2321000057-E000000000016', name: 'Revisor Jönköping', region: 'JONKOPING', roles: ['auditor'] },
} satisfies Record<string, Person>;

const TOVA = { personnummer: '199001012385', name: 'Tova Testsson' };
const ELIN = { personnummer: '199512312266', name: 'Elin Provsson' };
const OSKAR = { personnummer: '199304171797', name: 'Oskar Provsson' };
const INGRID = { personnummer: '195510034241', name: 'Ingrid Ängström' };
const LO = { personnummer: '201604202448', name: 'Lo Exempelsson' };
const ERIK = '197805141236';
const MARIA = '198009302467';
const ALVA = { personnummer: '201906012883', name: 'Alva Skyddad' };
const SARA = '198707072628';
const VIKTOR = { personnummer: '201103083919', name: 'Viktor Östlund' };
const SAMIR = { personnummer: '198503721535', name: 'Samir Samordnare' };
const OLLE = { personnummer: '196008153170', name: 'Olle Utankonto' };
/** R12: the desk called Dr A back on the staff directory's number for her. */
const DR_A_CALLED_BACK = { caller: { hsaId: 'SE2321000131-E000000000011', name: 'Dr A' }, callBack: { number: '031-100 11 11', calledAt: '2026-11-20T09:10:00Z' } };

describe('the routines of the seeds, end to end', () => {
  let system: RunningSystem;
  let staff: Record<keyof typeof people, Staff>;

  beforeAll(async () => {
    system = await startTestSystem({ env: { REGIONS_CONFIG_FILE: shortPeriodRegionsFile() } });
    staff = await signInAll(system, people);
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  describe('seed 000 (VGR): lock by form, checks on receipt, emergency lock, three-month review', () => {
    it('R4 R5 R6 R8 R9 R11 R17: a lock by form is checked, executed, fed back, reviewed after the period and unlocked on review', async () => {
      // R4: an unsigned form is returned for completion, and the completion sends it on.
      const filed = await staff.drA.post('/cases', form(people.drA, VGR_UNIT, { resident: TOVA, signature: null }), 'seed000-lock');
      expect(filed.status).toBe(201);
      const lock = filed.body as CaseView;
      expect(lock.registryNumber).toMatch(/^VGR-\d{4}-\d{6}$/);
      const returned = await staff.drA.caseIn(lock.id, 'RETURNED_FOR_COMPLETION');
      expect(returned.timeline.at(-1)?.note).toContain('inte signerad');
      await mailWith(system, VGR_UNIT.headEmail, (m) => m.subject.includes(lock.registryNumber) && /komplettering/i.test(m.subject + m.text), 'the return for completion e-mail');
      const completed = await staff.drA.post(`/cases/${lock.id}/completion`, { signature: { signedBy: people.drA.sub, signedAt: '2026-11-20T10:00:00Z' } });
      expect(completed.status).toBe(200);

      const closed = await staff.drA.caseIn(lock.id, 'CLOSED');
      expect(closed.outcome).toBe('EXECUTED');
      // R17: effects and advice in the answer and in the Swedish feedback e-mail (R8).
      expect(closed.effects).toEqual(expect.arrayContaining(['Invånaren kan inte logga in på 1177 e-tjänster.', 'Invånarens inkorg finns kvar och tar emot svar och delsvar på ärenden som invånaren skickat in tidigare.']));
      expect(closed.advice.join(' ')).toMatch(/försegling/);
      const feedback = await mailWith(system, VGR_UNIT.headEmail, (m) => m.subject.startsWith('Återkoppling') && m.subject.includes(lock.registryNumber), 'the feedback e-mail');
      expect(feedback.text).toContain('Ett barn under 13 år förlorar vårdnadshavarens ombudsbehörighet.');
      expect(feedback.text).not.toContain(TOVA.personnummer);
      expect((await account(system, TOVA.personnummer)).loginLocked).toBe(true);

      // R9: the review is due after the (short) period: a reminder, then it is listed as overdue.
      const review = await pollUntil(
        async () => ((await staff.drA.get('/reviews')).body.reviews as ReviewView[]).find((r) => r.caseId === lock.id && r.status !== 'SCHEDULED'),
        { timeoutMs: 30_000, what: 'the review reminder' },
      );
      expect(review.overdue).toBe(true);
      await mailWith(system, VGR_UNIT.headEmail, (m) => m.subject.includes(lock.registryNumber) && /ompröv/i.test(m.subject), 'the review reminder e-mail');

      // R9 R11: the review decides UNLOCK with a new documented decision, which opens the unlock case.
      const decision = form(people.drA, VGR_UNIT, { resident: TOVA }).decision;
      const decided = await staff.drA.post(
        `/reviews/${review.id}/decision`,
        { outcome: 'UNLOCK', decision: { ...decision, reasons: ['THREAT_NO_LONGER_EXISTS'], motivation: 'Hotbilden är borta.' }, patientInformed: { informed: true }, signature: { signedBy: people.drA.sub, signedAt: '2026-11-21T09:00:00Z' }, residentName: TOVA.name },
        'seed000-review',
      );
      expect(decided.status).toBe(200);
      expect(decided.body.unlockRegistryNumber).toMatch(/^VGR-/);
      const unlock = await staff.drA.caseIn(decided.body.unlockCaseId, 'CLOSED');
      expect(unlock.type).toBe('LOGIN_UNLOCK');
      expect(unlock.relatedCases).toEqual(expect.arrayContaining([expect.objectContaining({ id: lock.id, relation: 'LIFTS', registryNumber: lock.registryNumber })]));
      expect((await account(system, TOVA.personnummer)).loginLocked).toBe(false);
      const lockAfter = await staff.drA.caseWhen(lock.id, (c) => c.relatedCases.some((r) => r.relation === 'LIFTED_BY'), 'lifted by the unlock');
      expect(lockAfter.review?.outcome).toBe('UNLOCK');
    });

    it('R4: a signer of an approved private provider is verified by phone; one not on the list is refused', async () => {
      const byPia = await staff.pia.post('/cases', form(people.pia, { hsaId: 'SE5566778899-0002', name: 'Privatkliniken', headEmail: 'chef@privat.example' }, { resident: ELIN }), 'seed000-pia');
      expect(byPia.status).toBe(201);
      await staff.ksd.caseIn(byPia.body.id, 'MANUAL_VERIFICATION');
      const item = await staff.ksd.workItem(byPia.body.id, 'MANUAL_VERIFICATION');
      expect(item.queue).toBe('SERVICE_DESK');
      const verified = await staff.ksd.post(`/cases/${byPia.body.id}/verification`, { outcome: 'VERIFIED', calledAt: '2026-11-20T11:00:00Z', note: 'Ringt Dr Privat, identiteten bekräftad' });
      expect(verified.status).toBe(200);
      expect((await staff.ksd.caseIn(byPia.body.id, 'CLOSED')).outcome).toBe('EXECUTED');

      const byIvar = await staff.ivar.post('/cases', form(people.ivar, { hsaId: 'SE5599887766-0002', name: 'Ickegodkänd klinik', headEmail: 'chef@ickegodkand.example' }, { resident: INGRID }), 'seed000-ivar');
      expect(byIvar.status).toBe(201);
      const refused = await staff.ksd.caseIn(byIvar.body.id, 'REFUSED');
      expect(refused.timeline.at(-1)?.note).toMatch(/godkända vårdgivare/);
    });

    it('R12: an emergency lock is executed at once, its missing form is chased and escalated, and the form completes it', async () => {
      const called = await staff.ksd.post('/cases', form(people.drA, VGR_UNIT, { resident: OSKAR, channel: 'EMERGENCY_PHONE', signature: null, decision: { ...form(people.drA, VGR_UNIT, { resident: OSKAR }).decision, journalNoteRef: null, chiefPhysicianInformedAt: null }, emergencyCall: DR_A_CALLED_BACK }), 'seed000-emergency');
      expect(called.status).toBe(201);
      expect(called.body.paperwork).toBe('PENDING');
      const executed = await staff.ksd.caseIn(called.body.id, 'EXECUTED');
      expect(executed.timeline.map((t) => t.status)).not.toContain('VERIFYING');
      expect((await account(system, OSKAR.personnummer)).loginLocked).toBe(true);
      const item = await staff.ksd.workItem(called.body.id, 'PAPERWORK');
      expect(item.title).toContain(called.body.registryNumber);
      await pollUntil(async () => (await staff.ksd.workItem(called.body.id, 'PAPERWORK')).escalated, { timeoutMs: 30_000, what: 'the paperwork escalation' });
      // Still open: the case waits for its form.
      expect((await staff.ksd.get(`/cases/${called.body.id}`)).body.status).toBe('EXECUTED');

      const incomplete = await staff.ksd.post(`/cases/${called.body.id}/paperwork`, { receivedAt: '2026-11-22T08:00:00Z' });
      expect(problemType(incomplete)).toBe('paperwork-incomplete');
      const paperwork = await staff.ksd.post(`/cases/${called.body.id}/paperwork`, {
        receivedAt: '2026-11-22T08:00:00Z',
        signature: { signedBy: people.drA.sub, signedAt: '2026-11-21T09:05:00Z' },
        decision: form(people.drA, VGR_UNIT, { resident: OSKAR }).decision,
        patientInformed: { informed: true },
      });
      expect(paperwork.status).toBe(200);
      // R12 R4: the form gets the checks on receipt before it ends the chase.
      expect(paperwork.body.paperwork).toBe('CHECKING');
      await staff.ksd.caseIn(called.body.id, 'CLOSED');
    });

    it('R12 R13 R16: a lock phoned in at the resident’s own request records that the resident sends the form; a samordningsnummer is flagged', async () => {
      const own = await staff.ksd.post('/cases', form(people.drA, VGR_UNIT, { resident: SAMIR, channel: 'EMERGENCY_PHONE', initiator: { kind: 'RESIDENT', description: 'Invånaren ringde med personalen' }, signature: null, emergencyCall: DR_A_CALLED_BACK }), 'seed000-own');
      expect(own.status).toBe(201);
      expect(own.body.paperworkSender).toBe('RESIDENT');
      expect(own.body.advice.join(' ')).toMatch(/samordningsnummer/i);
      // Not phoned in, the resident's own request goes to Inera (R13).
      const byForm = await staff.drA.post('/cases', form(people.drA, VGR_UNIT, { resident: SAMIR, initiator: { kind: 'RESIDENT', description: '' } }), 'seed000-own-form');
      expect(byForm.status).toBe(422);
      expect(problemType(byForm)).toBe('resident-own-request');
      expect(byForm.body.form).toMatch(/1177\.se/);
    });
  });

  describe('seed 001 (Kronoberg): lock requested by care staff, lifted only by the requesting region', () => {
    it('R10 R16 R22 R24: Kronoberg locks, VGR cannot unlock, Kronoberg can; no account → NOT_APPLICABLE', async () => {
      const eForm = await staff.karin.post('/cases', form(people.karin, KRONOBERG_UNIT, { resident: ELIN, channel: 'E_FORM' }), 'seed001-eform');
      expect(eForm.status).toBe(422);
      expect(problemType(eForm)).toBe('channel-not-offered');

      const lock = await staff.karin.post('/cases', form(people.karin, KRONOBERG_UNIT, { resident: VIKTOR }), 'seed001-lock');
      expect(lock.status).toBe(201);
      expect(lock.body.registryNumber).toMatch(/^KRONOBERG-/);
      await staff.karin.caseIn(lock.body.id, 'CLOSED');
      expect(await account(system, VIKTOR.personnummer)).toMatchObject({ loginLocked: true, lockedByRegion: 'KRONOBERG' });

      const byVgr = await staff.drA.post('/cases', form(people.drA, VGR_UNIT, { type: 'LOGIN_UNLOCK', resident: VIKTOR }), 'seed001-vgr-unlock');
      expect(byVgr.status).toBe(403);
      expect(problemType(byVgr)).toBe('unlock-by-other-region');
      expect(byVgr.body.lockedByRegion).toBe('KRONOBERG');
      const status = await staff.drA.post('/residents/status', { personnummer: VIKTOR.personnummer });
      expect(status.body.login).toMatchObject({ locked: true, lockedByRegion: 'KRONOBERG', lockCase: null });

      const unlock = await staff.karin.post('/cases', form(people.karin, KRONOBERG_UNIT, { type: 'LOGIN_UNLOCK', resident: VIKTOR, decision: { ...form(people.karin, KRONOBERG_UNIT, { type: 'LOGIN_UNLOCK', resident: VIKTOR }).decision, motivation: 'Ny bedömning: behovet kvarstår inte.' } }), 'seed001-unlock');
      expect(unlock.status).toBe(201);
      const unlocked = await staff.karin.caseIn(unlock.body.id, 'CLOSED');
      expect(unlocked.relatedCases).toEqual(expect.arrayContaining([expect.objectContaining({ registryNumber: lock.body.registryNumber, relation: 'LIFTS' })]));
      expect((await account(system, VIKTOR.personnummer)).loginLocked).toBe(false);
      // R9: the lifted lock's review ends; no reminder is sent about an open account, no decision taken.
      const review = await pollUntil(
        async () => ((await staff.karin.get('/reviews?state=all')).body.reviews as ReviewView[]).find((r) => r.caseId === lock.body.id && r.status === 'LIFTED'),
        { timeoutMs: 15_000, what: 'the lifted lock’s review to end' },
      );
      const decision = await staff.karin.post(`/reviews/${review.id}/decision`, { outcome: 'KEEP_LOCKED', decision: form(people.karin, KRONOBERG_UNIT, { resident: VIKTOR }).decision }, 'seed001-late-review');
      expect(decision.status).toBe(409);
      expect(problemType(decision)).toBe('lock-already-lifted');

      const noAccount = await staff.karin.post('/cases', form(people.karin, KRONOBERG_UNIT, { resident: OLLE }), 'seed001-olle');
      const notApplicable = await staff.karin.caseIn(noAccount.body.id, 'CLOSED');
      expect(notApplicable.outcome).toBe('NOT_APPLICABLE');
      await mailWith(system, KRONOBERG_UNIT.headEmail, (m) => m.subject.includes(noAccount.body.registryNumber) && /saknar konto/.test(m.subject + m.text), 'the not-applicable feedback');
    });
  });

  describe('seed 002 (Jönköping): guardian block and unblock by the contact centre', () => {
    it('R18 R19 R7: the unit head blocks both guardians, the contact centre executes by hand, the child is locked, tasks tracked, then unblocked', async () => {
      const body = {
        child: LO,
        guardians: [{ personnummer: ERIK }, { personnummer: MARIA }],
        channel: 'E_FORM',
        urgent: true,
        decision: form(people.tor, JONKOPING_UNIT, { resident: LO }).decision,
        signature: { signedBy: people.tor.sub, signedAt: '2026-11-20T09:05:00Z' },
        requestingUnit: JONKOPING_UNIT,
        confirmationEmails: ['chef@rjl-bum.example', 'kurator@rjl-bum.example'],
        guardianInformedBy: 'Kurator Karlsson informerade vårdnadshavarna 2026-11-20',
      };
      const notUnitHead = await staff.tor.post('/guardian-blocks', { ...body, decision: { ...body.decision, decidedBy: { ...body.decision.decidedBy, role: 'CLINICIAN' } } }, 'seed002-not-head');
      expect(notUnitHead.status).toBe(422);
      const filed = await staff.tor.post('/guardian-blocks', body, 'seed002-block');
      expect(filed.status).toBe(201);
      const block = filed.body as GuardianBlockView;
      expect(block.urgent).toBe(true);
      expect(block.ehrNote).toMatch(/Administrativ anteckning/);
      expect(block.ehrNote).toMatch(/Åtgärd/);

      // JONKOPING runs the staff tool by hand: the contact centre's inbox has the block.
      const manual = await staff.vera.workItem(block.id, 'MANUAL_EXECUTION');
      expect(manual.queue).toBe('CONTACT_CENTRE');
      expect(manual.subject?.guardianPersonnummer).toEqual(expect.arrayContaining([ERIK, MARIA]));
      const done = await staff.vera.post(`/work-items/${manual.id}/complete`, { result: 'DONE', executedAt: new Date().toISOString(), observed: 'Båda vårdnadshavarna visas som blockerade' });
      expect(done.status).toBe(200);
      const blocked = await pollUntil(async () => {
        const res = await staff.vera.get(`/guardian-blocks/${block.id}`);
        return res.body.status === 'BLOCKED' && res.body.linkedLock ? (res.body as GuardianBlockView) : undefined;
      }, { timeoutMs: 30_000, what: 'the block to be BLOCKED with its child lock' });
      expect(blocked.guardians.every((g) => g.blocked)).toBe(true);
      await mailWith(system, 'kurator@rjl-bum.example', (m) => m.subject.includes(block.registryNumber), 'the block confirmation');

      // R18: the child's login is locked as its own LOGIN_LOCK, executed by the service desk by hand.
      const childLock = blocked.linkedLock as { caseId: string; registryNumber: string };
      const lockItem = await staff.ulla.workItem(childLock.caseId, 'MANUAL_EXECUTION');
      await staff.ulla.post(`/work-items/${lockItem.id}/complete`, { result: 'DONE', executedAt: new Date().toISOString(), observed: 'Inloggningen visas som låst' });
      const childCase = await staff.tor.caseIn(childLock.caseId, 'CLOSED');
      expect(childCase.type).toBe('LOGIN_LOCK');
      expect(childCase.guardianBlockId).toBe(block.id);

      // Follow-up tasks are tracked until done.
      for (const task of blocked.tasks) {
        const res = await staff.vera.patch(`/guardian-blocks/${block.id}/tasks/${task.id}`, { status: 'DONE', note: 'Klart' });
        expect(res.status).toBe(200);
      }
      expect(((await staff.vera.get(`/guardian-blocks/${block.id}`)).body as GuardianBlockView).tasks.every((t) => t.status === 'DONE')).toBe(true);

      // R19: unblock only with the threat check recorded.
      const unblock = {
        threatCheck: { otherUnitsConsulted: true, socialServicesConsulted: true, checkedAt: '2026-12-01T09:00:00Z', summary: 'Ingen hotbild enligt BUP och socialtjänsten' },
        decision: body.decision,
      };
      const noCheck = await staff.tor.post(`/guardian-blocks/${block.id}/unblock`, { ...unblock, threatCheck: { ...unblock.threatCheck, socialServicesConsulted: false } }, 'seed002-unblock-nocheck');
      expect(noCheck.status).toBe(400);
      const lifted = await staff.tor.post(`/guardian-blocks/${block.id}/unblock`, unblock, 'seed002-unblock');
      expect(lifted.status).toBe(200);
      const unblockItem = await staff.vera.workItem(block.id, 'MANUAL_EXECUTION');
      await staff.vera.post(`/work-items/${unblockItem.id}/complete`, { result: 'DONE', executedAt: new Date().toISOString(), observed: 'Blockeringen borttagen' });
      await pollUntil(async () => (await staff.vera.get(`/guardian-blocks/${block.id}`)).body.status === 'UNBLOCKED', { timeoutMs: 30_000, what: 'UNBLOCKED' });
      // The child's lock is lifted separately (R11): it is still in effect.
      const status = await staff.tor.post('/residents/status', { personnummer: LO.personnummer });
      expect(status.body.login.locked).toBe(true);

      // R23: the auditor reads the guardian block's own trail, the child's trail across both, and both chains hold.
      const trail = await staff.revisor.get(`/audit?caseId=${block.id}`);
      expect(trail.status).toBe(200);
      expect(trail.body.records.every((r: { trail: string }) => r.trail === 'guardian-block')).toBe(true);
      expect(trail.body.records.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['CASE_CREATED', 'CASE_READ', 'CASE_STATUS_CHANGED']));
      const child = await staff.revisor.post('/audit/search', { personnummer: LO.personnummer });
      expect(new Set(child.body.records.map((r: { trail: string }) => r.trail))).toEqual(new Set(['intake', 'guardian-block']));
      expect(JSON.stringify(child.body)).not.toContain(LO.personnummer);
      const verified = await staff.revisor.get('/audit/verify');
      expect(verified.body).toMatchObject({ valid: true, trails: { intake: { valid: true }, 'guardian-block': { valid: true } } });
    });

    it('R20: a protected child 0–12 needs no block: "already in effect", nothing executed', async () => {
      const filed = await staff.vera.post(
        '/guardian-blocks',
        {
          child: ALVA,
          guardians: [{ personnummer: SARA }],
          channel: 'E_FORM',
          urgent: false,
          decision: form(people.tor, JONKOPING_UNIT, { resident: ALVA }).decision,
          signature: { signedBy: people.tor.sub, signedAt: '2026-11-20T09:05:00Z' },
          requestingUnit: JONKOPING_UNIT,
          confirmationEmails: ['chef@rjl-bum.example'],
          guardianInformedBy: 'Ingen: skyddade personuppgifter',
        },
        'seed002-alva',
      );
      expect(filed.status).toBe(201);
      expect(filed.body.status).toBe('ALREADY_IN_EFFECT');
      expect(filed.body.linkedLock).toBeNull();
      expect((await account(system, ALVA.personnummer)).blockedGuardians).toEqual([]);
    });
  });

  describe('seed 003 (guide for relatives): a relative raises the need, staff decide, later unlock', () => {
    it('R14 R11 R5: the relative is the initiator, the clinician decides; the unlock is a new decision and links the lock', async () => {
      const unit = { hsaId: 'SE2321000131-E000000000002', name: 'Psykiatrimottagningen', headEmail: 'chef@psykiatri.example' };
      const undescribed = await staff.greta.post('/cases', form(people.greta, unit, { resident: INGRID, initiator: { kind: 'RELATIVE', description: '' } }), 'seed003-undescribed');
      expect(problemType(undescribed)).toBe('initiator-description-missing');
      const lock = await staff.greta.post(
        '/cases',
        form(people.greta, unit, {
          resident: INGRID,
          initiator: { kind: 'RELATIVE', description: 'Dottern: mamman kan inte längre hantera e-tjänsterna' },
          decision: { ...form(people.greta, unit, { resident: INGRID }).decision, reasons: ['COGNITIVE_OR_PHYSICAL_INABILITY', 'INFORMATION_MAY_NOT_REACH'] },
        }),
        'seed003-lock',
      );
      expect(lock.status).toBe(201);
      expect(lock.body.timeline[0].note).toMatch(/närstående/);
      await staff.greta.caseIn(lock.body.id, 'CLOSED');
      const noDecision = await staff.greta.post('/cases', form(people.greta, unit, { type: 'LOGIN_UNLOCK', resident: INGRID, decision: { ...form(people.greta, unit, { type: 'LOGIN_UNLOCK', resident: INGRID }).decision, journalNoteRef: '' } }), 'seed003-unlock-bad');
      expect(problemType(noDecision)).toBe('journal-note-missing');
      const unlock = await staff.greta.post('/cases', form(people.greta, unit, { type: 'LOGIN_UNLOCK', resident: INGRID, relatedCaseId: lock.body.id }), 'seed003-unlock');
      expect(unlock.status).toBe(201);
      const done = await staff.greta.caseIn(unlock.body.id, 'CLOSED');
      expect(done.relatedCases.map((r) => r.relation)).toContain('LIFTS');
    });
  });

  describe('seed 004 (Jämtland Härjedalen): lock plus seal where the journal must be out of reach', () => {
    it('R17 R21: the lock advises sealing; the seal of named units is executed; the status shows both; unseal lifts it', async () => {
      const lock = await staff.ake.post('/cases', form(people.ake, JAMTLAND_UNIT, { resident: OSKAR }), 'seed004-lock');
      expect(lock.status).toBe(201);
      const locked = await staff.ake.caseIn(lock.body.id, 'CLOSED');
      expect(locked.advice.join(' ')).toMatch(/Direktlänkar till Journalen/);
      const noScope = await staff.ake.post('/cases', form(people.ake, JAMTLAND_UNIT, { type: 'JOURNAL_SEAL', resident: OSKAR }), 'seed004-noscope');
      expect(problemType(noScope)).toBe('seal-scope-missing');
      const sealScope = { careUnits: ['SE2321000214-E000000000002'], from: '2026-01-01T00:00:00Z', to: null };
      const seal = await staff.ake.post('/cases', form(people.ake, JAMTLAND_UNIT, { type: 'JOURNAL_SEAL', resident: OSKAR, sealScope }), 'seed004-seal');
      expect(seal.status).toBe(201);
      await staff.ake.caseIn(seal.body.id, 'CLOSED');
      expect((await account(system, OSKAR.personnummer)).seal).toMatchObject({ whole: false, careUnits: ['SE2321000214-E000000000002'] });
      const status = await staff.ylva.post('/residents/status', { personnummer: OSKAR.personnummer });
      expect(status.status).toBe(200);
      expect(status.body.seal).toMatchObject({ sealed: true, sealedByRegion: 'JAMTLAND' });
      expect(status.body.cases.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([lock.body.id, seal.body.id]));
      const unseal = await staff.ake.post('/cases', form(people.ake, JAMTLAND_UNIT, { type: 'JOURNAL_UNSEAL', resident: OSKAR }), 'seed004-unseal');
      expect(unseal.status).toBe(201);
      await staff.ake.caseIn(unseal.body.id, 'CLOSED');
      expect((await account(system, OSKAR.personnummer)).seal).toBeNull();
    });
  });

  it('R23: writes no personnummer in any log line', () => {
    const numbers = [TOVA, ELIN, OSKAR, INGRID, LO, ALVA, VIKTOR, SAMIR, OLLE].map((r) => r.personnummer).concat([ERIK, MARIA, SARA]);
    const leaks = system.logs.filter(({ line }) => numbers.some((n) => line.includes(n) || line.includes(`${n.slice(2, 8)}-${n.slice(8)}`)));
    expect(leaks).toEqual([]);
  });
});
