/** A finding about a file: an error blocks the check, a warning does not. */
export interface Diagnostic {
  /** `error` or `warning`. */
  severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. `unknown-field` (listed in docs/error-codes.md). */
  code: string;
  /** The file, as given to the parser. */
  file: string;
  /** 1-based line, 1 when the finding concerns the whole file. */
  line: number;
  /** 1-based column. */
  column: number;
  /** What is wrong and what to do, in Dutch. */
  message: string;
}

/**
 * What went wrong, as a stable code (listed in docs/error-codes.md):
 * - `usage`: a command was called wrongly (exit 2);
 * - `folder-missing`: the regulations, register or complaints folder is not there (`folder` says which);
 * - `not-found`: a complaint asked for by id is not in the register;
 * - `unknown-organisation`: no valid regulation of that organisation (its own errors come first);
 * - `config`: an environment variable is missing or malformed;
 * - `invalid-files`: files the site or a command needs have errors (the diagnostics say which);
 * - `front-matter`, `front-matter-language`, `too-large`, `yaml`, `steps`: a file cannot be read or edited;
 * - `git-missing`: git is not installed; `not-a-repository`: the folder is not in a git repository;
 *   `not-committed`: the file is not in git yet; `git`: git ran and failed.
 */
export type ErrorCode =
  | 'usage'
  | 'folder-missing'
  | 'not-found'
  | 'unknown-organisation'
  | 'config'
  | 'invalid-files'
  | 'front-matter'
  | 'front-matter-language'
  | 'too-large'
  | 'yaml'
  | 'steps'
  | 'git-missing'
  | 'not-a-repository'
  | 'not-committed'
  | 'git';

/** The register's folders, for `folder-missing`: each caller says how to point at it (a flag, a variable). */
export type RegisterFolder = 'regulations' | 'register' | 'complaints';

/**
 * The one error class of the register. `message` says what is wrong in neutral terms; `hint` what to
 * do, where the thrower knows it. A caller that knows its own way in (the CLI's `--regulations`, the
 * site's `KLACHTEN_REGULATIONS`) adds its hint with {@link withHint}. Modelled on Astro's
 * `AstroError(message, hint)`.
 */
export class RegisterError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** For `folder-missing`: which folder. */
  readonly folder: RegisterFolder | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    where: {
      file?: string;
      line?: number;
      column?: number;
      hint?: string;
      folder?: RegisterFolder;
      cause?: unknown;
    } = {},
  ) {
    super(message, where.cause === undefined ? undefined : { cause: where.cause });
    this.name = 'RegisterError';
    this.code = code;
    this.hint = where.hint;
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.folder = where.folder;
  }

  /** The same error with `hint` as its advice. */
  withHint(hint: string): RegisterError {
    return new RegisterError(this.code, this.message, {
      hint,
      cause: this.cause ?? this,
      ...(this.file === undefined ? {} : { file: this.file }),
      ...(this.line === undefined ? {} : { line: this.line }),
      ...(this.column === undefined ? {} : { column: this.column }),
      ...(this.folder === undefined ? {} : { folder: this.folder }),
    });
  }
}

/** A mistake in how a command was called: a {@link RegisterError} with code `usage` (exit 2). */
export function usageError(message: string, options: { hint?: string; cause?: unknown } = {}): RegisterError {
  return new RegisterError('usage', message, options);
}

/** Turns a thrown {@link RegisterError} into a diagnostic for its file. */
export function errorToDiagnostic(error: RegisterError, file: string): Diagnostic {
  return {
    severity: 'error',
    code: error.code,
    file: error.file ?? file,
    line: error.line ?? 1,
    column: error.column ?? 1,
    message: error.message,
  };
}
