import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { CaseReceivedV1, DeadLetterListView, systemActor } from '@accessdesk/contracts';
import { createEnvelope, publishRaw } from '@accessdesk/messaging';
import { pollUntil } from '@accessdesk/testing';
import { ConsoleBrowser, checkPage, newContext, signIn, startConsoleBrowser, tabTo, typeInto } from './browser';

/**
 * The auditor's and the operator's days in a real browser against the whole running system
 * (./browser.ts): the audit trail searched by case, staff member and time range, and by resident
 * through a POST form; the chain check, whole and then broken; the CSV extract downloaded. Then the
 * dead-letter queues: a letter listed, opened (personnummer masked), sent back, and stale requests
 * purged after an explicit confirmation.
 */

const TOVA = { personnummer: '199001012385', name: 'Tova Testsson' };
const DR_A = { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician'], unit: 'SE2321000131-E000000000001', careProvider: 'SE2321000131-E000000000000' };
const OLGA = { sub: 'SE2321000131-E000000000019', name: 'Olga Drift', region: 'VGR', roles: ['operator'] };
/** Small pages, so that "Visa fler" shows with the few records of one case. */
const PAGE_SIZE = 3;

/** A lock request as the paper form has it (DESIGN.md's example), filed by Dr A. */
function lockRequest() {
  return {
    type: 'LOGIN_LOCK',
    resident: TOVA,
    channel: 'FORM',
    initiator: { kind: 'STAFF', description: '' },
    decision: {
      decidedBy: { hsaId: DR_A.sub, name: DR_A.name, role: 'CLINICIAN' },
      decidedAt: '2026-11-20T09:00:00Z',
      reasons: ['THREAT'],
      motivation: 'Hotbild mot patienten via 1177.',
      journalNoteRef: 'Cosmic anteckning 2026-11-20 09:00',
      chiefPhysicianInformedAt: '2026-11-20T09:30:00Z',
    },
    patientInformed: { informed: false, reasonIfNot: 'Patientens säkerhet' },
    signature: { signedBy: DR_A.sub, signedAt: '2026-11-20T09:05:00Z' },
    requestingUnit: { hsaId: DR_A.unit, name: 'Vårdcentralen Testköping', headEmail: 'verksamhetschef@testkoping.example' },
    relatedCaseId: null,
    sealScope: null,
  };
}

/** `2026-11-20 09:30` in Swedish time, as staff type it. */
function swedishMinute(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(at);
}

describe('the auditor and the operator in a browser', () => {
  let b: ConsoleBrowser;

  beforeAll(async () => {
    b = await startConsoleBrowser({ serviceEnv: { console: { AUDIT_PAGE_SIZE: String(PAGE_SIZE) } } });
  }, 180_000);

  afterAll(async () => {
    await b?.close();
  }, 60_000);

  async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${b.system.gatewayUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  it('an auditor searches the trail by case, staff member and time, and by resident; checks the chain; downloads the extract', async () => {
    // Dr A files a lock and reads it: the trail the auditor will search.
    const startedAt = new Date(Date.now() - 60_000);
    const drA = await b.system.token(DR_A);
    const filed = await api<{ id: string; registryNumber: string }>(drA, 'POST', '/cases', lockRequest());
    expect(filed.status).toBe(201);
    const { id: caseId, registryNumber } = filed.body;
    await pollUntil(async () => ((await api<{ status: string }>(drA, 'GET', `/cases/${caseId}`)).body.status === 'CLOSED' ? true : undefined), {
      what: 'the case closed',
      timeoutMs: 30_000,
    });

    const { context, page } = await newContext(b);
    await signIn(b, page, 'Fredrik Falk');
    await page.getByRole('heading', { name: 'Välkommen, Fredrik Falk' }).waitFor();

    // By case, with the keyboard alone: the registry number, as the auditor knows it.
    await tabTo(page, { text: 'Granska loggen' });
    await Promise.all([page.waitForURL(/\/granskning$/), page.keyboard.press('Enter')]);
    await checkPage(page, '50-granska-loggen');
    await tabTo(page, { text: 'Sök i loggen' });
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.getByRole('heading', { name: 'Det finns fel i formuläret' }).waitFor();
    expect(await page.locator('.error-summary').innerText()).toContain('Ange minst ett av');
    expect(await page.locator('.error-summary:focus').count()).toBe(1);
    await typeInto(page, 'f-caseId', registryNumber);
    await tabTo(page, { text: 'Sök i loggen' });
    await Promise.all([page.waitForURL(/\/granskning\?caseId=/), page.keyboard.press('Enter')]);
    const byCase = await page.locator('#audit-records').innerText();
    expect(byCase).toContain('Ärende registrerat');
    expect(byCase).toContain('Dr A');
    expect(await page.locator('#audit-records tbody tr').count()).toBe(PAGE_SIZE);
    await checkPage(page, '51-logg-arende');
    // The case's trail is longer than a page: "Visa fler" follows the cursor.
    const firstPage = await page.locator('#audit-records tbody').innerText();
    await tabTo(page, { text: 'Visa fler' });
    await Promise.all([page.waitForURL(/cursor=/), page.keyboard.press('Enter')]);
    await page.getByRole('heading', { name: 'Fler loggposter' }).waitFor();
    expect(await page.locator('#audit-records tbody').innerText()).not.toEqual(firstPage);

    // By staff member and time range: what Dr A did since the case was filed.
    await page.goto(`${b.system.consoleUrl}/granskning`);
    await page.fill('#f-actorHsaId', DR_A.sub);
    await page.fill('#f-from', swedishMinute(startedAt));
    await page.fill('#f-to', swedishMinute(new Date(Date.now() + 3_600_000)));
    await Promise.all([page.waitForURL(/actorHsaId=/), page.getByRole('button', { name: 'Sök i loggen' }).click()]);
    const byStaff = page.locator('#audit-records tbody tr');
    expect(await byStaff.count()).toBeGreaterThan(0);
    for (const row of await byStaff.all()) expect(await row.locator('td').nth(2).innerText()).toContain(DR_A.sub);
    expect(await page.locator('#audit-records').innerText()).toContain('Ärende registrerat');
    await checkPage(page, '52-logg-medarbetare');

    // By resident: a POST whose answer is the page; the number never in a URL.
    await page.goto(`${b.system.consoleUrl}/granskning`);
    await page.fill('#f-personnummer', TOVA.personnummer);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sök i loggen' }).click()]);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('#audit-records tbody tr').count()).toBe(PAGE_SIZE);
    expect(await page.locator('#audit-records').innerText()).toContain('Ärende registrerat');
    await checkPage(page, '53-logg-invanare');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Visa fler' }).click()]);
    await page.getByRole('heading', { name: 'Fler loggposter' }).waitFor();

    // The resident's extract: a CSV file, the header and a row of the case, the resident only as a pseudonym.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner loggutdrag (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-VGR-.+\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('"trail","seq","id","at","region","action","actorSub","actorName","actorRoles","actorUnit","origin","caseId","residentRef","detail","prevHash","hash"');
    expect(lines.find((l) => l.includes(`"CASE_CREATED"`) && l.includes(`"${caseId}"`))).toContain(`"${DR_A.sub}"`);
    expect(csv).not.toContain(TOVA.personnummer);
    // A case's extract by link: the gateway's attachment, passed on.
    const byLink = await page.request.get(`${b.system.consoleUrl}/granskning/export?caseId=${caseId}`);
    expect(byLink.status()).toBe(200);
    expect(byLink.headers()['content-disposition']).toMatch(/^attachment; filename="audit-VGR-/);
    expect(byLink.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(await byLink.text()).toContain(`"${caseId}"`);

    // The chain check: whole.
    await page.goto(`${b.system.consoleUrl}/`);
    await tabTo(page, { text: 'Kontrollera loggkedjan' });
    await Promise.all([page.waitForURL(/\/granskning\/kedjan$/), page.keyboard.press('Enter')]);
    expect(await page.locator('#chain-verdict').innerText()).toContain('Loggkedjan är hel');
    await checkPage(page, '54-loggkedjan');

    // Someone edits a record behind the application's back: the check names it and says why.
    const db = new Client({ connectionString: b.system.databaseUrl });
    await db.connect();
    let tampered: { seq: string; id: string };
    try {
      [tampered] = (await db.query(`SELECT seq, id FROM intake.audit_log WHERE action = 'CASE_READ' AND seq IS NOT NULL ORDER BY seq LIMIT 1`)).rows;
      await db.query('ALTER TABLE intake.audit_log DISABLE TRIGGER audit_log_no_change');
      await db.query(`UPDATE intake.audit_log SET actor = jsonb_set(actor, '{sub}', '"someone-else"') WHERE seq = $1`, [tampered.seq]);
      await db.query('ALTER TABLE intake.audit_log ENABLE TRIGGER audit_log_no_change');
    } finally {
      await db.end();
    }
    await page.reload();
    const verdict = await page.locator('#chain-verdict').innerText();
    expect(verdict).toContain('Loggkedjan är bruten');
    expect(verdict).toContain(`Post nr ${tampered.seq} i kedjan (id ${tampered.id})`);
    expect(verdict).toContain('har ändrats efter att den skrevs');
    await checkPage(page, '55-loggkedjan-bruten');
    await context.close();

    // Never a personnummer in a URL, nor in the console's logs.
    expect(b.visitedUrls.filter((u) => u.includes(TOVA.personnummer))).toEqual([]);
    expect(b.system.logs.filter((l) => l.service === 'console' && l.line.includes(TOVA.personnummer))).toEqual([]);
  }, 120_000);

  it('an operator sees what died and why, opens it, sends it back, and purges stale requests only when sure', async () => {
    const prefix = b.system.amqpPrefix;
    const olga = await b.system.token(OLGA);
    const listed = async (queue: string) => (await api<DeadLetterListView>(olga, 'GET', `/dead-letters?queue=${queue}`)).body.items;

    // An event that breaks its contract dies at once in identity-check's dead-letter queue; a stale request in intake's.
    const caseId = randomUUID();
    const invalid = createEnvelope(
      CaseReceivedV1,
      { caseId, registryNumber: 'VGR-2026-999999', resident: { personnummer: TOVA.personnummer, name: TOVA.name } } as unknown as CaseReceivedV1,
      { correlationId: caseId, causationId: caseId, region: 'VGR', actor: systemActor('intake', 'VGR') },
    );
    await publishRaw(`${prefix}accessdesk.events`, CaseReceivedV1.type, invalid);
    await publishRaw(`${prefix}accessdesk.dlx`, `${prefix}intake.rpc`, { stale: 'request' });
    const [died] = await pollUntil(async () => {
      const items = await listed('identity-check.events');
      return items.length === 1 && (await listed('intake.rpc')).length === 1 ? items : undefined;
    }, { what: 'the two dead letters', timeoutMs: 20_000 });

    // The list and the letter, with the keyboard alone.
    const { context, page } = await newContext(b);
    await signIn(b, page, 'Olga Drift');
    await page.getByRole('heading', { name: 'Välkommen, Olga Drift' }).waitFor();
    await tabTo(page, { text: 'Döda meddelanden' });
    await Promise.all([page.waitForURL(/\/drift\/doda-meddelanden$/), page.keyboard.press('Enter')]);
    const letters = await page.locator('#dlq-letters').innerText();
    expect(letters).toContain('intake.case.received.v1');
    expect(letters).toContain('Ogiltigt meddelande');
    expect(letters).toContain(invalid.id);
    expect(await page.locator('#dlq-queues').innerText()).toMatch(/identity-check\.events\)\s+1/);
    await checkPage(page, '56-doda-meddelanden');

    await tabTo(page, { text: 'intake.case.received.v1' });
    await Promise.all([page.waitForURL(/\/meddelande\//), page.keyboard.press('Enter')]);
    const envelope = await page.locator('pre.envelope').innerText();
    expect(envelope).toContain('[personnummer]');
    expect(await page.content()).not.toContain(TOVA.personnummer);
    await checkPage(page, '57-dott-meddelande');

    await tabTo(page, { text: 'Skicka tillbaka' });
    await Promise.all([page.waitForURL(/\/skicka-tillbaka\?messageId=/), page.keyboard.press('Enter')]);
    expect(await page.locator('#replay-letters').innerText()).toContain(invalid.id);
    await checkPage(page, '58-skicka-tillbaka');
    await tabTo(page, { text: 'Ja, skicka tillbaka' });
    await Promise.all([page.waitForURL(/\/drift\/doda-meddelanden\?skickade=1$/), page.keyboard.press('Enter')]);
    expect(await page.getByRole('status').first().innerText()).toContain('1 meddelande skickades tillbaka');
    // It went back to identity-check, which refused it again: back in the queue, dead a second time.
    await pollUntil(async () => {
      const again = await listed('identity-check.events');
      return again.length === 1 && Date.parse(again[0]?.diedAt ?? '') > Date.parse(died?.diedAt ?? '') ? true : undefined;
    }, { what: 'the replayed letter refused again', timeoutMs: 20_000 });

    // Purge: destructive, so not without the box ticked.
    await page.getByRole('link', { name: 'Ta bort alla i intake.rpc' }).click();
    await page.waitForURL(/\/ta-bort\?queue=intake\.rpc$/);
    await page.getByRole('button', { name: 'Ta bort för gott' }).click();
    await page.getByRole('heading', { name: 'Det finns fel i formuläret' }).waitFor();
    expect(await listed('intake.rpc')).toHaveLength(1);
    await checkPage(page, '59-ta-bort-bekrafta');
    await page.getByLabel('Jag förstår att meddelandena tas bort för gott').check();
    await Promise.all([page.waitForURL(/borttagna=1&ko=intake\.rpc$/), page.getByRole('button', { name: 'Ta bort för gott' }).click()]);
    expect(await page.getByRole('status').first().innerText()).toContain('1 dött meddelande togs bort för gott');
    expect(await listed('intake.rpc')).toHaveLength(0);
    await context.close();

    // Every read, replay and purge is in intake's trail, under the operator.
    const auditor = await b.system.token({ sub: 'SE2321000131-E000000000016', name: 'Fredrik Falk', region: 'VGR', roles: ['auditor'] });
    const trail = await api<{ records: Array<{ action: string; caseId: string | null }> }>(auditor, 'GET', `/audit?actorHsaId=${OLGA.sub}`);
    const actions = trail.body.records.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['DEAD_LETTERS_READ', 'DEAD_LETTER_REPLAYED', 'DEAD_LETTERS_PURGED']));
    expect(trail.body.records.find((r) => r.action === 'DEAD_LETTER_REPLAYED')?.caseId).toBe(caseId);
  }, 90_000);
});
