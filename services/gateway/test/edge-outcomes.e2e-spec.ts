import { readFileSync, writeFileSync } from 'node:fs';
import { CaseView } from '@accessdesk/contracts';
import { RunningSystem, startTestSystem } from '@accessdesk/testing';
import { FIXTURE_PEOPLE, Person, Staff, account, form, mailsTo, mailWith, shortPeriodRegionsFile, signInAll } from './story';

/**
 * Issue 8 point 4 "Every outcome told" (R8; seeds 000 §8, 001): the requesting unit's head hears of
 * every end of a case, in Swedish, with what to do next, and a clinician is never left believing a
 * resident locked who is not. Walked through the gateway with the simulators' staff tool and SMTP sink.
 */
const people = {
  drA: FIXTURE_PEOPLE.drA,
  ksd: { sub: 'SE2321000131-E000000000014', name: 'David Dahl', region: 'VGR', roles: ['service_desk'], unit: 'SE2321000131-E000000000003' },
  ivar: { sub: 'SE5599887766-E000000000011', name: 'Dr Ivar Ickegodkänd', region: 'VGR', roles: ['clinician'], unit: 'SE5599887766-0002' },
} satisfies Record<string, Person>;

/** The same unit of Dr A with a head address per story, so each story reads its own mails. */
const unit = (headEmail: string) => ({ hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Testköping', headEmail });

const TOVA = { personnummer: '199001012385', name: 'Tova Testsson' };
const ELIN = { personnummer: '199512312266', name: 'Elin Provsson' };
const INGRID = { personnummer: '195510034241', name: 'Ingrid Ängström' };
const OLLE = { personnummer: '196008153170', name: 'Olle Utankonto' };

/** The regions file of the stories with VGR's staff tool over http, so that the simulator's failure knob reaches it. */
function regionsFile(): string {
  const path = shortPeriodRegionsFile();
  const file = JSON.parse(readFileSync(path, 'utf8')) as { regions: Array<Record<string, unknown>> };
  for (const region of file.regions) if (region.code === 'VGR') region.adapterMode = 'http';
  writeFileSync(path, JSON.stringify(file));
  return path;
}

describe('issue 8 point 4: every outcome is told to the requester (R8)', () => {
  let system: RunningSystem;
  let staff: Record<keyof typeof people, Staff>;

  beforeAll(async () => {
    // One attempt at the staff tool: a failure is reported at once instead of after the backoff.
    system = await startTestSystem({ env: { REGIONS_CONFIG_FILE: regionsFile() }, serviceEnv: { execution: { EXECUTION_MAX_ATTEMPTS: '1' } } });
    staff = await signInAll(system, people);
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  async function staffToolFailureRate(failureRate: number): Promise<void> {
    const res = await fetch(`${system.simulatorUrl}/staff-tool/knobs`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ failureRate }) });
    expect(res.status).toBe(200);
  }

  const firstLine = (text: string) => text.split('\n')[0];

  it('R8 R7: a lock that fails in the staff tool and is closed by the desk is told to the unit head: the login is NOT locked, and what to do', async () => {
    const head = 'chef-misslyckad@testkoping.example';
    await staffToolFailureRate(1);
    let lock: CaseView;
    try {
      const filed = await staff.drA.post('/cases', form(people.drA, unit(head), { resident: TOVA }), 'outcomes-failed');
      expect(filed.status).toBe(201);
      lock = filed.body as CaseView;
      await staff.ksd.caseIn(lock.id, 'FAILED');
    } finally {
      await staffToolFailureRate(0);
    }
    const item = await staff.ksd.workItem(lock.id, 'FAILED_EXECUTION');
    const closed = await staff.ksd.post(`/work-items/${item.id}/complete`, { resolution: 'CLOSE', note: 'Personalverktyget svarar inte' });
    expect(closed.status).toBe(200);
    await staff.drA.caseIn(lock.id, 'CLOSED');

    const mail = await mailWith(system, head, (m) => m.subject.includes(lock.registryNumber), 'the e-mail that the lock was not executed');
    expect(mail.subject).toBe(`Ej verkställt – inloggningen är INTE låst: låsning av inloggning på 1177 – ${lock.registryNumber}`);
    expect(firstLine(mail.text)).toBe('Invånarens inloggning till 1177 är INTE låst.');
    expect(mail.text).toContain('Invånaren kan logga in på 1177 e-tjänster som tidigare.');
    expect(mail.text).toContain('• Personalverktyget svarar inte');
    expect(mail.text).toContain(`Så går ni vidare:\n• Behövs låsning av inloggning fortfarande: gör en ny begäran och ange diarienummer ${lock.registryNumber}`);
    expect(mail.text).not.toContain(TOVA.personnummer);
    expect(mail.text).not.toContain(TOVA.name);
    // What the mail says is what the staff tool shows.
    expect((await account(system, TOVA.personnummer)).loginLocked).toBe(false);
    expect((await mailsTo(system, head)).filter((m) => m.subject.includes(lock.registryNumber))).toHaveLength(1);
    // The desk sees on the case that the requester was told.
    await staff.ksd.caseWhen(lock.id, (c) => c.timeline.some((t) => t.note.startsWith('Besked skickat till verksamhetschef')), 'the ending told in the timeline');
  });

  it('R4 R8: a returned case says the login is NOT locked and how to complete it; when the desk then voids it, the unit head is told that too', async () => {
    const head = 'chef-makulerad@testkoping.example';
    const filed = await staff.drA.post('/cases', form(people.drA, unit(head), { resident: ELIN, signature: null }), 'outcomes-voided');
    expect(filed.status).toBe(201);
    const c = filed.body as CaseView;
    await staff.drA.caseIn(c.id, 'RETURNED_FOR_COMPLETION');
    const returned = await mailWith(system, head, (m) => m.subject.startsWith('Retur för komplettering') && m.subject.includes(c.registryNumber), 'the return e-mail');
    expect(firstLine(returned.text)).toBe('Invånarens inloggning till 1177 är INTE låst. Ärendet väntar på komplettering.');
    expect(returned.text).toContain('Så kompletterar ni:');

    const voided = await staff.ksd.post(`/cases/${c.id}/void`, { reason: 'Registrerat två gånger' });
    expect(voided.status).toBe(200);
    expect(voided.body.status).toBe('VOIDED');
    const mail = await mailWith(system, head, (m) => m.subject.startsWith('Makulerat ärende') && m.subject.includes(c.registryNumber), 'the void e-mail');
    expect(mail.subject).toBe(`Makulerat ärende – inloggningen är INTE låst: låsning av inloggning på 1177 – ${c.registryNumber}`);
    expect(firstLine(mail.text)).toBe('Invånarens inloggning till 1177 är INTE låst.');
    expect(mail.text).toContain('har makulerats av');
    expect(mail.text).toContain('• Registrerat två gånger');
    expect(mail.text).toContain('gör en ny begäran');
    expect(mail.text).not.toContain(ELIN.personnummer);
    expect((await account(system, ELIN.personnummer)).loginLocked).toBe(false);
    await staff.ksd.caseWhen(c.id, (v) => v.status === 'VOIDED' && v.timeline.some((t) => t.note.startsWith('Besked skickat till verksamhetschef')), 'the void told in the timeline');
  });

  it('R4 R8: a refused case says first that the login is NOT locked, and that a new request is needed', async () => {
    const head = 'chef@ickegodkand.example';
    const filed = await staff.ivar.post('/cases', form(people.ivar, { hsaId: 'SE5599887766-0002', name: 'Ickegodkänd klinik', headEmail: head }, { resident: INGRID }), 'outcomes-refused');
    expect(filed.status).toBe(201);
    await staff.ksd.caseIn(filed.body.id, 'REFUSED');
    const mail = await mailWith(system, head, (m) => m.subject.startsWith('Avvisat ärende') && m.subject.includes(filed.body.registryNumber), 'the refusal e-mail');
    expect(firstLine(mail.text)).toBe('Invånarens inloggning till 1177 är INTE låst.');
    expect(mail.text).toContain('ska en ny begäran göras');
  });

  it('R8 R16: a lock for a resident without a 1177 account says the login is NOT locked and what to do next (sealing, a new request later)', async () => {
    const head = 'chef-utankonto@testkoping.example';
    const filed = await staff.drA.post('/cases', form(people.drA, unit(head), { resident: OLLE }), 'outcomes-not-applicable');
    expect(filed.status).toBe(201);
    expect((await staff.drA.caseIn(filed.body.id, 'CLOSED')).outcome).toBe('NOT_APPLICABLE');
    const mail = await mailWith(system, head, (m) => m.subject.includes(filed.body.registryNumber), 'the not-applicable feedback');
    expect(mail.subject).toContain('ej aktuell');
    expect(firstLine(mail.text)).toBe('Invånarens inloggning till 1177 är INTE låst.');
    expect(mail.text).toContain('Så går ni vidare:');
    expect(mail.text).toContain('begär försegling av journalen');
    expect(mail.text).toContain(`gör en ny begäran om låsning och ange diarienummer ${filed.body.registryNumber}`);
  });
});
