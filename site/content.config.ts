import { defineCollection } from 'astro:content';
import { RegulationSchema } from '../core/schemas/regulation.ts';
import { regulationLoader } from './lib/regulation-loader.ts';
import { siteSettings } from './lib/settings.ts';

// One schema: the core's RegulationSchema validates the collection, as it does for `klachten check`.
const regulations = defineCollection({
  loader: regulationLoader({ dir: siteSettings(process.env).regulations }),
  schema: RegulationSchema,
});

export const collections = { regulations };
