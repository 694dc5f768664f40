import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { articleAnchorPlugin } from './site/lib/article-anchors.ts';
import { pagefindIntegration } from './site/lib/pagefind-integration.ts';
import { siteSettings } from './site/lib/settings.ts';

const settings = siteSettings(process.env);

// The public site: regulations from `regulations/` (or KLACHTEN_REGULATIONS), built into `dist/`.
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
  integrations: [mdx(), pagefindIntegration()],
});
