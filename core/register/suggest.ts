/** Edit distance between two short strings (Levenshtein). */
function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/**
 * The known name closest to a misspelled one, if it is close enough to be a likely typo.
 * @example closestName('recieved', ['received', 'channel']) // 'received'
 */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of known) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** What a code word looks like: lower case, digits, dashes; no spaces, capitals or @. */
export const CODE_WORD = /^[a-z0-9][a-z0-9_.-]{0,39}$/;

/**
 * Whether a typed value may be repeated in a message, and which known word it stands for. Messages
 * reach CI logs and PR annotations, and a name, phone number or address typed into the wrong place
 * must not: a value is echoed only when it is shaped like a code word and is one of `exact` (known
 * elsewhere, e.g. a step of another version) or close to one of `known` (then `meant` says which).
 * @example echoValue('comunicatie', ['communicatie']) // { shown: "'comunicatie'", meant: 'communicatie' }
 * @example echoValue('jansen', ['communicatie']) // undefined
 */
export function echoValue(
  input: unknown,
  known: Iterable<string>,
  exact: Iterable<string> = [],
): { shown: string; meant: string | undefined } | undefined {
  if (typeof input !== 'string' || !CODE_WORD.test(input)) return undefined;
  if ([...exact].includes(input)) return { shown: `'${input}'`, meant: undefined };
  const meant = closestName(input, known);
  return meant === undefined ? undefined : { shown: `'${input}'`, meant };
}
