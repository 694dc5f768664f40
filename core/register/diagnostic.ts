import type { DiagnosticCode } from './codes.ts';

/** A finding about a file: an error blocks the check, a warning does not. */
export interface Diagnostic {
  /** `error` or `warning`. */
  severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. `unknown-field` (listed in docs/error-codes.md). */
  code: DiagnosticCode;
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
 * What stopped a command or a build, as a stable code with what it means. docs/error-codes.md is
 * generated from this table (`npm run docs`); the CLI exits with 2 for the codes marked "usage", 1
 * for the others.
 */
export const ERROR_CODES = {
  usage: 'usage: the command was called wrongly (an unknown option, a missing or malformed value).',
  'folder-missing':
    'usage: the regulations, register or complaints folder is not there; the CLI names its flag, the site its `KLACHTEN_` variable.',
  'not-found': 'usage: no complaint with the id asked for (the hint names the nearest id).',
  config: 'usage: an environment variable (`GITHUB_REPOSITORY`, `GITHUB_TOKEN`, …) is missing or malformed.',
  'unknown-organisation': "The organisation's regulation has errors; they are printed first.",
  'invalid-files': 'Files the site build needs have errors (the message lists them as `klachten check` does).',
  'front-matter': 'A file cannot be read: no front matter, or not closed.',
  'front-matter-language': 'A file marks its front matter as another language (`---js`).',
  'too-large': 'A file is over the size limit.',
  yaml: 'A file to be edited (`klachten record`) has front matter that is not valid YAML.',
  steps: "A file to be edited has a `steps` field that is not a list of step: date.",
  'git-missing': 'git is not installed or not on the PATH.',
  'not-a-repository': 'The folder is not inside a git repository.',
  'not-committed': 'The complaint file is not in git yet (`klachten history`).',
  git: 'git ran and failed; the message has its own first line.',
} as const satisfies Record<string, string>;

/** A stable code of a {@link RegisterError}; see {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

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

/** The error codes that concern one file, and so become a diagnostic of that file. */
const FILE_CODES = new Set<string>(['front-matter', 'front-matter-language', 'too-large', 'yaml']);

/** Turns a thrown {@link RegisterError} about a file into a diagnostic for it. */
export function errorToDiagnostic(error: RegisterError, file: string): Diagnostic {
  return {
    severity: 'error',
    code: FILE_CODES.has(error.code) ? (error.code as DiagnosticCode) : 'front-matter',
    file: error.file ?? file,
    line: error.line ?? 1,
    column: error.column ?? 1,
    message: error.message,
  };
}
