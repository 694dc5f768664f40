import type { APIRoute, GetStaticPaths } from 'astro';
import { stepRule } from '../../../core/deadlines/plan.ts';
import { organisations, type PublishedOrganisation } from '../../lib/regulations.ts';

export const getStaticPaths = (async () =>
  (await organisations()).map((organisation) => ({
    params: { organisation: organisation.slug },
    props: { organisation },
  }))) satisfies GetStaticPaths;

/**
 * Open data: the procedure of every version of one organisation's regulation, exactly as published
 * (the validated front matter), with each step's rule in plain Dutch and the page it is on.
 */
export const GET: APIRoute<{ organisation: PublishedOrganisation }> = ({ props, site }) => {
  const { organisation } = props;
  const url = (path: string): string => (site ? new URL(path, site).href : path);
  const body = {
    organisation: { slug: organisation.slug, name: organisation.name },
    current: organisation.current.regulation.version,
    versions: organisation.versions.map((version) => ({
      version: version.regulation.version,
      effective: version.regulation.effective,
      status: version.status,
      page: url(version.path),
      rules: Object.fromEntries(version.regulation.steps.map((step) => [step.id, stepRule(step, version.regulation)])),
      procedure: version.regulation,
    })),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
