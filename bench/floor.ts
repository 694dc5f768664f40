// The floor: the least work any check must do. Read every file and parse its front matter with js-yaml.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: node bench/floor.ts <complaints-dir>');
let parsed = 0;
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
  const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  const end = text.indexOf('\n---', 4);
  if (load(text.slice(4, end)) !== undefined) parsed += 1;
}
process.stdout.write(`${parsed}\n`);
