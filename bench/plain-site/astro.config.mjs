// The baseline for `npm run bench`: a plain Astro build of the same regulation Markdown, with Astro's
// own glob loader, no schema and one bare page per file. No project components, no Pagefind.
import process from 'node:process';
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.KLACHTEN_SITE_OUT ?? './dist',
  cacheDir: process.env.KLACHTEN_SITE_CACHE ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
