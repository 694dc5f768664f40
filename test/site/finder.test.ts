import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './browser.ts';
import { servedSite } from './served-site.ts';

// The deadline finder (termijnenwijzer) answers the question (issue 18, point 3): the steps with a date
// as a timeline, the steps without a term folded away, extensions and the submission window spelt out.

const site = servedSite();
const pageErrors: string[] = [];

interface Open {
  assignmentEnded?: string;
  /** The visitor's clock, as an instant. */
  now?: string;
  /** Changes the regulation page before the browser sees it. */
  rewrite?: (html: string) => string;
}

/** Opens a regulation page and lets the finder compute for `received`, as a visitor would. */
async function finder(slug: string, received: string, options: Open = {}): Promise<Page> {
  const page = await site.browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${slug}: ${error.message}`));
  const rewrite = options.rewrite;
  if (rewrite)
    await page.route(`${site.url}/${slug}/`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: rewrite(await response.text()) });
    });
  if (options.now !== undefined) await page.clock.setFixedTime(new Date(options.now));
  await page.goto(`${site.url}/${slug}/`);
  if (options.assignmentEnded !== undefined) await page.fill('#opdracht-einde', options.assignmentEnded);
  await page.fill('#ontvangen', received);
  await page.press('#ontvangen', 'Enter');
  await page.locator('[data-finder-result] h3').waitFor();
  return page;
}

interface Entry {
  /** The datetime of each date shown. */
  dates: string[];
  text: string;
}

/** The timeline: per item its dates (from <time datetime>) and its text. */
async function timeline(page: Page): Promise<Entry[]> {
  const items = page.locator('[data-finder-result] ol > li');
  const entries: Entry[] = [];
  for (const item of await items.all()) {
    const dates = await item.locator('time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
    entries.push({ dates, text: (await item.innerText()).replace(/\s+/g, ' ') });
  }
  return entries;
}

/** The steps without a term, folded under 'Overige stappen'. */
async function others(page: Page): Promise<{ open: boolean; summary: string; steps: string[] } | undefined> {
  const details = page.locator('[data-finder-result] details');
  if ((await details.count()) === 0) return undefined;
  return {
    open: await details.evaluate((d: HTMLDetailsElement) => d.open),
    summary: await details.locator('summary').innerText(),
    steps: await details.locator('li strong').allTextContents(),
  };
}

const RECEIVED = '2026-04-01';

/** Per organisation: the timeline (date or none, then the title) and how many steps are folded away. */
const EXPECTED: Record<string, { timeline: [string | null, string][]; others: number }> = {
  pit: {
    timeline: [
      ['2026-04-01', 'Klacht ontvangen'],
      ['2026-04-15', 'Klacht behandeld'],
    ],
    others: 1,
  },
  're-integratiedienst': {
    // 5 and 10 working days skip Goede Vrijdag and Tweede Paasdag.
    timeline: [
      ['2026-04-01', 'Klacht ontvangen'],
      ['2026-04-10', 'Ontvangst bevestigd'],
      ['2026-04-17', 'Schriftelijk voortgangsbericht'],
      ['2026-04-29', 'Schriftelijke reactie met bevindingen'],
    ],
    others: 0,
  },
  coulant: {
    timeline: [
      ['2026-04-01', 'Klacht ingediend'],
      ['2026-04-15', 'Ontvangst schriftelijk bevestigd met klachtnummer en naam behandelaar'],
      ['2026-04-29', 'Schriftelijk bericht dat de klacht niet in behandeling wordt genomen'],
      ['2026-05-13', 'Acties en maatregelen uitgevoerd'],
    ],
    others: 11,
  },
  organize4all: {
    // 20 working days skip Goede Vrijdag, Tweede Paasdag and Koningsdag.
    timeline: [
      ['2026-04-01', 'Klacht ontvangen'],
      ['2026-05-04', 'Schriftelijke afhandeling met bevindingen en conclusies'],
    ],
    others: 2,
  },
  mvz: {
    timeline: [
      ['2026-04-01', 'Klacht ontvangen'],
      ['2026-04-15', 'Ontvangstbevestiging met omschrijving en verwachte termijn'],
      ['2026-04-29', 'Schriftelijk bericht dat de klacht ongegrond is en niet in behandeling wordt genomen'],
      ['2026-05-13', 'Oordeel en aanbod telefonisch besproken, met schriftelijk verslag'],
      // Counts from an event without a date: last, without a date.
      [null, 'Schriftelijk verslag aan alle betrokkenen'],
    ],
    others: 5,
  },
};

describe('the deadline finder answers the question', () => {
  it.each(Object.entries(EXPECTED))('%s: a timeline of the steps with a date, the rest folded away', async (slug, expected) => {
    const page = await finder(slug, RECEIVED);
    await expect(page.locator('[data-finder-result] h3').innerText()).resolves.toBe('Bij ontvangst op woensdag 1 april 2026');
    const entries = await timeline(page);
    expect(entries.map((e) => e.dates[0] ?? null)).toEqual(expected.timeline.map(([date]) => date));
    expected.timeline.forEach(([, title], index) => {
      expect(entries[index]?.text).toContain(title);
    });
    const folded = await others(page);
    if (expected.others === 0) expect(folded).toBeUndefined();
    else {
      expect(folded).toMatchObject({ open: false, summary: `Overige stappen (${String(expected.others)})` });
      expect(folded?.steps).toHaveLength(expected.others);
    }
    await page.close();
  });

  it("Coulant: the eleven steps without a term are folded under 'Overige stappen', said once", async () => {
    const page = await finder('coulant', RECEIVED);
    const result = page.locator('[data-finder-result]');
    // Folded: the timeline is what shows; the rest opens on request.
    await expect(result.getByText('Coördinator geïnformeerd').isVisible()).resolves.toBe(false);
    const text = await result.textContent();
    expect(text?.match(/geen termijn/g)).toHaveLength(1);
    await result.locator('summary').click();
    await expect(result.getByText('Coördinator geïnformeerd').isVisible()).resolves.toBe(true);
    await expect(result.locator('details').innerText()).resolves.toContain('Voor deze stappen noemt het reglement geen termijn.');
    const entries = await timeline(page);
    expect(entries[2]?.text).toContain('Alleen als de klacht niet in behandeling wordt genomen.');
    await page.close();
  });

  it("MVZ: says that the offer's term may be extended, and by when the complainant hears of it", async () => {
    const page = await finder('mvz', RECEIVED);
    const offer = (await timeline(page))[3]!;
    expect(offer.dates).toEqual(['2026-05-13']);
    expect(offer.text).toContain('uiterlijk woensdag 13 mei 2026, of later als de termijn wordt verlengd');
    expect(offer.text).toContain('De organisatie mag deze termijn verlengen en legt dan uit waarom.');
    expect(offer.text).toContain('Het reglement noemt geen grens voor de verlenging.');
    expect(offer.text).toContain('Een verlenging hoort u uiterlijk woensdag 13 mei 2026.');
    // Only the offer may be extended.
    expect((await timeline(page))[1]?.text).not.toContain('verleng');
    await page.close();
  });

  it("MVZ: the report counts from resolving the complaint, in one sentence that doesn't contradict itself", async () => {
    const page = await finder('mvz', RECEIVED);
    const report = (await timeline(page))[4]!;
    expect(report.dates).toEqual([]);
    expect(report.text).toContain('uiterlijk 2 weken na het oplossen van de klacht');
    expect(report.text).not.toContain('eerdere datum');
    expect(report.text).not.toContain('de hele termijn');
    await page.close();
  });

  it("gives the latest date with extension where the regulation limits it ('met verlenging uiterlijk …')", async () => {
    // MVZ's regulation names no limit; here one extension of at most 4 weeks, as the Awb allows.
    const limited = '"extension":{"allowed":true,"max":{"amount":4,"unit":"weeks"},"times":1,"steps":["aanbod"],';
    const page = await finder('mvz', RECEIVED, {
      rewrite: (html) => html.replace(/"extension":\{"allowed":true,/, limited),
    });
    const offer = (await timeline(page))[3]!;
    expect(offer.dates).toEqual(['2026-05-13', '2026-06-10']);
    expect(offer.text).toContain('uiterlijk woensdag 13 mei 2026; met verlenging uiterlijk woensdag 10 juni 2026');
    expect(offer.text).not.toContain('geen grens');
    await page.close();
  });

  it('Organize4all: says whether the complaint falls inside the submission window', async () => {
    const verdict = async (received: string, assignmentEnded?: string): Promise<string> => {
      const page = await finder('organize4all', received, assignmentEnded === undefined ? {} : { assignmentEnded });
      const text = (await page.locator('[data-finder-result]').innerText()).replace(/\s+/g, ' ');
      await page.close();
      return text;
    };
    // 30 working days after 1 April 2026 end on 20 May: the last day itself is inside.
    const inside = await verdict('2026-05-20', '2026-04-01');
    expect(inside).toContain('Uw klacht valt binnen de termijn: indienen kan tot en met woensdag 20 mei 2026.');
    expect(inside).toContain('30 werkdagen na afronding van de opdracht op woensdag 1 april 2026');
    const outside = await verdict('2026-05-21', '2026-04-01');
    expect(outside).toContain('Uw klacht valt buiten de termijn: indienen kon tot en met woensdag 20 mei 2026.');
    expect(outside).not.toContain('binnen de termijn');
    const unknown = await verdict('2026-05-21');
    expect(unknown).toContain('Een klacht indienen kan tot 30 werkdagen na afronding van de opdracht.');
    expect(unknown).toContain('Vul het einde van de opdracht in');
  });

  it('marks today on the timeline, as a date in Amsterdam', async () => {
    // 23:30 UTC on 14 April is 15 April in Amsterdam: the acknowledgement is due today.
    const page = await finder('mvz', RECEIVED, { now: '2026-04-14T23:30:00Z' });
    const entries = await timeline(page);
    expect(entries[1]?.text).toContain('uiterlijk vandaag, woensdag 15 april 2026');
    expect(entries[0]?.text).not.toContain('vandaag');
    await page.close();
  });

  it('is accessible: live result, headings, a list of dates with datetime, plain sentences', async () => {
    const page = await finder('mvz', RECEIVED);
    const result = page.locator('[data-finder-result]');
    await expect(result.getAttribute('aria-live')).resolves.toBe('polite');
    await expect(result.locator('ol time').count()).resolves.toBe(4);
    for (const time of await result.locator('time').all())
      expect(await time.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await result.locator('summary').click();
    // No sentence glued to the next ("termijn.Wie") and no words joined.
    const text = await result.innerText();
    expect(text).not.toMatch(/[a-zà-ÿ0-9)][.!?;:][A-Z]/);
    expect(text).not.toMatch(/[a-zà-ÿ][A-Z][a-zà-ÿ]/);
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
