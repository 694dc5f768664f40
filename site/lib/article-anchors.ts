import type { HastPluginDefinition } from 'satteri';
import { articleAnchor } from '../../core/register/articles.ts';

/**
 * Gives every article heading (`## Artikel 4. …`) the stable id `artikel-4`, the anchor that steps
 * and links point to. Runs before Astro's own heading ids, which keep an id that is already set.
 */
export const articleAnchorPlugin: HastPluginDefinition = {
  name: 'klachten-article-anchors',
  element: {
    filter: ['h2', 'h3'],
    visit(node, ctx) {
      const anchor = articleAnchor(ctx.textContent(node));
      if (anchor !== undefined) ctx.setProperty(node, 'id', anchor);
    },
  },
};
