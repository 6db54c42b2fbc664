import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CaseView, WorkItemList, WorkItemView } from '@accessdesk/contracts';
import { pollUntil } from '@accessdesk/testing';
import { toLocalInput } from '../src/pages/new-lock/new-lock.form';
import { ConsoleBrowser, checkPage, newContext, signIn, startConsoleBrowser, tabTo, typeInto } from './browser';

/**
 * The service desk's day in the browser (David Dahl, VGR), against the whole running system with VGR's
 * staff tool worked by hand (adapter mode `manual`, as in production): a clinician's lock becomes a
 * MANUAL_EXECUTION item and an emergency lock whose call back is not the directory's number an
 * EMERGENCY_CALL item. The desk handles both through the pages with the keyboard alone, records the
 * region's registry number, looks up a resident's status and finds a case by its registry number.
 */

const TOVA = { personnummer: '199001012385', name: 'Tova Testsson' };
const ELIN = { personnummer: '199512312266', name: 'Elin Provsson' };
const DR_A = { hsaId: 'SE2321000131-E000000000011', name: 'Dr A', directoryNumber: '031-100 11 11' };
const DAVID = { sub: 'SE2321000131-E000000000014', name: 'David Dahl', region: 'VGR', roles: ['service_desk'], unit: 'SE2321000131-E000000000003' };
const DR_A_CLAIMS = { sub: DR_A.hsaId, name: DR_A.name, region: 'VGR', roles: ['clinician'], unit: 'SE2321000131-E000000000001' };

/** The shipped regions with VGR's staff tool worked by hand. */
function manualVgrRegionsFile(): string {
  const shipped = JSON.parse(readFileSync(join(__dirname, '../../../config/regions.json'), 'utf8')) as { regions: Array<Record<string, unknown>> };
  for (const region of shipped.regions) if (region.code === 'VGR') region.adapterMode = 'manual';
  const path = join(mkdtempSync(join(tmpdir(), 'accessdesk-regions-')), 'regions.json');
  writeFileSync(path, JSON.stringify(shipped));
  return path;
}

const PIA = { hsaId: 'SE5566778899-E000000000011', name: 'Dr Pia Privat' };
const PIA_CLAIMS = { sub: PIA.hsaId, name: PIA.name, region: 'VGR', roles: ['clinician'], unit: 'SE5566778899-0002' };
const OSKAR = { personnummer: '199304171797', name: 'Oskar Provsson' };
const INGRID = { personnummer: '195510034241', name: 'Ingrid Ängström' };
const ERIK = { personnummer: '197805141236', name: 'Erik Exempelsson' };
const VGR_UNIT = { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Testköping', headEmail: 'verksamhetschef@testkoping.example' };
const PRIVATE_UNIT = { hsaId: 'SE5566778899-0002', name: 'Privatkliniken', headEmail: 'chef@privat.example' };

function lockBody(resident: { personnummer: string; name: string }, decider: { hsaId: string; name: string } = DR_A, unit = VGR_UNIT): Record<string, unknown> {
  const now = Date.now();
  return {
    type: 'LOGIN_LOCK',
    resident,
    channel: 'FORM',
    initiator: { kind: 'STAFF', description: '' },
    decision: {
      decidedBy: { hsaId: decider.hsaId, name: decider.name, role: 'CLINICIAN' },
      decidedAt: new Date(now - 3_600_000).toISOString(),
      reasons: ['THREAT'],
      motivation: 'Hotbild mot patienten via 1177.',
      journalNoteRef: 'Journalanteckning',
      chiefPhysicianInformedAt: new Date(now - 1_800_000).toISOString(),
    },
    patientInformed: { informed: false, reasonIfNot: 'Patientens säkerhet' },
    signature: { signedBy: decider.hsaId, signedAt: new Date(now - 3_000_000).toISOString() },
    requestingUnit: unit,
    relatedCaseId: null,
    sealScope: null,
  };
}

describe('the service desk’s day in the console', () => {
  let b: ConsoleBrowser;
  let regionsFile: string;
  const api = async <T>(token: string, method: string, path: string, body?: unknown, key?: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${b.system.gatewayUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    regionsFile = manualVgrRegionsFile();
    b = await startConsoleBrowser({ env: { REGIONS_CONFIG_FILE: regionsFile } });
  }, 180_000);

  afterAll(async () => {
    await b?.close();
    if (regionsFile) rmSync(dirname(regionsFile), { recursive: true, force: true });
  }, 60_000);

  const itemOf = async (token: string, caseId: string, kind: WorkItemView['kind']) =>
    pollUntil(async () => (await api<WorkItemList>(token, 'GET', `/work-items?status=OPEN&kind=${kind}`)).body.items.find((i) => i.caseId === caseId), {
      timeoutMs: 30_000,
      what: `a ${kind} item for ${caseId}`,
    });
  const caseWhen = (token: string, id: string, test: (c: CaseView) => boolean, what: string) =>
    pollUntil(
      async () => {
        const c = (await api<CaseView>(token, 'GET', `/cases/${id}`)).body;
        return test(c) ? c : undefined;
      },
      { timeoutMs: 30_000, what: `case ${id}: ${what}` },
    );

  it('the desk works its inbox with the keyboard: executes by hand, completes an emergency lock, records the registry number, looks up a resident, finds a case', async () => {
    const { system } = b;
    const desk = await system.token(DAVID);
    const clinician = await system.token(DR_A_CLAIMS);

    // A clinician's lock: the staff tool is worked by hand, so it waits in the desk's inbox.
    const lock = await api<CaseView>(clinician, 'POST', '/cases', lockBody(TOVA), 'desk-e2e-lock');
    expect(lock.status).toBe(201);
    const manual = await itemOf(desk, lock.body.id, 'MANUAL_EXECUTION');
    // An emergency lock phoned in, called back on a number that is not the directory's: not executed (R12).
    const emergencyBody = { ...lockBody(ELIN), channel: 'EMERGENCY_PHONE', signature: null, emergencyCall: { caller: { hsaId: DR_A.hsaId, name: DR_A.name }, callBack: { number: '031-999 99 99', calledAt: new Date(Date.now() - 60_000).toISOString() } } };
    const emergency = await api<CaseView>(desk, 'POST', '/cases', emergencyBody, 'desk-e2e-emergency');
    expect(emergency.status).toBe(201);
    await itemOf(desk, emergency.body.id, 'EMERGENCY_CALL');

    const { context, page } = await newContext(b);
    await signIn(b, page, 'David Dahl');
    await page.getByRole('heading', { name: 'Välkommen, David Dahl' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Inkorg' }).count()).toBe(1); // its card on the home page
    await checkPage(page, '30-start-servicedesk');

    // The inbox: the emergency first, marked urgent; the manual execution under its kind; ages shown.
    await tabTo(page, { text: 'Inkorg' });
    await Promise.all([page.waitForURL(/\/inkorg$/), page.keyboard.press('Enter')]);
    const first = await page.locator('#items-first').innerText();
    expect(first).toContain(`Nödspärren har inte verkställts – ${emergency.body.registryNumber}`);
    expect(first).toContain('Brådskande');
    const manualRows = await page.locator('#items-manual_execution').innerText();
    expect(manualRows).toContain(manual.title);
    expect(manualRows).toMatch(/nyss|minut/);
    await checkPage(page, '31-inkorg');

    // The manual execution: what to do in the staff tool, and the form for what it showed.
    await tabTo(page, { text: manual.title });
    await Promise.all([page.waitForURL(new RegExp(`/inkorg/${manual.id}$`)), page.keyboard.press('Enter')]);
    expect(await page.locator('#subject-personnummer').innerText()).toBe(TOVA.personnummer);
    expect(await page.locator('#item-steps').innerText()).toContain('Lås invånarens inloggning till 1177 e-tjänster.');
    // Sent without saying what the tool showed: the problems beside the fields, in Swedish.
    await tabTo(page, { text: 'Kvittera' });
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.getByRole('heading', { name: 'Det finns fel i formuläret' }).waitFor();
    expect(await page.locator('.error-summary:focus').count()).toBe(1);
    expect(await page.locator('#f-result').getAttribute('aria-invalid')).toBeNull(); // a radio: the fieldset carries the error
    expect(await page.locator('#f-result-error').count()).toBe(1);
    expect(await page.locator('#f-observed').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, '32-uppgift-verkstall-fel');
    await tabTo(page, { id: 'f-result' }); // "Utfört"
    await page.keyboard.press('Space');
    await typeInto(page, 'f-observed', 'Kontot visas som låst på begäran av Region Västra Götaland.');
    await tabTo(page, { text: 'Kvittera' });
    await Promise.all([page.waitForURL(/\/inkorg\?klar=/), page.keyboard.press('Enter')]);
    expect(await page.locator('#inbox-status').innerText()).toContain(`Arbetsuppgiften för ärende ${lock.body.registryNumber} är kvitterad.`);
    expect(await page.locator(`a[href="/inkorg/${manual.id}"]`).count()).toBe(0);
    await checkPage(page, '33-inkorg-kvitterad');
    const locked = await caseWhen(desk, lock.body.id, (c) => c.status === 'EXECUTED' || c.status === 'CLOSED', 'executed');
    expect(locked.outcome).toBe('EXECUTED');
    expect(locked.timeline.map((t) => t.by)).toContain(DAVID.sub);

    // The emergency lock: the desk calls back on the directory's number and completes the case.
    await tabTo(page, { text: `Nödspärren har inte verkställts – ${emergency.body.registryNumber}` });
    await Promise.all([page.waitForURL(/\/inkorg\/[0-9a-f-]{36}$/), page.keyboard.press('Enter')]);
    expect(await page.locator('#item-details').innerText()).toMatch(/numret|nummer/);
    await checkPage(page, '34-uppgift-nodsparr');
    await tabTo(page, { text: 'Komplettera ärendet efter samtalet' });
    await Promise.all([page.waitForURL(new RegExp(`/arenden/${emergency.body.id}/servicedesk/komplettering$`)), page.keyboard.press('Enter')]);
    await typeInto(page, 'f-emergencyCall-caller-hsaId', DR_A.hsaId);
    await typeInto(page, 'f-emergencyCall-caller-name', DR_A.name);
    await typeInto(page, 'f-emergencyCall-callBack-number', DR_A.directoryNumber);
    await typeInto(page, 'f-comment', 'Uppringd på numret i HSA-katalogen.');
    await checkPage(page, '35-komplettera');
    await tabTo(page, { text: 'Komplettera ärendet' });
    await Promise.all([page.waitForURL(new RegExp(`/arenden/${emergency.body.id}/servicedesk\\?klart=komplettering$`)), page.keyboard.press('Enter')]);
    expect(await page.locator('#desk-status').innerText()).toContain('Kompletteringen är registrerad');
    await checkPage(page, '36-servicedeskens-atgarder');
    // Borne out now: the lock goes to the staff tool (by hand in VGR here: a new item in the inbox).
    await itemOf(desk, emergency.body.id, 'MANUAL_EXECUTION');

    // The region's own registry number (R6), from the desk's actions on the case.
    await tabTo(page, { text: 'Registrera regionens diarienummer' });
    await Promise.all([page.waitForURL(/\/servicedesk\/diarienummer$/), page.keyboard.press('Enter')]);
    await typeInto(page, 'f-reference', 'PLX-2026-0042');
    await checkPage(page, '37-diarienummer');
    await tabTo(page, { text: 'Registrera regionens diarienummer' });
    await Promise.all([page.waitForURL(/\?klart=diarienummer$/), page.keyboard.press('Enter')]);
    expect(await page.locator('.lead').innerText()).toContain('Plexus PLX-2026-0042');
    expect((await api<CaseView>(desk, 'GET', `/cases/${emergency.body.id}`)).body.registryReference).toMatchObject({ system: 'Plexus', reference: 'PLX-2026-0042', recordedBy: DAVID.sub });

    // A resident's status: asked by a form, answered in the POST's own response.
    await tabTo(page, { text: 'Invånarens status' });
    await Promise.all([page.waitForURL(/\/invanare\/status$/), page.keyboard.press('Enter')]);
    await typeInto(page, 'f-personnummer', TOVA.personnummer);
    await tabTo(page, { text: 'Visa status' });
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    expect(page.url()).toMatch(/\/invanare\/status$/);
    expect(await page.locator('#status-summary').innerText()).toContain('Inloggningen är låst');
    expect(await page.locator('#status-login').innerText()).toContain('på begäran av VGR');
    expect(await page.locator('#status-cases').innerText()).toContain(lock.body.registryNumber);
    await checkPage(page, '38-invanarens-status');

    // Find a case by its registry number (typed as people do): the exact hit opens the case page.
    await tabTo(page, { text: 'Hitta ärende' });
    await Promise.all([page.waitForURL(/\/sok-arende$/), page.keyboard.press('Enter')]);
    await typeInto(page, 'f-diarienummer', ` ${lock.body.registryNumber.toLowerCase()} `);
    await Promise.all([page.waitForURL(new RegExp(`/arenden/${lock.body.id}$`)), page.keyboard.press('Enter')]);
    await page.getByRole('heading', { name: `Ärende ${lock.body.registryNumber}` }).waitFor();
    expect(await page.getByRole('link', { name: 'Servicedeskens åtgärder' }).count()).toBe(1);
    await checkPage(page, '39-arende-servicedesk');
    await context.close();

    // Never a personnummer in a URL; never in the console's logs.
    for (const p of [TOVA.personnummer, ELIN.personnummer]) {
      expect(b.visitedUrls.filter((u) => u.includes(p))).toEqual([]);
      expect(system.logs.filter((l) => l.service === 'console' && l.line.includes(p))).toEqual([]);
    }
  }, 150_000);

  it('the desk verifies a signer by phone, voids a wrongly registered case, records the form after an emergency lock, and reads a cut inbox a page at a time', async () => {
    const { system } = b;
    const desk = await system.token(DAVID);
    const pia = await system.token(PIA_CLAIMS);
    // Signed by staff of an approved private provider, without the region's staff id: verified by phone (R4).
    const toVerify = await api<CaseView>(pia, 'POST', '/cases', lockBody(OSKAR, PIA, PRIVATE_UNIT), 'desk-e2e-pia-1');
    const toVoid = await api<CaseView>(pia, 'POST', '/cases', lockBody(INGRID, PIA, PRIVATE_UNIT), 'desk-e2e-pia-2');
    expect([toVerify.status, toVoid.status]).toEqual([201, 201]);
    const verification = await itemOf(desk, toVerify.body.id, 'MANUAL_VERIFICATION');
    await itemOf(desk, toVoid.body.id, 'MANUAL_VERIFICATION');
    // An emergency lock borne out and executed by hand: its form is still owed (R12).
    const called = { caller: { hsaId: DR_A.hsaId, name: DR_A.name }, callBack: { number: DR_A.directoryNumber, calledAt: new Date(Date.now() - 60_000).toISOString() } };
    const emergency = await api<CaseView>(desk, 'POST', '/cases', { ...lockBody(ERIK), channel: 'EMERGENCY_PHONE', signature: null, emergencyCall: called }, 'desk-e2e-emergency-2');
    expect(emergency.status).toBe(201);
    const execute = await itemOf(desk, emergency.body.id, 'MANUAL_EXECUTION');
    const done = await api<WorkItemView>(desk, 'POST', `/work-items/${execute.id}/complete`, { result: 'DONE', executedAt: new Date().toISOString(), observed: 'Låst.' });
    expect(done.status).toBe(200);
    await caseWhen(desk, emergency.body.id, (c) => c.status === 'EXECUTED' && c.paperwork === 'PENDING', 'executed, its form pending');

    const { context, page } = await newContext(b);
    await signIn(b, page, 'David Dahl');

    // A cut inbox says so and goes on from where the page ended.
    await page.goto(`${system.consoleUrl}/inkorg?antal=1`);
    const firstTitle = await page.locator('table th[scope="row"] a').first().innerText();
    expect(await page.locator('table th[scope="row"] a').count()).toBe(1);
    expect(await page.locator('#inbox-more').innerText()).toBe('Visa fler');
    await checkPage(page, '31b-inkorg-avkortad');
    await page.locator('#inbox-more').click();
    await page.waitForURL(/fran=/);
    expect(await page.locator('table th[scope="row"] a').first().innerText()).not.toBe(firstTitle);

    // The verification: from the item to the case's verification form.
    await page.goto(`${system.consoleUrl}/inkorg/${verification.id}`);
    expect(await page.locator('#item-steps').innerText()).toContain('HSA-katalogen');
    await page.getByRole('link', { name: 'Registrera verifieringen på ärendet' }).click();
    await page.waitForURL(/\/servicedesk\/verifiering$/);
    await page.locator('#f-outcome').check();
    await page.locator('#f-note').fill('Ringt Dr Privat på numret i HSA-katalogen; underskriften bekräftad.');
    await checkPage(page, '35b-verifiering');
    await page.getByRole('button', { name: 'Registrera verifiering per telefon' }).click();
    await page.waitForURL(/\?klart=verifiering$/);
    expect(await page.locator('#desk-status').innerText()).toContain('Verifieringen är registrerad.');
    expect((await caseWhen(desk, toVerify.body.id, (c) => c.status === 'EXECUTED' || c.status === 'CLOSED' || c.status === 'EXECUTING', 'verified and on its way')).status).not.toBe('MANUAL_VERIFICATION');

    // Void: first without a reason (the problem beside the field), then with one.
    await page.goto(`${system.consoleUrl}/arenden/${toVoid.body.id}/servicedesk`);
    await page.getByRole('link', { name: 'Makulera ärendet' }).click();
    await page.getByRole('button', { name: 'Makulera ärendet' }).click();
    await page.getByRole('heading', { name: 'Det finns fel i formuläret' }).waitFor();
    expect(await page.locator('#f-reason').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, '36b-makulera-fel');
    await page.locator('#f-reason').fill('Fel invånare på blanketten');
    await page.getByRole('button', { name: 'Makulera ärendet' }).click();
    await page.waitForURL(/\?klart=makulera$/);
    expect(await page.locator('#desk-case-status').innerText()).toBe('Makulerat');

    // The form after the emergency lock (R12): from staff, with the decision, the patient information and the signature.
    await page.goto(`${system.consoleUrl}/arenden/${emergency.body.id}/servicedesk`);
    await page.getByRole('link', { name: 'Registrera blanketten efter nödspärren' }).click();
    await page.waitForURL(/\/servicedesk\/blankett$/);
    const earlier = (minutes: number) => toLocalInput(new Date(Date.now() - minutes * 60_000));
    await page.locator('#f-resident-personnummer').fill(ERIK.personnummer);
    await page.locator('#f-resident-name').fill(ERIK.name);
    await page.locator('#f-decision-decidedBy-hsaId').fill(DR_A.hsaId);
    await page.locator('#f-decision-decidedBy-name').fill(DR_A.name);
    await page.locator('#f-decision-decidedAt').fill(earlier(60));
    await page.locator('#f-decision-reasons-1').check(); // Hotbild
    await page.locator('#f-decision-motivation').fill('Hotbild mot patienten via 1177.');
    await page.locator('#f-decision-journalNoteRef').fill('Journalanteckning');
    await page.locator('#f-decision-chiefPhysicianInformedAt').fill(earlier(50));
    await page.locator('#f-patientInformed-informed-1').check(); // Nej
    await page.locator('#f-patientInformed-reasonIfNot').fill('Patientens säkerhet');
    await page.locator('#f-signature-signedBy').fill(DR_A.hsaId);
    await page.locator('#f-signature-signedAt').fill(earlier(40));
    await checkPage(page, '37b-blankett');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Registrera blanketten efter nödspärren' }).click()]);
    expect(await page.locator('.error-summary').allInnerTexts()).toEqual([]);
    await page.waitForURL(/\?klart=blankett$/);
    expect(await page.locator('#desk-status').innerText()).toContain('Blanketten är registrerad');
    await caseWhen(desk, emergency.body.id, (c) => c.paperwork === 'RECEIVED', 'its form received');

    // A registry number that finds nothing says so on the search page.
    await page.goto(`${system.consoleUrl}/sok-arende`);
    await page.locator('#f-diarienummer').fill('VGR-2026-999999');
    await page.getByRole('button', { name: 'Sök' }).click();
    expect(await page.locator('#search-result').innerText()).toContain('Inget ärende med diarienummer VGR-2026-999999');
    await checkPage(page, '39b-hitta-arende-ingen-traff');
    await context.close();

    for (const p of [OSKAR.personnummer, INGRID.personnummer, ERIK.personnummer]) {
      expect(b.visitedUrls.filter((u) => u.includes(p))).toEqual([]);
      expect(system.logs.filter((l) => l.service === 'console' && l.line.includes(p))).toEqual([]);
    }
  }, 120_000);
});
