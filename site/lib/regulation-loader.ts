import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { formatText } from '../../core/register/format-diagnostic.ts';
import { RegisterError } from '../../core/register/diagnostic.ts';
import { RegulationSchema } from '../../core/schemas/regulation.ts';
import { loadRegulations, type LoadedRegulations } from '../../node/load-register.ts';
import { siteError } from './site-error.ts';

let loaded: { key: string; value: LoadedRegulations } | undefined;

/**
 * The regulations of this build, read once and shared by the content loaders (regulations and
 * evaluations). A broken file stops the build with the same `file:line:col` messages as `klachten check`.
 */
export function buildRegulations(cwd: string, dir: string): LoadedRegulations {
  const key = `${cwd}\0${dir}`;
  if (loaded?.key === key) return loaded.value;
  let value: LoadedRegulations;
  try {
    value = loadRegulations(cwd, dir);
  } catch (error) {
    throw siteError(error);
  }
  const errors = value.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new RegisterError('invalid-files', `De reglementen bevatten fouten:\n${errors.map(formatText).join('\n')}`, {
      hint: 'herstel ze; klachten check toont dezelfde meldingen',
    });
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
