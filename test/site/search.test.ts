import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedSite } from './served-site.ts';

// Search that lands on the passage (issue 18, point 4). 'dagtekening' occurs once in the sample's
// regulations: in article 2 of MVZLoopbaancoaching's, far down its page.
const TERM = 'dagtekening';

const site = servedSite();
const errors: string[] = [];

async function open(url: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await site.browser.newPage(viewport ? { viewport } : {});
  page.on('pageerror', (error) => errors.push(`${url}: ${error.message}`));
  await page.goto(site.url + url);
  return page;
}

/** Whether the element's box lies wholly inside the window (give or take the part of a pixel scrolling leaves). */
function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top > -1 && box.bottom < window.innerHeight + 1;
  }, selector);
}

/** The text of every <mark> on the page, and whether each lies between `from` and the next article heading. */
function marks(page: Page, from: string, to: string): Promise<{ text: string; inside: boolean }[]> {
  return page.evaluate(
    ({ from, to }) => {
      const start = document.getElementById(from);
      const end = document.getElementById(to);
      return [...document.querySelectorAll('mark')].map((mark) => ({
        text: mark.textContent,
        inside:
          start !== null &&
          end !== null &&
          Boolean(start.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) &&
          Boolean(end.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_PRECEDING),
      }));
    },
    { from, to },
  );
}

describe('search that lands on the passage', () => {
  it('links a result to the article that matched; the page opens there with the word marked', async () => {
    const page = await open('/zoeken/');
    await page.fill('#zoekterm', TERM);
    await page
      .locator('[data-search-status]')
      .filter({ hasText: `voor ‘${TERM}’` })
      .waitFor();
    const link = page.locator('[data-search-results] li a').first();
    expect(await link.textContent()).toBe('Klachtenreglement MVZLoopbaancoaching');
    const href = new URL((await link.getAttribute('href'))!, site.url);
    expect(href.pathname).toBe('/mvz/');
    expect(href.hash).toBe('#artikel-2');
    expect(href.searchParams.getAll('markeer')).toEqual([TERM]);
    // The result names the passage and shows its excerpt with the word marked.
    const result = page.locator('[data-search-results] li').first();
    expect(await result.innerText()).toContain('Gevonden in: Artikel 2. Wat is een klacht');
    expect(await result.locator('mark').allInnerTexts()).toEqual([TERM]);

    await link.click();
    await page.waitForURL(/\/mvz\/\?markeer=dagtekening#artikel-2$/);
    await page.locator('main mark').first().waitFor();
    expect(await marks(page, 'artikel-2', 'artikel-3')).toEqual([{ text: TERM, inside: true }]);
    await expect.poll(() => inView(page, '#artikel-2')).toBe(true);
    expect(await inView(page, 'main mark')).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    await page.close();
  });

  it('marks every form of the word the search matched, in that passage only', async () => {
    // 'geschillencommissies' finds 'Geschillencommissie' (Dutch stemming); PIT names it in the section on
    // appeals and in article 8, and the result leads to the passage that weighs most.
    const page = await open('/zoeken/?q=geschillencommissies');
    const link = page.locator('[data-search-results] li a').first();
    await link.waitFor();
    const href = new URL((await link.getAttribute('href'))!, site.url);
    expect(href.pathname).toBe('/pit/');
    expect(href.searchParams.getAll('markeer')).toEqual(['Geschillencommissie']);
    await page.goto(`${site.url}/pit/?markeer=Geschillencommissie#artikel-8`);
    await page.locator('main mark').first().waitFor();
    expect(await marks(page, 'artikel-8', 'artikel-9')).toEqual([{ text: 'Geschillencommissie', inside: true }]);
    await page.close();
  });

  it('marks nothing without the parameter, and never reads the parameter as markup', async () => {
    const plain = await open('/mvz/#artikel-2');
    expect(await plain.locator('mark').count()).toBe(0);
    await plain.close();
    const hostile = await open(`/mvz/?markeer=${encodeURIComponent('<img src=x onerror=alert(1)>')}&markeer=datum#artikel-2`);
    await hostile.locator('main mark').first().waitFor();
    expect(await hostile.locator('main img').count()).toBe(0);
    expect(await marks(hostile, 'artikel-2', 'artikel-3')).toEqual([{ text: 'datum', inside: true }]);
    await hostile.close();
  });

  it('shows the first result on a phone after Enter, on the home page and on /zoeken/', async () => {
    for (const path of ['/', '/zoeken/']) {
      const page = await open(path, { width: 390, height: 844 });
      await page.focus('#zoekterm');
      await page.keyboard.type('klachten');
      await page.keyboard.press('Enter');
      await page.locator('[data-search-status]').filter({ hasText: 'voor ‘klachten’' }).waitFor();
      await expect.poll(() => inView(page, '[data-search-results] li'), { message: path }).toBe(true);
      // Focus moves to the count of results, which is also announced (aria-live).
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-status'))).toBe(true);
      expect(await page.getAttribute('[data-search-status]', 'aria-live')).toBe('polite');
      await page.close();
    }
  });

  it('throws no script errors', () => {
    expect(errors).toEqual([]);
  });
});
