/** Build settings of the public site, from the environment (all optional). */
export interface SiteSettings {
  /** Folder of regulation files, relative to the project: KLACHTEN_REGULATIONS, default `regulations`. */
  regulations: string;
  /** Where the site is built: KLACHTEN_SITE_OUT, default `dist`. */
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
  return {
    regulations: env.KLACHTEN_REGULATIONS ?? 'regulations',
    outDir: env.KLACHTEN_SITE_OUT ?? 'dist',
    ...(url === undefined || url === '' ? {} : { url }),
    base: env.KLACHTEN_SITE_BASE ?? '/',
    ...(env.KLACHTEN_SITE_CACHE ? { cacheDir: env.KLACHTEN_SITE_CACHE } : {}),
    ...(env.KLACHTEN_TODAY ? { today: env.KLACHTEN_TODAY } : {}),
  };
}
