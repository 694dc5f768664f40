import { RegisterError } from './diagnostic.ts';

/** Largest file the register reads; a complaint file is a few kilobytes. */
export const MAX_FILE_BYTES = 256 * 1024;

/** A Markdown file split into YAML front matter and body. */
export interface FrontMatterParts {
  /** The YAML text between the `---` lines. */
  yaml: string;
  /** 1-based line in the file where the YAML starts. */
  yamlLine: number;
  /** Offset of the YAML text in the original file text. */
  yamlOffset: number;
  /** Everything after the closing `---` line. */
  body: string;
}

const OPEN = /^---[ \t]*\r?$/;

/**
 * Splits front matter from a Markdown file. Only YAML front matter is accepted: a `---js`,
 * `---javascript` or any other language marker is refused, never evaluated.
 * @throws {RegisterError} `front-matter` when there is no (closed) front matter, `too-large` for
 *   oversized files.
 * @example splitFrontMatter('---\nid: KL-2026-0001\n---\nTekst\n').body // 'Tekst\n'
 */
export function splitFrontMatter(text: string, file: string, size = text.length): FrontMatterParts {
  if (size > MAX_FILE_BYTES) {
    throw new RegisterError(
      'too-large',
      `bestand is ${Math.round(size / 1024)} KiB; het register leest bestanden tot ${MAX_FILE_BYTES / 1024} KiB (is dit wel een klachtdossier?)`,
      { file },
    );
  }
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const source = text.slice(bom);
  const firstEnd = source.indexOf('\n');
  const first = firstEnd === -1 ? source : source.slice(0, firstEnd);
  if (!OPEN.test(first)) {
    const language = /^---\s*([A-Za-z]+)/.exec(first)?.[1];
    if (language !== undefined) {
      throw new RegisterError(
        'front-matter-language',
        `front matter in '${language}' wordt niet gelezen en nooit uitgevoerd; begin het bestand met een regel '---' en schrijf YAML`,
        { file, line: 1, column: 4 },
      );
    }
    throw new RegisterError('front-matter', "het bestand moet beginnen met een regel '---' gevolgd door YAML-velden", {
      file,
      line: 1,
    });
  }
  // Look for the closing `---` (or `...`) line, one line at a time.
  let offset = firstEnd === -1 ? source.length : firstEnd + 1;
  let line = 1;
  while (offset < source.length) {
    line += 1;
    const end = source.indexOf('\n', offset);
    const current = end === -1 ? source.slice(offset) : source.slice(offset, end);
    if (/^(---|\.\.\.)[ \t]*\r?$/.test(current)) {
      return {
        yaml: source.slice(firstEnd + 1, offset),
        yamlLine: 2,
        yamlOffset: bom + firstEnd + 1,
        body: end === -1 ? '' : source.slice(end + 1),
      };
    }
    offset = end === -1 ? source.length : end + 1;
  }
  throw new RegisterError('front-matter', "de front matter wordt niet afgesloten: zet een regel '---' na de laatste YAML-regel", {
    file,
    line,
  });
}
