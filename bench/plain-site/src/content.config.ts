import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const regulations = defineCollection({
  loader: glob({ pattern: '**/*.md', base: process.env.KLACHTEN_REGULATIONS ?? '../../regulations' }),
});

export const collections = { regulations };
