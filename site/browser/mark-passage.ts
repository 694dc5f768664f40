// On a page that search leads to (site/browser/search.ts links to `/mvz/?markeer=dagtekening#artikel-2`):
// marks the words in the passage the address points to and brings the passage into view. Without the
// parameter it does nothing.

/** The address parameter search.ts writes, once per word. */
const MARK_PARAMETER = 'markeer';
/** Text that is not part of the passage as search saw it: Pagefind skipped it, or it is not text. */
const SKIPPED = 'script, style, template, mark, [data-pagefind-ignore]';

/** The words to mark, as given in the address; a few, of reasonable length. */
function wordsToMark(search: string): string[] {
  return new URLSearchParams(search)
    .getAll(MARK_PARAMETER)
    .map((word) => word.trim())
    .filter((word) => word !== '' && word.length <= 100)
    .slice(0, 10);
}

/** The words as one pattern of whole words, any case; longer words first, so they win over their parts. */
function wordPattern(words: readonly string[]): RegExp {
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** A heading and what follows it up to the next heading of its level or higher; any other element alone. */
function passageOf(target: Element): Element[] {
  const level = /^H([1-6])$/.exec(target.tagName)?.[1];
  if (level === undefined) return [target];
  const passage = [target];
  for (let next = target.nextElementSibling; next !== null; next = next.nextElementSibling) {
    const other = /^H([1-6])$/.exec(next.tagName)?.[1];
    if (other !== undefined && other <= level) break;
    passage.push(next);
  }
  return passage;
}

/** Wraps each match in `root`'s text in a `<mark>`, built from text nodes: the words never become markup. */
function markIn(root: Element, pattern: RegExp): HTMLElement[] {
  const document = root.ownerDocument;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIPPED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  const marks: HTMLElement[] = [];
  for (const text of texts) {
    const value = text.data;
    const parts: Node[] = [];
    let last = 0;
    for (const match of value.matchAll(pattern)) {
      if (match.index > last) parts.push(document.createTextNode(value.slice(last, match.index)));
      const mark = document.createElement('mark');
      mark.textContent = match[0];
      parts.push(mark);
      marks.push(mark);
      last = match.index + match[0].length;
    }
    if (parts.length === 0) continue;
    if (last < value.length) parts.push(document.createTextNode(value.slice(last)));
    text.replaceWith(...parts);
  }
  return marks;
}

/**
 * Marks the words of `?markeer=…` in the passage `#…` names (the whole indexed text when there is no
 * such passage), and scrolls so the passage's heading, or else the first mark, is at the top.
 */
export function markPassage(document: Document, location: Pick<Location, 'search' | 'hash'>): void {
  const words = wordsToMark(location.search);
  if (words.length === 0) return;
  let id = '';
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    // A malformed address: mark the whole text.
  }
  const target = id === '' ? null : document.getElementById(id);
  const scope = target ? passageOf(target) : [document.querySelector('[data-pagefind-body]') ?? document.body];
  const pattern = wordPattern(words);
  const marks = scope.flatMap((element) => markIn(element, pattern));
  const first = marks[0];
  (target ?? first)?.scrollIntoView({ block: 'start' });
  // A long passage: its first mark comes into view too.
  if (first && first.getBoundingClientRect().bottom > window.innerHeight) first.scrollIntoView({ block: 'center' });
}
