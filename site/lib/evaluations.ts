import { getCollection, type CollectionEntry } from 'astro:content';
import type { EvaluationEntry } from './register-loader.ts';

/** One evaluation page: the collection entry, its data and its path (without the base). */
export interface EvaluationPage {
  entry: CollectionEntry<'evaluations'>;
  data: EvaluationEntry;
  path: string;
}

/** Every evaluation the build publishes, newest year first, then by organisation name. */
export async function evaluationPages(): Promise<EvaluationPage[]> {
  const entries = await getCollection('evaluations');
  return entries
    .map((entry) => {
      const data = entry.data as EvaluationEntry;
      return { entry, data, path: `/${data.organisation}/evaluaties/${String(data.year)}/` };
    })
    .sort((a, b) => b.data.year - a.data.year || a.data.name.localeCompare(b.data.name, 'nl'));
}
