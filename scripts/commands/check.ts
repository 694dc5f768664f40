import { COMMON_HELP, oneOf, parseCommand } from '../lib/args.ts';
import { loadRegister } from '../lib/files.ts';
import { countSeverities, formatGithub, formatText } from '../lib/format-diagnostics.ts';
import type { Io } from '../lib/io.ts';
import { resolveToday } from '../lib/today.ts';

export const CHECK_HELP = `klachten check: controleer alle reglementen en klachtdossiers

Gebruik: klachten check [--format text|github|json] [opties]

Controleert elk bestand (ook de evaluaties in <register>/evaluations/) op geldige front matter, verplichte velden, onbekende of verkeerd gespelde
velden, en de regels van het reglement (kanaal, vorm, inhoud, onafhankelijkheid, volgorde en data van
stappen, verlenging, opschorting, indieningstermijn). Een kapot bestand houdt de rest niet tegen.

  --format text     pad:regel:kolom: melding (standaard)
  --format github   annotaties voor GitHub Actions
  --format json     {files, evaluations, errors, warnings, diagnostics: [{severity, code, file, line, column, message}]}

Exitcode: 0 geldig (waarschuwingen mogen), 1 fouten gevonden, 2 verkeerd aangeroepen.

${COMMON_HELP}`;

/** `klachten check`. */
export async function check(args: string[], io: Io): Promise<number> {
  const { values } = parseCommand(args, { format: { type: 'string', default: 'text' } });
  if (values.help) {
    io.stdout(`${CHECK_HELP}\n`);
    return 0;
  }
  const format = oneOf('--format', values.format, ['text', 'github', 'json'] as const);
  const today = resolveToday(values.today, io.now());
  const loaded = await loadRegister({ cwd: io.cwd, register: values.register, regulations: values.regulations, today });
  const { errors, warnings } = countSeverities(loaded.diagnostics);
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify({ files: loaded.fileCount, evaluations: loaded.evaluationFileCount, errors, warnings, diagnostics: loaded.diagnostics }, null, 2)}\n`,
    );
  } else {
    const line = format === 'github' ? formatGithub : formatText;
    for (const diagnostic of loaded.diagnostics) io.stdout(`${line(diagnostic)}\n`);
    const evaluations =
      loaded.evaluationFileCount === 0
        ? ''
        : ` en ${loaded.evaluationFileCount} ${loaded.evaluationFileCount === 1 ? 'evaluatie' : 'evaluaties'}`;
    const summary = `${loaded.fileCount} klachtdossiers${evaluations} gecontroleerd: ${errors} ${errors === 1 ? 'fout' : 'fouten'}, ${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}`;
    io.stderr(`${summary}\n`);
  }
  return errors > 0 ? 1 : 0;
}
