// Site search with Pagefind. Its files (index and WebAssembly) load only when a visitor starts to
// use the search field, so pages without a search stay light.

/** One passage of a page: the text under a heading with an id (`#artikel-4`), or before the first. */
interface PagefindSubResult {
  url: string;
  title: string;
  excerpt: string;
  weighted_locations: { balanced_score: number }[];
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}

interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(
    term: string,
    options?: object,
    ms?: number,
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

/** The address parameter with the words to mark on the page a result leads to; site/browser/mark-passage.ts reads it. */
const MARK_PARAMETER = 'markeer';
/** Other passages of a page listed under its result. */
const MORE_PASSAGES = 3;

function loadPagefind(bundle: string): Promise<Pagefind> {
  // A URL known only at run time: the bundler leaves it alone and the browser fetches it on demand.
  const url = `${bundle}pagefind.js`;
  return import(/* @vite-ignore */ url).then(async (module: Pagefind) => {
    // Result links carry the site's base path (e.g. /klachten/ on GitHub Pages).
    await module.options({ baseUrl: bundle.replace(/pagefind\/$/, '') });
    await module.init();
    return module;
  });
}

/**
 * Pagefind's excerpt is escaped page text with `<mark>` around hits; keep only that, as text and
 * whether it was marked. A textarea decodes entities without parsing markup or running anything.
 * Pagefind marks a word with its punctuation ('(dagtekening);'): only the word stays marked.
 */
function excerptParts(excerpt: string): { text: string; hit: boolean }[] {
  const decoder = document.createElement('textarea');
  const decode = (text: string): string => {
    decoder.innerHTML = text;
    return decoder.value;
  };
  return excerpt
    .split(/(<mark>.*?<\/mark>)/)
    .flatMap((part) => {
      const hit = /^<mark>(.*)<\/mark>$/.exec(part);
      if (!hit) return [{ text: decode(part), hit: false }];
      const [, before = '', word = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(decode(hit[1] ?? '')) ?? [];
      return [
        { text: before, hit: false },
        { text: word, hit: true },
        { text: after, hit: false },
      ];
    })
    .filter((part) => part.text !== '');
}

/** The excerpt as text nodes and `<mark>` elements, without `skip` (the passage's title) at its start. */
function excerptNodes(parts: readonly { text: string; hit: boolean }[], skip: string): Node[] {
  return parts.map(({ text, hit }, index) => {
    if (hit) return Object.assign(document.createElement('mark'), { textContent: text });
    const shown = index === 0 && skip !== '' && text.startsWith(`${skip}. `) ? text.slice(skip.length + 2) : text;
    return document.createTextNode(shown);
  });
}

/** The words Pagefind marked (the forms on the page, not the query's), once each. */
function markedWords(parts: readonly { text: string; hit: boolean }[]): string[] {
  const words = new Map<string, string>();
  for (const { text, hit } of parts) if (hit && !words.has(text.toLowerCase())) words.set(text.toLowerCase(), text);
  return [...words.values()].slice(0, 5);
}

/** The passage that weighs most; Pagefind lists them in page order. */
function bestPassage(result: PagefindResultData): PagefindSubResult | undefined {
  const score = (passage: PagefindSubResult): number =>
    passage.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0);
  return result.sub_results.reduce<PagefindSubResult | undefined>(
    (best, passage) => (best === undefined || score(passage) > score(best) ? passage : best),
    undefined,
  );
}

/** A link to the passage (`/mvz/?markeer=dagtekening#artikel-2`), so the page opens there with the words marked. */
function passageLink(passage: Pick<PagefindSubResult, 'url' | 'excerpt'>, text: string): HTMLAnchorElement {
  const url = new URL(passage.url, window.location.href);
  for (const word of markedWords(excerptParts(passage.excerpt))) url.searchParams.append(MARK_PARAMETER, word);
  return Object.assign(document.createElement('a'), { href: `${url.pathname}${url.search}${url.hash}`, textContent: text });
}

function resultItem(result: PagefindResultData, headingLevel: 'h2' | 'h3'): HTMLLIElement {
  const title = result.meta.title ?? result.url;
  const best = bestPassage(result);
  const passage = best ?? { url: result.url, title, excerpt: result.excerpt, weighted_locations: [] };
  const item = document.createElement('li');
  const heading = document.createElement(headingLevel);
  heading.append(passageLink(passage, title));
  item.append(heading);
  const organisation = result.meta.organisatie;
  if (organisation !== undefined)
    item.append(Object.assign(document.createElement('p'), { className: 'meta', textContent: organisation }));
  // The part before the page's first heading carries the page's title: no passage to name.
  const named = passage.title !== title;
  if (named) item.append(Object.assign(document.createElement('p'), { textContent: `Gevonden in: ${passage.title}` }));
  const excerpt = document.createElement('p');
  excerpt.append(...excerptNodes(excerptParts(passage.excerpt), named ? passage.title : ''));
  item.append(excerpt);
  const others = result.sub_results.filter((other) => other !== best && other.title !== title).slice(0, MORE_PASSAGES);
  if (others.length > 0) {
    const more = Object.assign(document.createElement('p'), { className: 'meta', textContent: 'Ook in: ' });
    others.forEach((other, index) => {
      if (index > 0) more.append('; ');
      more.append(passageLink(other, other.title));
    });
    item.append(more);
  }
  return item;
}

/**
 * Wires the search field: loads Pagefind on first use and lists the results as links to the passage
 * that matched. After Enter the count of results takes focus at the top of the window, so on a phone
 * the results are in view and a screen reader reads the count.
 */
export function initSearch(root: Document): void {
  for (const container of root.querySelectorAll<HTMLElement>('[data-search]')) {
    const form = container.querySelector<HTMLFormElement>('[data-search-form]');
    const input = container.querySelector<HTMLInputElement>('input[type="search"]');
    const status = container.querySelector<HTMLElement>('[data-search-status]');
    const list = container.querySelector<HTMLElement>('[data-search-results]');
    if (!form || !input || !status || !list) continue;
    const headingLevel = container.dataset.resultHeading === 'h2' ? 'h2' : 'h3';
    let pagefind: Promise<Pagefind> | undefined;
    let shown: string | undefined;
    const ensure = (): Promise<Pagefind> => (pagefind ??= loadPagefind(container.dataset.bundle ?? '/pagefind/'));
    const reveal = (): void => {
      const first = list.firstElementChild ?? status;
      if (status.getBoundingClientRect().top < 0 || first.getBoundingClientRect().bottom > window.innerHeight)
        status.scrollIntoView({ block: 'start' });
      status.focus({ preventScroll: true });
    };
    const run = async (submitted: boolean): Promise<void> => {
      const term = input.value.trim();
      if (term === '') {
        list.replaceChildren();
        status.textContent = '';
        shown = undefined;
        return;
      }
      if (submitted && shown === term) {
        reveal();
        return;
      }
      const search = await (await ensure()).debouncedSearch(term, {}, 250);
      if (search === null || input.value.trim() !== term) return;
      const results = await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
      list.replaceChildren(...results.map((result) => resultItem(result, headingLevel)));
      status.textContent =
        results.length === 0
          ? `Geen resultaten voor ‘${term}’.`
          : `${String(results.length)} ${results.length === 1 ? 'resultaat' : 'resultaten'} voor ‘${term}’.`;
      shown = term;
      if (submitted) reveal();
    };
    input.addEventListener('focus', () => void ensure(), { once: true });
    input.addEventListener('input', () => void run(false));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void run(true);
    });
    const initial = new URLSearchParams(window.location.search).get('q');
    if (initial !== null && initial !== '') {
      input.value = initial;
      void run(false);
    }
  }
}
