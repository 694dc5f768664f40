import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { RegulationSchema } from '../../core/schemas/regulation.ts';
import { loadRegulations } from '../../scripts/lib/files.ts';
import { formatText } from '../../scripts/lib/format-diagnostics.ts';

let loaded: { key: string; value: ReturnType<typeof loadRegulations> } | undefined;

/**
 * The regulations of this build, read once and shared by the content loaders (regulations and
 * evaluations). A broken file stops the build with the same `file:line:col` messages as `klachten check`.
 */
export function buildRegulations(cwd: string, dir: string): ReturnType<typeof loadRegulations> {
  const key = `${cwd}\0${dir}`;
  if (loaded?.key === key) return loaded.value;
  const value = loadRegulations(cwd, dir);
  const errors = value.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`De reglementen bevatten fouten (zie klachten check):\n${errors.map(formatText).join('\n')}`);
  }
  loaded = { key, value };
  return value;
}

/**
 * Loads the regulation files with the register's own reader: the same front-matter rules (no `---js`,
 * size limit), the same schema, the same checks as `klachten check`. A broken file stops the build
 * with the same `file:line:col` messages. Entry ids are `<slug>/<effective>`.
 */
export function regulationLoader(options: { dir: string }): Loader {
  return {
    name: 'klachten-regulations',
    schema: RegulationSchema,
    load: async (context) => {
      const { store, config, logger } = context;
      const cwd = fileURLToPath(config.root);
      const { regulations, bodies } = buildRegulations(cwd, options.dir);
      store.clear();
      let count = 0;
      for (const versions of regulations.values()) {
        for (const version of versions) {
          const { regulation } = version;
          const id = `${regulation.organisation.slug}/${regulation.effective}`;
          const body = bodies.get(version.file) ?? '';
          const data = await context.parseData({ id, data: { ...regulation }, filePath: version.file });
          store.set({
            id,
            data,
            body,
            filePath: version.file,
            digest: context.generateDigest({ data, body }),
            rendered: await context.renderMarkdown(body),
          });
          count += 1;
        }
      }
      logger.info(`${String(count)} reglementversies geladen uit ${options.dir}/`);
    },
  };
}
