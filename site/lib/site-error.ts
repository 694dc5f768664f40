import { RegisterError, type RegisterFolder } from '../../core/register/diagnostic.ts';

/** How a site build points at each folder: environment variables, as the site has no flags. */
const FOLDER_HINTS: Record<RegisterFolder, string> = {
  regulations: 'zet KLACHTEN_REGULATIONS op de map met reglementen (standaard: regulations)',
  register: 'zet KLACHTEN_REGISTER op de map van het register (standaard: register)',
  complaints: 'zet KLACHTEN_REGISTER op de map van het register (standaard: register)',
};

/** A register error with the site's own hint; anything else unchanged. */
export function siteError(error: unknown): unknown {
  if (error instanceof RegisterError && error.code === 'folder-missing' && error.folder !== undefined && error.hint === undefined)
    return error.withHint(FOLDER_HINTS[error.folder]);
  return error;
}
