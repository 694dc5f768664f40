import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroIntegration } from 'astro';
import { articleAnchorPlugin } from './lib/article-anchors.ts';
import { BrandSchema, brandProblems, type Brand, type BrandOptions } from './lib/brand.ts';
import { pagefindIntegration } from './lib/pagefind-integration.ts';
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
          integrations: [mdx(), pagefindIntegration()],
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
      },
    },
  };
}
