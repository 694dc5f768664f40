/**
 * Every code a {@link Diagnostic} can carry, with what it means: the API of `klachten check --format json`
 * and of the annotations' titles. docs/error-codes.md is generated from this table (`npm run docs`).
 * A code never changes meaning; a new rule gets a new code.
 */
export const DIAGNOSTIC_CODES = {
  // Reading a file
  'front-matter': 'The file does not start with a `---` line, or its front matter is not closed.',
  'front-matter-language': 'The front matter is marked as another language (`---js`); it is never read or run.',
  'too-large': 'The file is over the size limit (256 KiB) and is not read.',
  unreadable: 'The file or folder cannot be read (no permission, or not a regular file); what it holds is not counted.',
  link: 'A symbolic link in the register: links are never followed; put the file or folder itself there.',
  encoding: 'The file is not valid UTF-8 (the line is named); save it as UTF-8.',
  'merge-conflict':
    'The file holds the markers of a git merge conflict (`<<<<<<<`, `=======`, `>>>>>>>`): choose the right value per field and remove the marker lines. Reported before the YAML is read, one finding per conflict.',
  yaml: 'The front matter is not valid YAML, or is empty, or uses anchors, aliases or tags.',
  schema: 'A field has a wrong type or value, or a required field is missing.',
  'unknown-field': 'A field the schema does not know (often a typo: the message suggests the known one).',
  'value-comment':
    "Warning: a text value is followed by ` #` on its line (`address: Voorbeeldstraat 1 #2`); YAML reads the rest as a comment and drops it. Put the whole value between quotes.",
  'forbidden-key': 'A key named `__proto__`, `constructor` or `prototype`: it could hide data from the checks, so it is refused.',
  // Regulations
  'regulation-folder': "The regulation's `organisation.slug` does not match its folder.",
  article: "A step names an article the regulation's text has no heading for.",
  'duplicate-version': 'Two versions of one regulation share a version label or an effective date.',
  'version-changes': 'Warning: a later version does not say what changed (`changes`).',
  // Complaints
  'file-name': 'The file name is not `<id>.md`.',
  'complaint-folder': 'The complaint file is not in `complaints/<year>/` (a four-digit year folder).',
  'id-year': 'Warning: the year in the id is not the year of receipt.',
  'duplicate-id': 'Another file has the same id.',
  organisation: 'No valid regulation for the organisation.',
  'no-version': "No version of the organisation's regulation was in force on the receipt date.",
  'future-date': 'A date lies after today.',
  channel: 'The regulation does not accept complaints through this channel.',
  form: 'The regulation does not accept complaints in this form (oral).',
  'required-content': 'A content the regulation requires (name, contact, address, description, date) is missing.',
  category: "The category is not in the organisation's list.",
  admissible: '`admissible` contradicts the outcome.',
  independence: 'The handler is among the staff the complaint is about.',
  'unknown-step': "A step the regulation version does not have.",
  'evaluation-step': 'A step of the yearly evaluation recorded on a complaint.',
  'auto-step': 'Warning: the receipt step is recorded, but it follows from `received`.',
  'step-before-receipt': 'A step is dated before the receipt.',
  'step-order': 'A step is dated before the step it counts from.',
  'date-order': 'Dates in the wrong order (for example closed before received).',
  extension: 'An extension the regulation does not allow, or of an unknown step.',
  'extension-max': 'An extension longer than the regulation allows.',
  'extension-times': 'More extensions of one step than the regulation allows.',
  'extension-reason': 'An extension without the reason the regulation asks for.',
  'extension-notice': 'The complainant was told of the extension after the original deadline, or not at all.',
  suspension: 'A suspension the regulation does not allow, or with impossible dates or steps.',
  'submission-window': 'Warning: `assignmentEnded` is missing where the submission window counts from it.',
  'late-submission': 'Warning: the complaint came in after the submission window.',
  'measure-description': 'A measure without a description.',
  anonymised: 'An anonymised record still holds a personal field or text.',
  // Evaluations
  'evaluation-folder': "The evaluation's organisation does not match its folder.",
  'evaluation-file': "The evaluation's year does not match its file name.",
  'action-due': 'Warning: an improvement action without a due date.',
  'action-owner': 'Warning: an improvement action without an owner.',
  'approval-early': 'The evaluation is approved before the year it evaluates has ended.',
  'evaluation-anonymous': 'The evaluation names a complaint id; evaluations are published.',
  'frozen-figures':
    "The figures fixed at approval (`<year>.cijfers.json`) cannot be read, do not belong to the evaluation, or publish a count below the threshold.",
  'frozen-draft': 'Warning: figures are fixed for an evaluation that is not approved.',
} as const satisfies Record<string, string>;

/** A stable code of a finding; see {@link DIAGNOSTIC_CODES}. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
