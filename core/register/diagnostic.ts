/** A finding about a file: an error blocks the check, a warning does not. */
export interface Diagnostic {
  /** `error` or `warning`. */
  severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. `unknown-field`. */
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

/** The one error class of the register; `code` says what kind of problem it is. */
export class RegisterError extends Error {
  readonly code: string;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(
    code: string,
    message: string,
    where: { file?: string; line?: number; column?: number; cause?: unknown } = {},
  ) {
    super(message, where.cause === undefined ? undefined : { cause: where.cause });
    this.name = 'RegisterError';
    this.code = code;
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }
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
