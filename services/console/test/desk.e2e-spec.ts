import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CaseView, WorkItemList, WorkItemView } from '@accessdesk/contracts';
import { pollUntil } from '@accessdesk/testing';
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

function lockBody(resident: { personnummer: string; name: string }): Record<string, unknown> {
  const now = Date.now();
  return {
    type: 'LOGIN_LOCK',
    resident,
    channel: 'FORM',
    initiator: { kind: 'STAFF', description: '' },
    decision: {
      decidedBy: { hsaId: DR_A.hsaId, name: DR_A.name, role: 'CLINICIAN' },
      decidedAt: new Date(now - 3_600_000).toISOString(),
      reasons: ['THREAT'],
      motivation: 'Hotbild mot patienten via 1177.',
      journalNoteRef: 'Journalanteckning',
      chiefPhysicianInformedAt: new Date(now - 1_800_000).toISOString(),
    },
    patientInformed: { informed: false, reasonIfNot: 'Patientens säkerhet' },
    signature: { signedBy: DR_A.hsaId, signedAt: new Date(now - 3_000_000).toISOString() },
    requestingUnit: { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Testköping', headEmail: 'verksamhetschef@testkoping.example' },
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

  it('the desk works its inbox with the keyboard: executes by hand, completes an emergency lock, records the registry number, looks up a resident, finds a case', async () => {
    const { system } = b;
    const desk = await system.token(DAVID);
    const clinician = await system.token(DR_A_CLAIMS);
    const itemOf = (caseId: string, kind: WorkItemView['kind']) =>
      pollUntil(
        async () => (await api<WorkItemList>(desk, 'GET', `/work-items?status=OPEN&kind=${kind}`)).body.items.find((i) => i.caseId === caseId),
        { timeoutMs: 30_000, what: `a ${kind} item for ${caseId}` },
      );
    const caseIn = (id: string, statuses: string[]) =>
      pollUntil(
        async () => {
          const c = (await api<CaseView>(desk, 'GET', `/cases/${id}`)).body;
          return statuses.includes(c.status) ? c : undefined;
        },
        { timeoutMs: 30_000, what: `case ${id} in ${statuses.join('/')}` },
      );

    // A clinician's lock: the staff tool is worked by hand, so it waits in the desk's inbox.
    const lock = await api<CaseView>(clinician, 'POST', '/cases', lockBody(TOVA), 'desk-e2e-lock');
    expect(lock.status).toBe(201);
    const manual = await itemOf(lock.body.id, 'MANUAL_EXECUTION');
    // An emergency lock phoned in, called back on a number that is not the directory's: not executed (R12).
    const emergencyBody = { ...lockBody(ELIN), channel: 'EMERGENCY_PHONE', signature: null, emergencyCall: { caller: { hsaId: DR_A.hsaId, name: DR_A.name }, callBack: { number: '031-999 99 99', calledAt: new Date(Date.now() - 60_000).toISOString() } } };
    const emergency = await api<CaseView>(desk, 'POST', '/cases', emergencyBody, 'desk-e2e-emergency');
    expect(emergency.status).toBe(201);
    await itemOf(emergency.body.id, 'EMERGENCY_CALL');

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
    const locked = await caseIn(lock.body.id, ['EXECUTED', 'CLOSED']);
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
    await itemOf(emergency.body.id, 'MANUAL_EXECUTION');

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
});
