import { Page } from 'playwright-core';
import { ConsoleBrowser, checkPage, newContext, signIn, startConsoleBrowser, tabTo, typeInto } from './browser';

/**
 * The contact centre's day (routine 002, R18–R20) in a real browser against the whole running system:
 * Eva Ek (VGR's contact centre) takes a unit head's call and files a guardian block with the keyboard
 * alone, sees it BLOCKED, copies the drafted EHR note, does the follow-up tasks, and lifts the block
 * after the unit head's threat check (R19). VGR runs the staff tool over http, so the simulator shows
 * what reached it.
 */

const LO = { personnummer: '201604202448', name: 'Lo Exempelsson' };
const ERIK = '197805141236';
const MARIA = '198009302467';
const BO = { hsaId: 'SE2321000131-E000000000012', name: 'Bo Berg' };
const DR_A_HSA = 'SE2321000131-E000000000011';
const UNIT = { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Testköping', headEmail: 'verksamhetschef@testkoping.example' };
const MOTIVATION = 'Pappan har hotat barnet enligt polisanmälan 2026-11-18';
const PERSONNUMMER = /(19|20)\d{10}/;

describe('the contact centre in a browser (002: guardian block and unblock)', () => {
  let b: ConsoleBrowser;

  beforeAll(async () => {
    b = await startConsoleBrowser();
  }, 180_000);

  afterAll(async () => {
    await b?.close();
  }, 60_000);

  async function blockedGuardians(personnummer: string): Promise<string[]> {
    const res = await fetch(`${b.system.simulatorUrl}/staff-tool/accounts/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personnummer }) });
    return ((await res.json()) as { blockedGuardians: string[] }).blockedGuardians.sort();
  }

  /** Tab to a button or link by its text and press Enter; wait for the page it leads to. */
  async function press(page: Page, text: string, url?: RegExp): Promise<void> {
    await tabTo(page, { text });
    await Promise.all([url ? page.waitForURL(url) : page.waitForLoadState('load'), page.keyboard.press('Enter')]);
  }

  it('Eva Ek files a phoned-in block with the keyboard, sees it BLOCKED, copies the EHR note, does the tasks and lifts it after the threat check', async () => {
    const { context, page } = await newContext(b);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: b.system.consoleUrl });
    await signIn(b, page, 'Eva Ek');
    await page.getByRole('heading', { name: 'Välkommen, Eva Ek' }).waitFor();
    await checkPage(page, '40-start-kontaktcenter');
    expect(await page.locator('nav').innerText()).toContain('Kontaktcenter');
    expect(await page.locator('nav').innerText()).not.toContain('Begär låsning');

    // The contact centre's desk: its queue (empty: VGR's staff tool runs over http) and the form.
    await press(page, 'Kontaktcenter', /\/kontaktcenter$/);
    expect(await page.locator('#queue-empty').innerText()).toContain('Kön är tom');
    await checkPage(page, '41-kontaktcenter');
    await press(page, 'Blockera vårdnadshavare', /\/vardnadshavare\/ny-blockering$/);
    await checkPage(page, '42-blockera-vardnadshavare');
    expect(await page.locator('#f-channel').isChecked()).toBe(true); // by phone
    expect(await page.locator('#f-urgent').isChecked()).toBe(true);

    // Sent empty: the gateway's problems beside the fields, in Swedish, the summary focused.
    await press(page, 'Registrera blockering');
    await page.getByRole('heading', { name: 'Det finns fel i formuläret' }).waitFor();
    expect(await page.locator('.error-summary:focus').count()).toBe(1);
    expect(await page.locator('#f-child-personnummer-error').innerText()).toContain('barnets personnummer');
    expect(await page.locator('#f-guardians-0-personnummer-error').innerText()).toContain('vårdnadshavarens personnummer');
    expect(await page.locator('#f-confirmationEmails-error').innerText()).toContain('en per rad');
    expect(await page.locator('#f-child-personnummer').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, '43-blockera-vardnadshavare-fel');

    // Completed as the unit head said on the phone, first with a clinician as the decision maker (R1).
    await typeInto(page, 'f-child-personnummer', LO.personnummer);
    await typeInto(page, 'f-child-name', LO.name);
    await typeInto(page, 'f-guardians-0-personnummer', ERIK);
    await typeInto(page, 'f-guardians-1-personnummer', MARIA);
    await typeInto(page, 'f-decision-decidedBy-hsaId', DR_A_HSA);
    await typeInto(page, 'f-decision-decidedBy-name', 'Dr A');
    await typeInto(page, 'f-decision-motivation', MOTIVATION);
    await tabTo(page, { id: 'f-concernReported' });
    await page.keyboard.press('Space');
    await typeInto(page, 'f-guardianInformedBy', 'Kurator Karin Karlsson, telefon 2026-11-20');
    await typeInto(page, 'f-requestingUnit-hsaId', UNIT.hsaId);
    await typeInto(page, 'f-requestingUnit-name', UNIT.name);
    await typeInto(page, 'f-requestingUnit-headEmail', UNIT.headEmail);
    await typeInto(page, 'f-confirmationEmails', UNIT.headEmail);
    await page.keyboard.press('Enter');
    await page.keyboard.type('kurator@testkoping.example');
    await press(page, 'Registrera blockering');
    expect(await page.locator('#f-decision-decidedBy-hsaId-error').innerText()).toContain('inte verksamhetschef enligt HSA-katalogen');
    expect(await page.locator('.field-error').count()).toBe(1);
    // What was typed is kept (the personnummer in the form, not in a URL).
    expect(await page.locator('#f-child-personnummer').inputValue()).toBe(LO.personnummer);

    await typeInto(page, 'f-decision-decidedBy-hsaId', BO.hsaId);
    await typeInto(page, 'f-decision-decidedBy-name', BO.name);
    await press(page, 'Registrera blockering', /\/vardnadshavare\/[0-9a-f-]{36}\?klart=registrerad$/);
    const blockUrl = page.url().replace(/\?.*$/, '');
    const registryNumber = (await page.locator('h1').innerText()).replace('Blockering av vårdnadshavare ', '');
    expect(registryNumber).toMatch(/^VGR-\d{4}-VB-\d{6}$/);
    expect(await page.getByRole('status').first().innerText()).toContain('Blockeringen är registrerad.');

    // The staff tool blocks both guardians; the page refreshes itself to BLOCKED.
    await page.locator('#case-live[data-settled="true"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#case-status').innerText()).toBe('Blockerad');
    expect(await page.locator('#guardians tbody').innerText()).toMatch(new RegExp(`${ERIK}\\s+Ja[\\s\\S]*${MARIA}\\s+Ja`));
    expect(await blockedGuardians(LO.personnummer)).toEqual([ERIK, MARIA].sort());
    // R18: the child's login is locked as a case of its own; the contact centre does not open cases.
    const linked = await page.locator('#linked-lock').innerText();
    expect(linked).toMatch(/Låses som eget ärende: VGR-\d{4}-\d{6}/);
    expect(await page.locator('#linked-lock a').count()).toBe(0);
    expect(await page.locator('#uppgifter').innerText()).toContain('3 av 3 uppgifter återstår');
    await checkPage(page, '44-blockering-blockerad');

    // The drafted EHR note, read-only, copied with the keyboard.
    const note = await page.locator('#ehr-note').inputValue();
    expect(note).toContain('Administrativ anteckning');
    expect(note).toContain('Sökord: Åtgärd');
    expect(note).toContain(MOTIVATION);
    expect(note).toContain('Orosanmälan till socialförvaltningen har gjorts.');
    expect(note).toContain(`Beslut: ${BO.name} (${BO.hsaId}), verksamhetschef`);
    expect(note).not.toMatch(PERSONNUMMER);
    expect(await page.locator('#ehr-note').getAttribute('readonly')).not.toBeNull();
    await tabTo(page, { text: 'Kopiera' });
    await page.keyboard.press('Enter');
    await page.locator('#ehr-note-copied', { hasText: 'Texten är kopierad.' }).waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(note);

    // The follow-up tasks, each marked done by its form (the console's POST calls the API's PATCH).
    await typeInto(page, (await page.locator('.task input[name="note"]').first().getAttribute('id')) as string, 'Mobilnumren borttagna i Cosmic Reminders');
    await Promise.all([page.waitForURL(/\?klart=klar#uppgifter$/), page.keyboard.press('Enter')]);
    expect(await page.getByRole('status').first().innerText()).toContain('Uppgiften är markerad som klar.');
    expect(await page.locator('#uppgifter').innerText()).toContain('2 av 3 uppgifter återstår');
    expect(await page.locator('#uppgifter').innerText()).toContain('Mobilnumren borttagna i Cosmic Reminders');
    await checkPage(page, '45-blockering-uppgift-klar');
    for (const left of ['1 av 3 uppgifter återstår', 'Alla uppgifter är klara.']) {
      // The page after the redirect has the same address as the one before: wait for what it says.
      await tabTo(page, { text: 'Markera som klar' });
      await page.keyboard.press('Enter');
      await page.locator('#uppgifter', { hasText: left }).waitFor();
    }
    // R8: every task done and the block in effect: the contact centre's handling is over, the free text reduced.
    expect(await page.locator('#case-status').innerText()).toBe('Avslutad');
    expect(await page.locator('#ehr-note').inputValue()).toContain('Grund för beslutet: [gallrad]');
    expect(await page.locator('#guardians tbody').innerText()).not.toContain('Nej');
    await checkPage(page, '46-blockering-avslutad');

    // The desk remembers the block for the rest of the session (the API has no list of blocks).
    await page.goto(`${b.system.consoleUrl}/kontaktcenter`);
    expect(await page.locator('#recent-blocks a').first().innerText()).toBe(registryNumber);
    expect(await page.locator('#recent-blocks a').first().getAttribute('href')).toBe(new URL(blockUrl).pathname);
    await page.goto(blockUrl);

    // R19: the unblock asks for the unit head's threat check; sent without it, the questions say so.
    await press(page, 'Häv blockeringen', /\/hav-blockering$/);
    await checkPage(page, '47-hav-blockering');
    await typeInto(page, 'f-threatCheck-summary', 'BUP och socialtjänsten ser ingen hotbild');
    await typeInto(page, 'f-decision-decidedBy-hsaId', BO.hsaId);
    await typeInto(page, 'f-decision-decidedBy-name', BO.name);
    await typeInto(page, 'f-decision-motivation', 'Ingen hotbild kvarstår');
    await press(page, 'Häv blockeringen');
    await page.getByRole('heading', { name: 'Det finns fel i formuläret' }).waitFor();
    expect(await page.locator('#f-threatCheck-otherUnitsConsulted-error').innerText()).toContain('andra verksamheter');
    expect(await page.locator('#f-threatCheck-socialServicesConsulted-error').innerText()).toContain('socialtjänsten');
    await checkPage(page, '48-hav-blockering-fel');
    await tabTo(page, { id: 'f-threatCheck-otherUnitsConsulted' });
    await page.keyboard.press('Space');
    await tabTo(page, { id: 'f-threatCheck-socialServicesConsulted' });
    await page.keyboard.press('Space');
    await press(page, 'Häv blockeringen', /\?klart=havd$/);
    await page.locator('#case-live[data-settled="true"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#case-status').innerText()).toBe('Blockeringen hävd');
    expect(await page.locator('#guardians tbody').innerText()).not.toContain('Ja');
    expect(await blockedGuardians(LO.personnummer)).toEqual([]);
    expect(await page.locator('#ehr-note-unblock').inputValue()).toContain('BUP och socialtjänsten ser ingen hotbild');
    expect(await page.locator('#uppgifter').innerText()).toContain('Dokumentera borttagandet av blockeringen');
    await checkPage(page, '49-blockering-havd');

    // Never a personnummer in a URL; never in the console's logs.
    for (const pnr of [LO.personnummer, ERIK, MARIA]) {
      expect(b.visitedUrls.filter((u) => u.includes(pnr))).toEqual([]);
      expect(b.system.logs.filter((l) => l.service === 'console' && l.line.includes(pnr))).toEqual([]);
    }
    await context.close();
  }, 120_000);

  it('in Jönköping the staff tool is worked by hand: the block waits in the contact centre’s queue, which links to it', async () => {
    const { context, page } = await newContext(b);
    await signIn(b, page, 'Vera Vik');
    await page.goto(`${b.system.consoleUrl}/vardnadshavare/ny-blockering`);
    const form: Record<string, string> = {
      'f-child-personnummer': LO.personnummer,
      'f-child-name': LO.name,
      'f-guardians-0-personnummer': ERIK,
      'f-decision-decidedBy-hsaId': 'SE2321000057-E000000000012',
      'f-decision-decidedBy-name': 'Tor Tell',
      'f-decision-motivation': MOTIVATION,
      'f-guardianInformedBy': 'Kurator Karlsson, 2026-11-20',
      'f-requestingUnit-hsaId': 'SE2321000057-E000000000001',
      'f-requestingUnit-name': 'Vårdcentralen Jönköping',
      'f-requestingUnit-headEmail': 'chef@rjl-vc.example',
      'f-confirmationEmails': 'chef@rjl-vc.example',
    };
    for (const [id, value] of Object.entries(form)) await page.locator(`#${id}`).fill(value);
    await Promise.all([page.waitForURL(/\/vardnadshavare\/[0-9a-f-]{36}\?klart=registrerad$/), page.getByRole('button', { name: 'Registrera blockering' }).click()]);
    const blockPath = new URL(page.url()).pathname;
    const registryNumber = (await page.locator('h1').innerText()).replace('Blockering av vårdnadshavare ', '');
    expect(await page.locator('#case-status').innerText()).toBe('Blockeringen utförs');

    // The contact centre's queue has the manual execution, linked to the block (the case it names).
    await page.goto(`${b.system.consoleUrl}/kontaktcenter`);
    const row = page.locator('#queue tbody tr', { hasText: registryNumber });
    await row.waitFor();
    expect(await row.innerText()).toContain('Verkställ i personalverktyget');
    expect(await row.locator('a').getAttribute('href')).toBe(blockPath);
    expect(await page.locator('#queue').innerText()).not.toMatch(PERSONNUMMER);
    await checkPage(page, '41b-kontaktcenter-ko-jonkoping');
    await Promise.all([page.waitForURL(`${b.system.consoleUrl}${blockPath}`), row.locator('a').click()]);
    expect(await page.locator('h1').innerText()).toContain(registryNumber);
    await context.close();
  }, 60_000);

  it('a clinician has no contact-centre pages; a block that is not there is a Swedish 404', async () => {
    const { context, page } = await newContext(b);
    await signIn(b, page, 'Dr A');
    await page.getByRole('heading', { name: 'Välkommen, Dr A' }).waitFor();
    expect(await page.locator('nav').innerText()).not.toContain('Kontaktcenter');
    const desk = await page.goto(`${b.system.consoleUrl}/kontaktcenter`);
    expect(desk?.status()).toBe(403);
    const missing = await page.goto(`${b.system.consoleUrl}/vardnadshavare/00000000-0000-4000-8000-000000000000`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Blockeringen finns inte');
    await context.close();
  }, 60_000);
});
