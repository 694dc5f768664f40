import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { articleAnchorPlugin } from './site/lib/article-anchors.ts';
import { pagefindIntegration } from './site/lib/pagefind-integration.ts';
import { siteSettings } from './site/lib/settings.ts';

const settings = siteSettings(process.env);

// The public site: regulations from `regulations/` (or KLACHTEN_REGULATIONS) and approved evaluations, built
// into `dist/`; with KLACHTEN_SITE_MODE=internal also drafts and open complaints, into `dist-internal/`.
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: settings.outDir,
  ...(settings.url === undefined ? {} : { site: settings.url }),
  base: settings.base,
  ...(settings.cacheDir === undefined ? {} : { cacheDir: settings.cacheDir }),
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  markdown: { processor: satteri({ hastPlugins: [articleAnchorPlugin] }) },
  integrations: [
    mdx(),
    pagefindIntegration(),
    {
      // The internal site adds the staff overview of open complaints; the public build has no such page.
      name: 'klachten-internal',
      hooks: {
        'astro:config:setup': ({ injectRoute }) => {
          if (settings.mode === 'internal')
            injectRoute({ pattern: '/intern/open-klachten', entrypoint: './site/internal/open-klachten.astro' });
        },
      },
    },
  ],
});
