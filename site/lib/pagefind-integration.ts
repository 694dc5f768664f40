import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Pagefind's own user interfaces, which the site does not load. */
const UNUSED_BUNDLE = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

/**
 * Indexes the built site with Pagefind once Astro is done, so `astro build` alone gives a searchable
 * site wherever it writes (dist/, or the folder a test or benchmark chose). Pages are in Dutch
 * (`<html lang="nl">`), so Pagefind stems Dutch words: "klachten" finds "klacht".
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'klachten-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind kon geen index maken: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
          // The site's own search (site/browser/search.ts) uses pagefind.js and the index; Pagefind's
          // ready-made interfaces (about 400 KB) would only be deployed unused. Its highlight script too:
          // site/browser/mark-passage.ts marks the words in the passage a result leads to.
          for (const file of readdirSync(join(outDir, 'pagefind')))
            if (UNUSED_BUNDLE.test(file)) rmSync(join(outDir, 'pagefind', file));
          logger.info(
            `zoekindex geschreven naar pagefind/ (${String(added.page_count)} pagina's gelezen; alleen de geldende reglementen worden doorzocht)`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
