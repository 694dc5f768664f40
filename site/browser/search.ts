// Site search with Pagefind. Its files (index and WebAssembly) load only when a visitor starts to
// use the search field, so pages without a search stay light.

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
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

/** Pagefind's excerpt is escaped page text with `<mark>` around hits; keep only that. */
function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  const parts = excerpt.split(/(<mark>.*?<\/mark>)/);
  // A textarea decodes entities without parsing markup or running anything, and keeps spaces.
  const decoder = document.createElement('textarea');
  const decode = (text: string): string => {
    decoder.innerHTML = text;
    return decoder.value;
  };
  for (const part of parts) {
    const hit = /^<mark>(.*)<\/mark>$/.exec(part);
    if (hit) {
      const mark = document.createElement('mark');
      mark.textContent = decode(hit[1] ?? '');
      nodes.push(mark);
    } else if (part !== '') {
      nodes.push(document.createTextNode(decode(part)));
    }
  }
  return nodes;
}

/** Wires the search field: loads Pagefind on first use and lists the results as links. */
export function initSearch(root: Document): void {
  for (const container of root.querySelectorAll<HTMLElement>('[data-search]')) {
    const form = container.querySelector<HTMLFormElement>('[data-search-form]');
    const input = container.querySelector<HTMLInputElement>('input[type="search"]');
    const status = container.querySelector<HTMLElement>('[data-search-status]');
    const list = container.querySelector<HTMLElement>('[data-search-results]');
    if (!form || !input || !status || !list) continue;
    let pagefind: Promise<Pagefind> | undefined;
    const ensure = (): Promise<Pagefind> => (pagefind ??= loadPagefind(container.dataset.bundle ?? '/pagefind/'));
    const run = async (): Promise<void> => {
      const term = input.value.trim();
      if (term === '') {
        list.replaceChildren();
        status.textContent = '';
        return;
      }
      const search = await (await ensure()).debouncedSearch(term, {}, 250);
      if (search === null || input.value.trim() !== term) return;
      const results = await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
      list.replaceChildren(
        ...results.map((result) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = result.url;
          link.textContent = result.meta.title ?? result.url;
          const organisation = result.meta.organisatie;
          const heading = document.createElement(container.dataset.resultHeading === 'h2' ? 'h2' : 'h3');
          heading.append(link);
          const excerpt = document.createElement('p');
          excerpt.append(...excerptNodes(result.excerpt));
          item.append(heading);
          if (organisation !== undefined)
            item.append(Object.assign(document.createElement('p'), { className: 'meta', textContent: organisation }));
          item.append(excerpt);
          return item;
        }),
      );
      status.textContent =
        results.length === 0
          ? `Geen resultaten voor ‘${term}’.`
          : `${String(results.length)} ${results.length === 1 ? 'resultaat' : 'resultaten'} voor ‘${term}’.`;
    };
    input.addEventListener('focus', () => void ensure(), { once: true });
    input.addEventListener('input', () => void run());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void run();
    });
    const initial = new URLSearchParams(window.location.search).get('q');
    if (initial !== null && initial !== '') {
      input.value = initial;
      void run();
    }
  }
}
