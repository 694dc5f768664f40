import { countSeverities, formatGithub, formatText, safeJson } from '../../core/index.ts';
import { loadRegister } from '../../node/load-register.ts';
import { defineCommand } from '../lib/command.ts';
import { registerLocation } from '../lib/location.ts';
import { plural } from '../lib/plural.ts';
import { resolveToday } from '../lib/today.ts';

/** `klachten check`. */
export const check = defineCommand({
  name: 'check',
  summary: 'controleer reglementen en klachtdossiers (ook in CI)',
  description: `Controleert elk bestand (ook de evaluaties in <register>/evaluations/) op geldige front matter,
verplichte velden, onbekende of verkeerd gespelde velden, en de regels van het reglement (kanaal, vorm,
inhoud, onafhankelijkheid, volgorde en data van stappen, verlenging, opschorting, indieningstermijn).
Een kapot bestand houdt de rest niet tegen.`,
  options: {
    format: {
      type: 'string',
      default: 'text',
      description: 'hoe de meldingen eruitzien',
      choices: {
        text: 'pad:regel:kolom: melding',
        github: 'annotaties voor GitHub Actions',
        json: '{files, evaluations, errors, warnings, diagnostics: [{severity, code, file, line, column, message}]}',
      },
    },
  },
  sections: ['Exitcode: 0 geldig (waarschuwingen mogen), 1 fouten gevonden, 2 verkeerd aangeroepen.'],
  run: async ({ values }, io) => {
    const today = resolveToday(values.today, io.now());
    const loaded = await loadRegister({
      ...registerLocation(io, values),
      today,
    });
    const { errors, warnings } = countSeverities(loaded.diagnostics);
    if (values.format === 'json') {
      io.stdout(
        safeJson(
          `${JSON.stringify({ files: loaded.fileCount, evaluations: loaded.evaluationFileCount, errors, warnings, diagnostics: loaded.diagnostics }, null, 2)}\n`,
        ),
      );
    } else {
      const line = values.format === 'github' ? formatGithub : formatText;
      for (const diagnostic of loaded.diagnostics) io.stdout(`${line(diagnostic)}\n`);
      const evaluations =
        loaded.evaluationFileCount === 0 ? '' : ` en ${plural(loaded.evaluationFileCount, 'evaluatie', 'evaluaties')}`;
      io.stderr(
        `${loaded.fileCount} klachtdossiers${evaluations} gecontroleerd: ${plural(errors, 'fout', 'fouten')}, ${plural(warnings, 'waarschuwing', 'waarschuwingen')}\n`,
      );
    }
    return errors > 0 ? 1 : 0;
  },
});
