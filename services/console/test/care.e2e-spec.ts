import type { Page } from 'playwright-core';
import type { CaseView, ReviewView } from '@accessdesk/contracts';
import { pollUntil } from '@accessdesk/testing';
import { ConsoleBrowser, checkPage, newContext, signIn, startConsoleBrowser, tabTo, typeInto } from './browser';

/**
 * The clinician's and the unit head's day in the console, in a real browser against the whole running
 * system (./browser.ts). The clinician files a lock, finds it among the unit's cases, files its unlock
 * with the keyboard alone once it is executed, files a journal seal, and is shown what to do about a
 * guardian; the unit head decides a review that is due (a short REVIEW_PERIOD on review-scheduler)
 * and files a guardian block. axe-core on every page; no personnummer in any URL or console log.
 */

const ELIN = { personnummer: '199512312266', name: 'Elin Provsson' };
const OSKAR = { personnummer: '199304171797', name: 'Oskar Provsson' };
const BERIT = { personnummer: '195203184667', name: 'Berit Olinkad' };
const LO = { personnummer: '201604202448', name: 'Lo Exempelsson' };
const ERIK = '197805141236';
const ASA = '197202292822';
const EVERY_PERSONNUMMER = [ELIN, OSKAR, BERIT, LO].map((r) => r.personnummer).concat([ERIK, ASA]);

const DR_A = { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician'], unit: 'SE2321000131-E000000000001' };
const BO_BERG = { sub: 'SE2321000131-E000000000012', name: 'Bo Berg', region: 'VGR', roles: ['unit_head'], unit: 'SE2321000131-E000000000001' };
const UNIT = { name: 'Vårdcentralen Testköping', headEmail: 'verksamhetschef@testkoping.example' };
const UUID_IN_PATH = /\/([0-9a-f-]{36})$/;

describe('the clinician and the unit head in the console', () => {
  let b: ConsoleBrowser;

  beforeAll(async () => {
    // R9: reviews fall due three seconds after the lock is executed, so the unit head has one to decide.
    b = await startConsoleBrowser({ serviceEnv: { 'review-scheduler': { REVIEW_PERIOD: 'PT3S' } } });
  }, 180_000);

  afterAll(async () => {
    await b?.close();
  }, 60_000);

  /** The API as the person sees it, to check what the pages did. */
  async function api<T>(person: typeof DR_A, path: string): Promise<T> {
    const token = await b.system.token(person);
    const res = await fetch(`${b.system.gatewayUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }

  /** The lock form filled in by pointer (its keyboard flow is console.e2e-spec's), sent, and followed until the case settles. */
  async function fileLock(page: Page, resident: { personnummer: string; name: string }): Promise<{ id: string; registryNumber: string }> {
    await page.goto(`${b.system.consoleUrl}/arenden/ny-lasning`);
    await page.fill('#f-resident-personnummer', resident.personnummer);
    await page.fill('#f-resident-name', resident.name);
    await page.check('#f-decision-reasons-1');
    await page.fill('#f-decision-motivation', 'Hotbild mot patienten via 1177.');
    await page.fill('#f-decision-journalNoteRef', 'Journalanteckning 2026-11-20');
    await page.fill('#f-decision-chiefPhysicianInformedAt', '2026-11-20 10:30');
    await page.check('#f-patientInformed-informed');
    await page.fill('#f-requestingUnit-name', UNIT.name);
    await page.fill('#f-requestingUnit-headEmail', UNIT.headEmail);
    await Promise.all([page.waitForURL(UUID_IN_PATH), page.getByRole('button', { name: 'Skicka begäran' }).click()]);
    await page.locator('#case-live[data-settled="true"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#case-outcome').innerText()).toBe('Utförd');
    const registryNumber = (await page.getByRole('heading', { level: 1 }).innerText()).replace('Ärende ', '');
    return { id: UUID_IN_PATH.exec(page.url())![1]!, registryNumber };
  }

  it("the clinician's day: a lock, the unit's cases, its unlock with the keyboard alone, a seal, and what to do about a guardian", async () => {
    const { context, page } = await newContext(b);
    await signIn(b, page, 'Dr A');
    await page.getByRole('heading', { name: 'Välkommen, Dr A' }).waitFor();
    for (const label of ['Begär upplåsning', 'Begär försegling', 'Blockera vårdnadshavare', 'Enhetens ärenden', 'Omprövningar']) {
      expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: label }).count()).toBe(1);
    }
    await checkPage(page, '20-start-vardpersonal');

    const lock = await fileLock(page, ELIN);

    // The unit's cases: the lock is there, closed; the status filter narrows the list.
    await Promise.all([page.waitForURL(/\/enhetens-arenden$/), page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Enhetens ärenden' }).click()]);
    const row = page.getByRole('row', { name: new RegExp(lock.registryNumber) });
    expect(await row.innerText()).toMatch(/Låsning av inloggning\s+Avslutat\s+Utförd/);
    await checkPage(page, '21-enhetens-arenden');
    await page.selectOption('#f-status', 'RETURNED_FOR_COMPLETION');
    await Promise.all([page.waitForURL(/status=RETURNED_FOR_COMPLETION/), page.getByRole('button', { name: 'Visa' }).click()]);
    expect(await page.locator('#case-count').innerText()).toContain('Inga ärenden med status returnerat för komplettering');
    await page.selectOption('#f-status', 'CLOSED');
    await Promise.all([page.waitForURL(/status=CLOSED/), page.getByRole('button', { name: 'Visa' }).click()]);
    expect(await page.getByRole('row', { name: new RegExp(lock.registryNumber) }).count()).toBe(1);
    await checkPage(page, '21b-enhetens-arenden-avslutade');
    await Promise.all([page.waitForURL(`${b.system.consoleUrl}/arenden/${lock.id}`), page.getByRole('link', { name: lock.registryNumber }).click()]);
    await checkPage(page, '21c-arende-las-upp');

    // The unlock, with the keyboard alone: from the executed lock, first incomplete, then completed.
    await tabTo(page, { id: 'request-unlock' });
    await Promise.all([page.waitForURL(/\/upplasning\/ny\?las=/), page.keyboard.press('Enter')]);
    expect(await page.locator('#lock-ref').innerText()).toContain(lock.registryNumber);
    await checkPage(page, '22-begar-upplasning');
    await tabTo(page, { text: 'Skicka begäran om upplåsning' });
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.getByRole('heading', { name: 'Det finns fel i formuläret' }).waitFor();
    expect(await page.locator('.error-summary:focus').count()).toBe(1);
    expect(await page.locator('#f-resident-personnummer-error').innerText()).toContain('Ange ett giltigt personnummer');
    await checkPage(page, '22b-begar-upplasning-fel');
    await typeInto(page, 'f-resident-personnummer', ELIN.personnummer);
    await typeInto(page, 'f-resident-name', ELIN.name);
    await tabTo(page, { id: 'f-decision-reasons-1' }); // Hotbilden har upphört
    await page.keyboard.press('Space');
    await typeInto(page, 'f-decision-motivation', 'Hotbilden har upphört enligt polisen.');
    await typeInto(page, 'f-decision-journalNoteRef', 'Journalanteckning 2026-11-21');
    await typeInto(page, 'f-decision-chiefPhysicianInformedAt', '2026-11-21 09:00');
    await tabTo(page, { id: 'f-patientInformed-informed' });
    await page.keyboard.press('Space'); // Ja
    await typeInto(page, 'f-requestingUnit-name', UNIT.name);
    await typeInto(page, 'f-requestingUnit-headEmail', UNIT.headEmail);
    await tabTo(page, { text: 'Skicka begäran om upplåsning' });
    await Promise.all([page.waitForURL(UUID_IN_PATH), page.keyboard.press('Enter')]);
    expect(await page.locator('p.lead').innerText()).toContain('Upplåsning av inloggning');
    await page.locator('#case-live[data-settled="true"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#case-status').innerText()).toBe('Avslutat');
    expect(await page.locator('#case-outcome').innerText()).toBe('Utförd');
    expect(await page.getByRole('link', { name: lock.registryNumber }).count()).toBe(1);
    await checkPage(page, '23-arende-upplasning');
    // R10: the lock now names the unlock that lifted it, and offers no second unlock.
    const lifted = await api<CaseView>(DR_A, `/cases/${lock.id}`);
    expect(lifted.relatedCases).toEqual(expect.arrayContaining([expect.objectContaining({ relation: 'LIFTED_BY', id: UUID_IN_PATH.exec(page.url())![1] })]));
    await page.goto(`${b.system.consoleUrl}/arenden/${lock.id}`);
    expect(await page.locator('#request-unlock').count()).toBe(0);

    // The journal seal: what to seal left out is named beside the question; then the whole journal.
    await Promise.all([page.waitForURL(/\/forsegling\/ny$/), page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Begär försegling' }).click()]);
    await checkPage(page, '24-begar-forsegling');
    await page.fill('#f-resident-personnummer', BERIT.personnummer);
    await page.fill('#f-resident-name', BERIT.name);
    await page.check('#f-decision-reasons-1');
    await page.fill('#f-decision-motivation', 'Journalen kan skada tredje person.');
    await page.fill('#f-decision-journalNoteRef', 'Journalanteckning 2026-11-22');
    await page.fill('#f-decision-chiefPhysicianInformedAt', '2026-11-22 10:00');
    await page.check('#f-patientInformed-informed');
    await page.fill('#f-requestingUnit-name', UNIT.name);
    await page.fill('#f-requestingUnit-headEmail', UNIT.headEmail);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Skicka begäran om försegling' }).click()]);
    expect(await page.locator('#f-sealScope-whole-error').innerText()).toContain('hela journalen');
    await checkPage(page, '24b-begar-forsegling-fel');
    await page.check('#f-sealScope-whole');
    await Promise.all([page.waitForURL(UUID_IN_PATH), page.getByRole('button', { name: 'Skicka begäran om försegling' }).click()]);
    expect(await page.locator('p.lead').innerText()).toContain('Försegling av journal');
    const seal = await api<CaseView>(DR_A, `/cases/${UUID_IN_PATH.exec(page.url())![1]}`);
    expect(seal.type).toBe('JOURNAL_SEAL');

    // A guardian block is the unit head's decision (R1): the clinician is told what to do instead.
    await Promise.all([page.waitForURL(/\/vardnadshavare\/blockera$/), page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Blockera vårdnadshavare' }).click()]);
    expect(await page.locator('main').innerText()).toContain('Kontakta din verksamhetschef');
    expect(await page.locator('form[action="/vardnadshavare/blockera"]').count()).toBe(0);
    await checkPage(page, '25-blockera-vardnadshavare-vardpersonal');
    const refused = await page.request.post(`${b.system.consoleUrl}/vardnadshavare/blockera`, { form: { _csrf: await csrfOf(page) }, maxRedirects: 0 });
    expect(refused.status()).toBe(403);
    await context.close();
  }, 150_000);

  it("the unit head's day: a review that is due decided as keep, and a guardian block", async () => {
    const { context, page } = await newContext(b);
    await signIn(b, page, 'Bo Berg');
    await page.getByRole('heading', { name: 'Välkommen, Bo Berg' }).waitFor();
    await checkPage(page, '26-start-verksamhetschef');
    const lock = await fileLock(page, OSKAR);

    // R9: the review falls due (reminded) a few seconds after the lock was executed.
    await Promise.all([page.waitForURL(/\/omprovningar$/), page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Omprövningar' }).click()]);
    const row = page.getByRole('row', { name: new RegExp(lock.registryNumber) });
    await pollUntil(
      async () => {
        await page.reload();
        return (await row.count()) === 1 && /Påmind|Eskalerad/.test(await row.innerText()) ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 1_000, what: 'the review to fall due' },
    );
    await checkPage(page, '27-omprovningar');

    // Each decision says what it does before it is made.
    await Promise.all([page.waitForURL(/\/omprovningar\/[0-9a-f-]{36}\/las-upp$/), row.getByRole('link', { name: /^Lås upp/ }).click()]);
    expect(await page.locator('#s-what + p').innerText()).toContain('Ett ärende om upplåsning öppnas');
    await checkPage(page, '27b-omprovning-las-upp');
    await Promise.all([page.waitForURL(/\/behall$/), page.getByRole('link', { name: 'Behåll låsningen i stället' }).click()]);
    expect(await page.locator('#s-what + p').innerText()).toContain('Inloggningen förblir låst');
    await checkPage(page, '27c-omprovning-behall');
    await page.check('#f-decision-reasons-1');
    await page.fill('#f-decision-motivation', 'Hotbilden kvarstår.');
    await page.fill('#f-decision-journalNoteRef', 'Omprövning 2026-11-23');
    await Promise.all([page.waitForURL(/\/omprovningar\?utfall=KEEP_LOCKED/), page.getByRole('button', { name: 'Besluta att låsningen behålls' }).click()]);
    expect(await page.locator('#review-notice').innerText()).toContain('Beslutet är registrerat: låsningen behålls');
    expect(await page.getByRole('row', { name: new RegExp(lock.registryNumber) }).count()).toBe(0);
    await checkPage(page, '27d-omprovningar-beslutad');
    // review-scheduler learns of the decision by an event: the review is DECIDED once it has.
    const decided = await pollUntil(
      async () => (await api<{ reviews: ReviewView[] }>(BO_BERG, '/reviews?state=all')).reviews.find((r) => r.caseId === lock.id && r.status === 'DECIDED'),
      { timeoutMs: 15_000, what: 'the review decided' },
    );
    expect(decided.outcome).toBe('KEEP_LOCKED');
    await Promise.all([page.waitForURL(`${b.system.consoleUrl}/arenden/${lock.id}`), page.getByRole('link', { name: 'Öppna låsningens ärende' }).click()]);
    expect(await page.locator('table.timeline').innerText()).toContain('inloggningen förblir låst');

    // The guardian block: a guardian the population register does not list is named beside the field.
    await Promise.all([page.waitForURL(/\/vardnadshavare\/blockera$/), page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Blockera vårdnadshavare' }).click()]);
    await checkPage(page, '28-blockera-vardnadshavare');
    await page.fill('#f-child-personnummer', LO.personnummer);
    await page.fill('#f-child-name', LO.name);
    await page.fill('#f-guardians', ASA);
    await page.check('#f-decision-reasons-1');
    await page.fill('#f-decision-motivation', 'Barnet riskerar betydande skada om vårdnadshavaren läser journalen.');
    await page.fill('#f-guardianInformedBy', 'Socialtjänsten informerar vårdnadshavaren');
    await page.fill('#f-requestingUnit-name', UNIT.name);
    await page.fill('#f-requestingUnit-headEmail', UNIT.headEmail);
    await page.fill('#f-confirmationEmails', `${UNIT.headEmail}\nkurator@testkoping.example`);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Skicka beslutet' }).click()]);
    expect(await page.locator('#f-guardians-error').innerText()).toContain('står inte som barnets vårdnadshavare');
    expect(await page.locator('#f-guardians').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, '28b-blockera-vardnadshavare-fel');
    await page.fill('#f-guardians', ERIK);
    await Promise.all([page.waitForURL(/\/vardnadshavare\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Skicka beslutet' }).click()]);
    await page.getByRole('heading', { name: /^Blockering / }).waitFor();
    // R18: the effects told at once; the child's own lock follows as a case of its own.
    expect(await page.locator('#case-status').innerText()).toMatch(/^(Mottagen|Blockeringen utförs|Blockerad)$/);
    expect(await page.locator('main').innerText()).toContain('Barnets inloggning till 1177 e-tjänster låses');
    await checkPage(page, '29-blockering');
    await context.close();

    // Never a personnummer in a URL; never in the console's logs.
    expect(b.visitedUrls.filter((u) => EVERY_PERSONNUMMER.some((p) => u.includes(p)))).toEqual([]);
    expect(b.system.logs.filter((l) => l.service === 'console' && EVERY_PERSONNUMMER.some((p) => l.line.includes(p)))).toEqual([]);
  }, 150_000);
});

async function csrfOf(page: Page): Promise<string> {
  return (await page.locator('input[name="_csrf"]').first().getAttribute('value')) ?? '';
}
