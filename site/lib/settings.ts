/** Build settings of the public site, from the environment (all optional). */
export interface SiteSettings {
  /** Folder of regulation files, relative to the project: KLACHTEN_REGULATIONS, default `regulations`. */
  regulations: string;
  /** The register, for the evaluation pages: KLACHTEN_REGISTER, default `register` (absent: no evaluations). */
  register: string;
  /**
   * KLACHTEN_SITE_MODE: `public` (default) publishes approved evaluations only; `internal` (for staff and
   * directors) also drafts and the overview of open complaints.
   */
  mode: 'public' | 'internal';
  /** Where the site is built: KLACHTEN_SITE_OUT, default `dist` (`dist-internal` for the internal site). */
  outDir: string;
  /** The public address, for canonical links: KLACHTEN_SITE_URL, e.g. https://klachten.example.nl. */
  url?: string;
  /** The path the site lives under: KLACHTEN_SITE_BASE, default `/`. */
  base: string;
  /** Astro's cache folder: KLACHTEN_SITE_CACHE, default Astro's own (the benchmark starts each run cold). */
  cacheDir?: string;
  /** The date that decides which version is current: KLACHTEN_TODAY, default today in Amsterdam. */
  today?: string;
}

/** Reads the site settings from environment variables. */
export function siteSettings(env: Record<string, string | undefined>): SiteSettings {
  const url = env.KLACHTEN_SITE_URL;
  const mode = env.KLACHTEN_SITE_MODE ?? 'public';
  if (mode !== 'public' && mode !== 'internal') throw new Error(`KLACHTEN_SITE_MODE verwacht public of internal, niet '${mode}'`);
  return {
    regulations: env.KLACHTEN_REGULATIONS ?? 'regulations',
    register: env.KLACHTEN_REGISTER ?? 'register',
    mode,
    outDir: env.KLACHTEN_SITE_OUT ?? (mode === 'internal' ? 'dist-internal' : 'dist'),
    ...(url === undefined || url === '' ? {} : { url }),
    base: env.KLACHTEN_SITE_BASE ?? '/',
    ...(env.KLACHTEN_SITE_CACHE ? { cacheDir: env.KLACHTEN_SITE_CACHE } : {}),
    ...(env.KLACHTEN_TODAY ? { today: env.KLACHTEN_TODAY } : {}),
  };
}
