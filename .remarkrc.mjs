// Checks the front matter of the register's Markdown files against json-schemas/*.schema.json (see
// docs/json-schema.md), for `npm run lint:frontmatter` and the remark extension for VS Code.
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

// The plugin resolves these paths against the folder of the nearest .remarkrc.* above the checked
// file, not against the working directory. As in `klachten check`, every .md file below these
// folders counts except README.md.
const schemas = {
  'json-schemas/complaint.schema.json': ['register/complaints/**/!(README).md'],
  'json-schemas/evaluation.schema.json': ['register/evaluations/**/!(README).md'],
  'json-schemas/regulation.schema.json': ['regulations/**/!(README).md', 'presets/**/!(README).md'],
};

/** @typedef {{ keyword: string, instancePath: string, params: Record<string, unknown> }} AjvError */
/** @typedef {{ start: { line: number, column: number }, end: { line: number, column: number } }} Place */

/**
 * Gives every schema error a line. Ajv reports an unknown field on the object that holds it, so the
 * plugin places it on that object, or nowhere at the top level: this moves it to the field's own line
 * and names the field when it is a code word (messages reach CI logs, and a name typed as a key must
 * not; see core/register/format-issue.ts). Errors about the whole front matter, such as a missing
 * field, go on its opening ---. The plugin leaves Ajv's error on the message as `schema`.
 */
function placeSchemaErrors() {
  return (/** @type {import('mdast').Root} */ tree, /** @type {import('vfile').VFile} */ file) => {
    const frontMatter = tree.children.find((node) => node.type === 'yaml');
    if (frontMatter?.type !== 'yaml' || !frontMatter.position) return;
    const fence = frontMatter.position.start.line;
    const lineCounter = new LineCounter();
    const document = parseDocument(frontMatter.value, { lineCounter });
    /** @param {number} offset */
    const at = (offset) => {
      const { line, col } = lineCounter.linePos(offset);
      return { line: line + fence, column: col };
    };
    /** @param {import('vfile-message').VFileMessage} message @param {Place} place */
    const move = (message, place) => {
      Object.assign(message, { place, position: place, line: place.start.line, column: place.start.column });
    };
    for (const message of file.messages) {
      // The plugin sets the old `position` field rather than `place`.
      const { schema: error, position } = /** @type {typeof message & { schema?: AjvError, position?: Place }} */ (message);
      if (!error) continue;
      const name = error.params.additionalProperty;
      if (error.keyword === 'additionalProperties' && typeof name === 'string') {
        const path = error.instancePath
          .split('/')
          .slice(1)
          .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
        const parent = document.getIn(path, true);
        const key = isMap(parent) ? parent.items.find((pair) => isScalar(pair.key) && pair.key.value === name)?.key : undefined;
        if (isScalar(key) && key.range) {
          move(message, { start: at(key.range[0]), end: at(key.range[1]) });
          const shown = /^[a-z0-9][a-z0-9_.-]{0,39}$/.test(name) ? `'${name}'` : 'op deze regel';
          message.reason = message.message = `Onbekend veld ${shown} — ${message.reason}`;
        }
      }
      if (!message.place && !position) move(message, { start: { line: fence, column: 1 }, end: { line: fence, column: 4 } });
    }
  };
}

export default {
  plugins: [remarkFrontmatter, [remarkLintFrontmatterSchema, ['error', { schemas }]], placeSchemaErrors],
};
