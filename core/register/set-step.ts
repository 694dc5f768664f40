import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { IsoDate } from '../calendar/iso-date.ts';
import { RegisterError } from './diagnostic.ts';
import { splitFrontMatter } from './front-matter.ts';

/** The value written for a recorded step. */
export interface StepRecord {
  on: IsoDate;
  note?: string;
}

function valueText(record: StepRecord): string {
  return record.note === undefined ? record.on : `{ on: ${record.on}, note: ${JSON.stringify(record.note)} }`;
}

/** Where the line holding `offset` ends: before its `\r\n` or `\n`, or at the end of the text. */
function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  if (end === -1) return text.length;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

/** Whether a step's value is a map with a `note`. */
function hasNote(value: Node | null | undefined): boolean {
  return isMap(value) && value.items.some((pair) => isScalar(pair.key) && pair.key.value === 'note');
}

/** What {@link setStepInText} did. */
export interface SetStepResult {
  /** The new file text. */
  text: string;
  /** The step's earlier value as written (one line), if it was recorded before. */
  previous: string | undefined;
  /** Whether the earlier value had a note, which the new value replaces (or drops, without one). */
  hadNote: boolean;
}

/**
 * Records a step in a complaint file's text by editing only the line(s) of that step: comments, key
 * order, quoting, line endings and the body stay exactly as they were. A flow map (`steps: { … }`) is
 * edited in place too: the value of the step, or one entry added before its `}`.
 * @returns the new file text, the previous value, if the step was recorded before, and whether it had a note.
 * @example setStepInText('---\nid: KL-2026-0001\nsteps:\n  a: 2026-03-02\n---\n', 'x.md', 'b', { on: '2026-03-05' }).text
 * // '---\nid: KL-2026-0001\nsteps:\n  a: 2026-03-02\n  b: 2026-03-05\n---\n'
 */
export function setStepInText(text: string, file: string, stepId: string, record: StepRecord): SetStepResult {
  const parts = splitFrontMatter(text, file);
  const yaml = parts.yaml;
  const doc = parseDocument(yaml, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new RegisterError('yaml', 'de front matter is geen geldige YAML; herstel het bestand eerst (klachten check)', { file });
  }
  // A new line ends as the file's lines do: a file with Windows line endings keeps them.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const value = valueText(record);
  const stepsPair = doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'steps') as Pair<Node, Node | null> | undefined;
  let edited: string;
  let previous: string | undefined;
  let hadNote = false;
  if (!stepsPair) {
    const base = yaml.length === 0 || yaml.endsWith('\n') ? yaml : `${yaml}${eol}`;
    edited = `${base}steps:${eol}  ${stepId}: ${value}${eol}`;
  } else {
    const steps = stepsPair.value;
    if (isMap(steps)) {
      const existing = steps.items.find((pair) => isScalar(pair.key) && pair.key.value === stepId) as Pair<Node, Node | null> | undefined;
      if (existing?.value?.range) {
        const [valueStart, end] = existing.value.range;
        hadNote = hasNote(existing.value);
        // A block map or list value starts on its own line: replace from just after the key's colon.
        const block = (isMap(existing.value) || isSeq(existing.value)) && !existing.value.flow;
        const start = block ? yaml.indexOf(':', existing.key.range?.[1] ?? valueStart) + 1 : valueStart;
        const replaced = yaml.slice(start, end);
        previous = replaced.trim().replace(/\s+/g, ' ');
        // An empty value (`stap:`) gets its space after the colon.
        const spaced = yaml[start - 1] === ':' ? ` ${value}` : value;
        edited = yaml.slice(0, start) + (block ? ` ${value}${/\r?\n$/.exec(replaced)?.[0] ?? ''}` : spaced) + yaml.slice(end);
      } else if (existing) {
        throw new RegisterError('steps', `de stap '${stepId}' staat er al zonder waarde; vul of verwijder die regel eerst`, { file });
      } else if (steps.flow) {
        // After the last entry's value (or key), before any comma, space or comment up to the `}`.
        const last = steps.items[steps.items.length - 1] as Pair<Node, Node | null> | undefined;
        const lastEnd = last?.value?.range?.[1] ?? last?.key.range?.[1];
        const close = steps.range ? yaml.lastIndexOf('}', steps.range[1]) : -1;
        if (close === -1 || (lastEnd !== undefined && lastEnd > close)) {
          throw new RegisterError('steps', "het veld 'steps' kan niet veilig worden aangevuld; schrijf het als lijst (stap: datum per regel)", { file });
        }
        edited =
          lastEnd === undefined
            ? `${yaml.slice(0, close)}${/\s$/.test(yaml.slice(0, close)) ? '' : ' '}${stepId}: ${value} ${yaml.slice(close)}`
            : `${yaml.slice(0, lastEnd)}, ${stepId}: ${value}${yaml.slice(lastEnd)}`;
      } else {
        const first = steps.items[0]?.key as Node | undefined;
        const last = steps.items[steps.items.length - 1] as Pair<Node, Node | null> | undefined;
        const firstStart = first?.range?.[0] ?? 0;
        const indent = firstStart - (yaml.lastIndexOf('\n', firstStart - 1) + 1);
        const lastEnd = last?.value?.range?.[1] ?? last?.key.range?.[1] ?? firstStart;
        const at = lineEnd(yaml, Math.max(lastEnd - 1, 0));
        edited = `${yaml.slice(0, at)}${eol}${' '.repeat(indent)}${stepId}: ${value}${yaml.slice(at)}`;
      }
    } else if (steps === null || (isScalar(steps) && steps.value === null)) {
      const keyEnd = stepsPair.key.range?.[1] ?? 0;
      const at = lineEnd(yaml, keyEnd);
      edited = `${yaml.slice(0, at)}${eol}  ${stepId}: ${value}${yaml.slice(at)}`;
    } else {
      throw new RegisterError('steps', "het veld 'steps' moet een lijst van stap: datum zijn", { file });
    }
  }
  const start = parts.yamlOffset;
  return { text: text.slice(0, start) + edited + text.slice(start + yaml.length), previous, hadNote };
}
