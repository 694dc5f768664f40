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

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/**
 * Records a step in a complaint file's text by editing only the line(s) of that step: comments, key
 * order, quoting and the body stay exactly as they were.
 * @returns the new file text and the previous value, if the step was recorded before.
 * @example setStepInText('---\nid: KL-2026-0001\nsteps:\n  a: 2026-03-02\n---\n', 'x.md', 'b', { on: '2026-03-05' }).text
 * // '---\nid: KL-2026-0001\nsteps:\n  a: 2026-03-02\n  b: 2026-03-05\n---\n'
 */
export function setStepInText(
  text: string,
  file: string,
  stepId: string,
  record: StepRecord,
): { text: string; previous: string | undefined } {
  const parts = splitFrontMatter(text, file);
  const yaml = parts.yaml;
  const doc = parseDocument(yaml, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new RegisterError('yaml', 'de front matter is geen geldige YAML; herstel het bestand eerst (klachten check)', { file });
  }
  const value = valueText(record);
  const stepsPair = doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'steps') as Pair<Node, Node | null> | undefined;
  let edited: string;
  let previous: string | undefined;
  if (!stepsPair) {
    const base = yaml.length === 0 || yaml.endsWith('\n') ? yaml : `${yaml}\n`;
    edited = `${base}steps:\n  ${stepId}: ${value}\n`;
  } else {
    const steps = stepsPair.value;
    if (isMap(steps) && !steps.flow) {
      const existing = steps.items.find((pair) => isScalar(pair.key) && pair.key.value === stepId) as Pair<Node, Node | null> | undefined;
      if (existing?.value?.range) {
        const [valueStart, end] = existing.value.range;
        // A block map or list value starts on its own line: replace from just after the key's colon.
        const block = (isMap(existing.value) || isSeq(existing.value)) && !existing.value.flow;
        const start = block ? yaml.indexOf(':', existing.key.range?.[1] ?? valueStart) + 1 : valueStart;
        const replaced = yaml.slice(start, end);
        previous = replaced.trim().replace(/\s+/g, ' ');
        edited = yaml.slice(0, start) + (block ? ` ${value}${/\r?\n$/.exec(replaced)?.[0] ?? ''}` : value) + yaml.slice(end);
      } else {
        const first = steps.items[0]?.key as Node | undefined;
        const last = steps.items[steps.items.length - 1] as Pair<Node, Node | null> | undefined;
        const firstStart = first?.range?.[0] ?? 0;
        const indent = firstStart - (yaml.lastIndexOf('\n', firstStart - 1) + 1);
        const lastEnd = last?.value?.range?.[1] ?? last?.key.range?.[1] ?? firstStart;
        const at = lineEnd(yaml, Math.max(lastEnd - 1, 0));
        edited = `${yaml.slice(0, at)}\n${' '.repeat(indent)}${stepId}: ${value}${yaml.slice(at)}`;
      }
    } else if (steps === null || (isScalar(steps) && steps.value === null)) {
      const keyEnd = stepsPair.key.range?.[1] ?? 0;
      const at = lineEnd(yaml, keyEnd);
      edited = `${yaml.slice(0, at)}\n  ${stepId}: ${value}${yaml.slice(at)}`;
    } else if (isMap(steps) && steps.range) {
      const entries = steps.items
        .filter((pair) => !(isScalar(pair.key) && pair.key.value === stepId))
        .map((pair) => `${String(pair.key)}: ${String(pair.value)}`);
      entries.push(`${stepId}: ${value}`);
      const [start, end] = steps.range;
      edited = `${yaml.slice(0, start)}{ ${entries.join(', ')} }${yaml.slice(end)}`;
    } else {
      throw new RegisterError('steps', "het veld 'steps' moet een lijst van stap: datum zijn", { file });
    }
  }
  const start = parts.yamlOffset;
  return { text: text.slice(0, start) + edited + text.slice(start + yaml.length), previous };
}
