import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroIntegration } from 'astro';
import { articleAnchorPlugin } from './lib/article-anchors.ts';
import { BrandSchema, brandProblems, type Brand, type BrandOptions } from './lib/brand.ts';
import { pagefindIntegration } from './lib/pagefind-integration.ts';
import { makeLinksRelative } from './lib/relative-links.ts';
import { siteSettings } from './lib/settings.ts';

export type { BrandOptions as KlachtenregisterOptions } from './lib/brand.ts';

/**
 * The site folder: beside this module in the sources (`site/integration.ts`), or `../site/` seen from
 * the compiled `build/astro.js` of the package.
 */
function siteFolder(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./', here) : new URL('../site/', here);
}

const LOGO_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};
const LOGO_MAX_BYTES = 200 * 1024;

/** The logo file as a data URL, so the site needs no public folder of the organisation's own. */
function readLogo(root: string, path: string): string {
  const file = resolve(root, path);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new Error(`klachtenregister: logo '${path}' niet gevonden (gezocht als ${file})`);
  }
  if (size > LOGO_MAX_BYTES)
    throw new Error(`klachtenregister: logo '${path}' is ${String(Math.round(size / 1024))} KB; maak het kleiner dan 200 KB`);
  const type = LOGO_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  return `data:${type};base64,${readFileSync(file).toString('base64')}`;
}

const VIRTUAL = 'virtual:klachtenregister/brand';

/** LEESMIJ.txt beside the internal site: how a director opens the download. */
const README_INTERNAL = `Interne site van het klachtenregister: INTERN, NIET PUBLICEREN.

Openen:
1. Pak het zip-bestand uit (Windows: rechtsklik, "Alles uitpakken"; Mac: dubbelklik).
2. Open in de uitgepakte map het bestand index.html met een dubbelklik. De site opent in uw browser,
   zonder internet en zonder server.

Wat erin staat: alle evaluaties (ook concepten) met de exacte cijfers, en de open klachten met hun
termijnen. Zoeken en de termijnenwijzer werken alleen op de openbare site.

Deze cijfers zijn voor de directie en de medewerkers: stuur ze niet door en zet ze niet online.
Gooi de map weg als u hem niet meer nodig hebt; het register zelf blijft de bron.
`;

/**
 * The `klachtenregister` Astro integration: the whole public (or internal) site of a register, from
 * the package. An organisation's `astro.config.mjs` holds only this, with its own name and details:
 *
 * ```js
 * import klachtenregister from 'klachtenregister/astro';
 * export default defineConfig({ site: 'https://klachten.example.nl', integrations: [klachtenregister({ name: 'Zorgpunt Noord' })] });
 * ```
 *
 * The pages, layouts, components and the finder and search scripts come from the package's `site/`
 * (made Astro's source folder); the options are checked with Dutch messages. KLACHTEN_REGULATIONS,
 * KLACHTEN_REGISTER, KLACHTEN_SITE_MODE and the other environment variables of site/lib/settings.ts
 * still apply (the workflows set them); `regulations` and `register` are their defaults.
 */
export default function klachtenregister(options: BrandOptions): AstroIntegration {
  return {
    name: 'klachtenregister',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, injectRoute }) => {
        const parsed = BrandSchema.safeParse(options);
        if (!parsed.success)
          throw new Error(
            `klachtenregister: de instellingen in astro.config kloppen niet:\n${brandProblems(parsed.error)
              .map((line) => `  - ${line}`)
              .join('\n')}`,
          );
        const root = fileURLToPath(config.root);
        const { regulations, register, logo, ...rest } = parsed.data;
        process.env.KLACHTEN_REGULATIONS ??= regulations;
        process.env.KLACHTEN_REGISTER ??= register;
        const settings = siteSettings(process.env);
        const brand: Brand = {
          ...rest,
          title: rest.title ?? 'Klachtenreglementen',
          ...(logo === undefined ? {} : { logo: readLogo(root, logo) }),
        };
        const site = siteFolder();
        updateConfig({
          srcDir: site,
          publicDir: new URL('./public/', site),
          outDir: new URL(`${settings.outDir.replace(/\/*$/, '')}/`, config.root),
          ...(settings.url === undefined ? {} : { site: settings.url }),
          base: settings.base,
          ...(settings.cacheDir === undefined ? {} : { cacheDir: new URL(`${settings.cacheDir}/`, config.root) }),
          trailingSlash: 'always',
          build: { format: 'directory', inlineStylesheets: 'never' },
          devToolbar: { enabled: false },
          markdown: { processor: satteri({ hastPlugins: [articleAnchorPlugin] }) },
          // The internal site is opened from its files (file://), where search cannot run: no index.
          integrations: settings.mode === 'internal' ? [mdx()] : [mdx(), pagefindIntegration()],
          vite: {
            plugins: [
              {
                name: 'klachtenregister-brand',
                resolveId: (id: string) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
                load: (id: string) => (id === `\0${VIRTUAL}` ? `export default ${JSON.stringify(brand)};` : undefined),
              },
            ],
          },
        });
        // The internal site adds the staff overview of open complaints; the public build has no such page.
        if (settings.mode === 'internal')
          injectRoute({ pattern: '/intern/open-klachten', entrypoint: new URL('./internal/open-klachten.astro', site) });
        // The staff form for a new complaint needs its script, which a site opened from its files cannot
        // run: the public site only (not in the menu, not indexed).
        else injectRoute({ pattern: '/nieuwe-klacht', entrypoint: new URL('./staff/nieuwe-klacht.astro', site) });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (siteSettings(process.env).mode !== 'internal') return;
        // The internal site travels as a download (a workflow artifact): it must open from its files.
        const out = fileURLToPath(dir);
        const count = makeLinksRelative(out);
        writeFileSync(join(out, 'LEESMIJ.txt'), README_INTERNAL);
        logger.info(`interne site: ${String(count)} bestanden met relatieve links, te openen met index.html`);
      },
    },
  };
}
