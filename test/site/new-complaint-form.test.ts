import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { klachten, scratchProject } from '../scenarios/run-cli.ts';
import { axeViolations } from './browser.ts';
import { servedSite } from './served-site.ts';

const site = servedSite();
const pageErrors: string[] = [];

async function openForm(): Promise<Page> {
  const page = await site.browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${site.url}/nieuwe-klacht/`);
  await page.locator('[data-form]').waitFor();
  return page;
}

/** The provisional id is random: the same everywhere else. */
function normalise(text: string): string {
  return text.replaceAll(/nieuw-[a-z0-9]{6}/g, 'nieuw-XXXXXX');
}

/** Runs `klachten new` with `flags` in a scratch project and returns the file it wrote. */
function cliFile(flags: string[]): string {
  const dir = scratchProject();
  const result = klachten(['new', ...flags, '--today', '2026-11-21'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const folder = join(dir, 'register/complaints/2026');
  const name = readdirSync(folder).find((f) => f.startsWith('nieuw-'));
  expect(name).toBeDefined();
  const text = readFileSync(join(folder, name!), 'utf8');
  rmSync(dir, { recursive: true, force: true });
  return text;
}

const LETTER =
  'Geachte heer, mevrouw,\n\nIk kreeg geen antwoord op mijn vragen.\nDat zit me niet lekker.\n\nMet vriendelijke groet';

describe('the staff form for a new complaint (/nieuwe-klacht/)', () => {
  it('is built on the public site, not indexed, and carries no search index entry', () => {
    const html = readFileSync(join(site.outDir, 'nieuwe-klacht/index.html'), 'utf8');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('data-pagefind-ignore="all"');
    expect(html).not.toContain('data-pagefind-body');
    // Not in the public menu.
    expect(readFileSync(join(site.outDir, 'index.html'), 'utf8')).not.toContain('nieuwe-klacht');
  });

  it('writes for re-integratiedienst the file klachten new writes for the same answers', async () => {
    const expected = cliFile([
      '--organisation',
      're-integratiedienst',
      '--received',
      '2026-11-20',
      '--channel',
      'post',
      '--name',
      'Test Verzonnen',
      '--email',
      'test.verzonnen@voorbeeld.example',
      '--address',
      'Verzonnenstraat 1, 1234 AB Nergensdorp',
      '--handler',
      'behandelaar-b',
      '--involved',
      'coach-a, coach-b',
      '--category',
      'termijnen',
      '--description',
      LETTER,
    ]);
    const page = await openForm();
    await page.selectOption('#organisatie', 're-integratiedienst');
    await page.fill('#ontvangen', '2026-11-20');
    await page.dispatchEvent('#ontvangen', 'change');
    await page.selectOption('#kanaal', 'post');
    expect(await page.locator('input[value="oral"]').isVisible()).toBe(false);
    await page.fill('#naam', 'Test Verzonnen');
    await page.fill('#email', 'test.verzonnen@voorbeeld.example');
    await page.fill('#adres', 'Verzonnenstraat 1, 1234 AB Nergensdorp');
    await page.fill('#behandelaar', 'behandelaar-b');
    await page.fill('#betrokkenen', 'coach-a, coach-b');
    await page.selectOption('#categorie', 'termijnen');
    await page.fill('#omschrijving', LETTER);
    // The deadlines follow at once, as in the finder.
    await page.locator('[data-plan]').getByText('Bij ontvangst op vrijdag 20 november 2026').waitFor();
    expect(await page.locator('[data-plan]').innerText()).toContain('uiterlijk vrijdag 27 november 2026');
    await page.click('button[type="submit"]');
    const file = page.locator('[data-file]');
    await file.waitFor();
    const text = await file.textContent();
    expect(normalise(text ?? '')).toBe(normalise(expected));
    expect(await page.locator('[data-where]').innerText()).toMatch(/register\/complaints\/2026\/nieuw-[a-z0-9]{6}\.md/);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('writes for mvz (oral, dated, address required) the file klachten new writes', async () => {
    const expected = cliFile([
      '--organisation',
      'mvz',
      '--received',
      '2026-11-19',
      '--channel',
      'phone',
      '--form',
      'oral',
      '--name',
      'Test Verzonnen',
      '--phone',
      '06 00000000',
      '--address',
      'Verzonnenstraat 1, 1234 AB Nergensdorp',
      '--dated',
      '2026-11-18',
      '--handler',
      'noloc-demo',
      '--category',
      'communicatie',
      '--description',
      'Een verzonnen klacht: "geen antwoord" # en een hekje.',
    ]);
    const page = await openForm();
    await page.selectOption('#organisatie', 'mvz');
    await page.fill('#ontvangen', '2026-11-19');
    await page.dispatchEvent('#ontvangen', 'change');
    await page.selectOption('#kanaal', 'phone');
    await page.check('input[value="oral"]');
    await page.fill('#naam', 'Test Verzonnen');
    await page.fill('#telefoon', '06 00000000');
    await page.fill('#adres', 'Verzonnenstraat 1, 1234 AB Nergensdorp');
    await page.fill('#dagtekening', '2026-11-18');
    await page.fill('#behandelaar', 'noloc-demo');
    await page.selectOption('#categorie', 'communicatie');
    await page.fill('#omschrijving', 'Een verzonnen klacht: "geen antwoord" # en een hekje.');
    await page.click('button[type="submit"]');
    await page.locator('[data-file]').waitFor();
    expect(normalise((await page.locator('[data-file]').textContent()) ?? '')).toBe(normalise(expected));
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('tells a wrong or missing answer in Dutch at its field, and axe finds no violation', async () => {
    const page = await openForm();
    expect(await axeViolations(page)).toEqual([]);
    await page.selectOption('#organisatie', 'mvz');
    await page.fill('#ontvangen', '2026-11-19');
    await page.dispatchEvent('#ontvangen', 'change');
    // 31 February, typed into the date field (month, day, year in Chromium's default locale).
    await page.locator('#dagtekening').pressSequentially('02312026');
    await page.click('button[type="submit"]');
    const dated = page.locator('#dagtekening');
    await expect.poll(() => dated.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await dated.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).toContain('dagtekening-fout');
    expect(await page.locator('#dagtekening-fout').innerText()).toContain('Vul een bestaande datum in');
    expect(await page.locator('[data-file-section]').isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    // Put right, the register's own checks speak: mvz asks for the name.
    await page.fill('#dagtekening', '2026-11-18');
    await page.fill('#adres', 'Verzonnenstraat 1');
    await page.fill('#omschrijving', 'Een klacht.');
    await page.click('button[type="submit"]');
    expect(await page.locator('#naam-fout').innerText()).toContain('naam van de klager');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('naam');
    await page.close();
  });

  it('copies the file and gives the path when no repository is set, keeping the text out of any address', async () => {
    const context = await site.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    const page = await context.newPage();
    await page.goto(`${site.url}/nieuwe-klacht/`);
    await page.selectOption('#organisatie', 'pit');
    await page.selectOption('#kanaal', 'email');
    await page.fill('#omschrijving', 'Geen antwoord gekregen.');
    await page.click('button[type="submit"]');
    const copy = page.locator('[data-copy]');
    await copy.waitFor();
    expect(await copy.innerText()).toBe('Kopieer de tekst');
    await copy.click();
    await page.locator('[data-copied]').getByText('Gekopieerd').waitFor();
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toBe(await page.locator('[data-file]').textContent());
    expect(page.url()).not.toContain('Geen');
    await context.close();
  });

  it("with a repository set, copies first and opens GitHub's new-file page with the name only", async () => {
    // The build of the demo has no repository option: this page gets one, as the integration passes it.
    const file = join(site.outDir, 'nieuwe-klacht/index.html');
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('"repository":null');
    writeFileSync(
      join(site.outDir, 'nieuwe-klacht/met-repository.html'),
      html.replace('"repository":null', '"repository":"voorbeeld/klachten"'),
    );
    const context = await site.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const opened: unknown[][] = [];
      (window as unknown as { opened: unknown[][] }).opened = opened;
      window.open = (...args: unknown[]) => {
        opened.push(args);
        return null;
      };
    });
    await page.goto(`${site.url}/nieuwe-klacht/met-repository.html`);
    await page.selectOption('#organisatie', 'pit');
    await page.fill('#ontvangen', '2026-11-20');
    // Keyboard only: Enter in a field makes the file.
    await page.press('#ontvangen', 'Enter');
    const copy = page.locator('[data-copy]');
    await copy.waitFor();
    expect(await copy.innerText()).toBe('Kopieer en open GitHub');
    await copy.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-copied]').getByText('Gekopieerd').waitFor();
    const text = (await page.locator('[data-file]').textContent()) ?? '';
    const id = /^id: (nieuw-[a-z0-9]{6})$/m.exec(text)?.[1];
    const opened = await page.evaluate(() => (window as unknown as { opened: unknown[][] }).opened);
    expect(opened).toEqual([
      [
        `https://github.com/voorbeeld/klachten/new/main/test/fixtures/sample/register/complaints/2026?filename=${id!}.md`,
        '_blank',
        'noopener',
      ],
    ]);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await context.close();
  });
});
