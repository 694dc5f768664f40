/**
 * Text from files (paths, regulation titles, evaluation actions) on its way into an issue or a pull
 * request comment. GitHub renders it as Markdown and acts on it: `@login` notifies, `#123` links and
 * cross-references, `<!-- … -->` hides text (and could forge the sync's marker), HTML and backticks
 * change what is shown, a newline starts a new block. This is the one escaping function for that.
 */
export function escapeMarkdown(value: string): string {
  return (
    value
      // Newlines, other controls and format characters (bidi overrides, zero-width) become one space.
      .replace(/[\s\p{Cc}\p{Cf}]+/gu, ' ')
      .replace(/[&<>`\\*_[\]|~@#]/g, (c) => ESCAPES[c] ?? c)
  );
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '`': '&#96;',
  '\\': '\\\\',
  '*': '\\*',
  _: '\\_',
  '[': '\\[',
  ']': '\\]',
  '|': '\\|',
  '~': '\\~',
  // A full-width sign: it reads the same, but is never a mention or a reference.
  '@': '\uFF20',
  '#': '\uFF03',
};

/** Whether a value is plain: letters, digits and `._/-` only (ids, paths, slugs). */
export function isPlain(value: string): boolean {
  return /^[A-Za-z0-9._/-]+$/.test(value);
}

/** A value as a code span when it is plain, else as escaped text. */
export function codeOrText(value: string): string {
  return isPlain(value) ? `\`${value}\`` : escapeMarkdown(value);
}

/** GitHub's login syntax. */
export const LOGIN_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** What an issue or comment says instead of a handler, owner or involved value it cannot vouch for. */
export const NOT_ASSIGNABLE = 'behandelaar niet toewijsbaar (zie het dossier)';

/** A Markdown link target: every character outside a safe set percent-encoded, so `)` or `<` cannot end it. */
export function linkTarget(url: string): string {
  return url.replace(/[^A-Za-z0-9._~:/?=&%+-]/g, (c) =>
    [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}
