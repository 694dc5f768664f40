import { defineCollection } from 'astro:content';
import { RegulationSchema } from '../core/schemas/regulation.ts';
import { evaluationLoader, openComplaintsLoader } from './lib/register-loader.ts';
import { regulationLoader } from './lib/regulation-loader.ts';
import { siteSettings } from './lib/settings.ts';

// One schema: the core's RegulationSchema validates the collection, as it does for `klachten check`.
const regulations = defineCollection({
  loader: regulationLoader({ dir: siteSettings(process.env).regulations }),
  schema: RegulationSchema,
});

// The directors' evaluations with their anonymised figures; on the public site only approved ones.
const evaluations = defineCollection({ loader: evaluationLoader() });

// Open complaints for the staff overview: filled on the internal site only.
const openComplaints = defineCollection({ loader: openComplaintsLoader() });

export const collections = { regulations, evaluations, openComplaints };
