import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { RunningSystem, StartTestSystemOptions, startTestSystem } from '@accessdesk/testing';

/**
 * What every browser test of the console shares: the whole running system and Debian's Chromium
 * (driven by playwright-core; no browser is downloaded), axe-core on every page, the keyboard as a
 * person without a mouse uses it, and sign-in at the development OpenID provider by choosing a person.
 * `SCREENSHOTS_DIR=docs/screenshots` (npm run screenshots) also saves a picture of each page checked.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS_DIR = process.env.SCREENSHOTS_DIR;

export interface ConsoleBrowser {
  system: RunningSystem;
  browser: Browser;
  /** Every URL the browser requested, in every context: none may hold a personnummer. */
  visitedUrls: string[];
  close(): Promise<void>;
}

export async function startConsoleBrowser(options: StartTestSystemOptions = {}): Promise<ConsoleBrowser> {
  const [system, browser] = await Promise.all([startTestSystem(options), chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] })]);
  if (SCREENSHOTS_DIR) mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  return {
    system,
    browser,
    visitedUrls: [],
    async close() {
      await browser.close();
      await system.stop();
    },
  };
}

/** A fresh browser context (no cookies), Swedish, Stockholm time; its requests are recorded. */
export async function newContext(b: ConsoleBrowser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await b.browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  page.on('request', (req) => b.visitedUrls.push(req.url()));
  return { context, page };
}

/** axe-core on the page as it stands: no serious or critical violation; and its picture, when asked for. */
export async function checkPage(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const grave = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect({ page: name, violations: grave }).toEqual({ page: name, violations: [] });
  if (SCREENSHOTS_DIR) await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}

/** Presses Tab until the focused element matches (by its accessible text or id); as a keyboard user would. */
export async function tabTo(page: Page, target: { text?: string; id?: string }, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    if (target.id !== undefined) {
      if ((await focused.getAttribute('id')) === target.id) return;
    } else if ((await focused.innerText()).includes(target.text ?? '')) return;
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)} on ${page.url()}`);
}

/** Tabs to the field and types into it, replacing what it held. */
export async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, { id });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Sign-in by keyboard: the console's sign-in page, then the person on the provider's page. `screenshots` checks (and pictures) both pages. */
export async function signIn(b: ConsoleBrowser, page: Page, person: string, screenshots = false): Promise<void> {
  await page.goto(`${b.system.consoleUrl}/`);
  await page.waitForURL(/\/logga-in$/);
  if (screenshots) await checkPage(page, '01-logga-in');
  await tabTo(page, { text: 'Logga in' });
  await Promise.all([page.waitForURL(/\/oidc\/interaction\//), page.keyboard.press('Enter')]);
  if (screenshots) await checkPage(page, '02-utvecklingsinloggning');
  await tabTo(page, { text: person });
  await Promise.all([page.waitForURL(`${b.system.consoleUrl}/`), page.keyboard.press('Enter')]);
}
