/** `## Artikel 4 …` and `### Artikel 4a …`: the headings that get a stable anchor. */
const ARTICLE_HEADING = /^Artikel\s+(\d+[a-z]?)\b/i;

/**
 * The stable anchor of an article heading, or undefined for other headings. The site gives the
 * heading this id, and a step's `article` must name one.
 * @example articleAnchor('Artikel 4. Termijnen') // 'artikel-4'
 */
export function articleAnchor(headingText: string): string | undefined {
  const match = ARTICLE_HEADING.exec(headingText.trim());
  return match?.[1] === undefined ? undefined : `artikel-${match[1].toLowerCase()}`;
}

/** Article anchors in a regulation body: `## Artikel 4 …` gives `artikel-4`. */
export function articleAnchors(body: string): Set<string> {
  const anchors = new Set<string>();
  for (const match of body.matchAll(/^#{2,3}[ \t]+(.*)$/gm)) {
    const anchor = articleAnchor(match[1] ?? '');
    if (anchor !== undefined) anchors.add(anchor);
  }
  return anchors;
}
