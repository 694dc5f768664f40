import { resolve } from 'node:path';
import {
  anonymisedComplaint,
  anonymisedFileText,
  complaintFacts,
  parseFrontMatterFile,
  personalPaths,
  readComplaint,
  retentionState,
  versionInForce,
  ComplaintSchema,
  formatText,
  safeJson,
  safeLine,
  safeLines,
  newErrors,
  usageError,
  type Diagnostic,
  type IsoDate,
  type RegulationSet,
  type SourceFile,
} from '../../core/index.ts';
import { existingComplaintsDir } from '../../node/load-register.ts';
import { replaceFile } from '../../node/write-file.ts';
import { listMarkdown, readSources } from '../../node/read-sources.ts';
import { defineCommand } from '../lib/command.ts';
import { plural } from '../lib/plural.ts';
import { commandRegulations } from '../lib/regulations.ts';
import { renderTable } from '../lib/table.ts';
import { resolveToday } from '../lib/today.ts';

interface Expired {
  id: string;
  file: string;
  organisation: string;
  closed: IsoDate;
  term: string;
  expires: IsoDate;
  /** Whether --apply removed the personal data in this run. */
  anonymised: boolean;
}

interface StaleOpen {
  id: string;
  file: string;
  organisation: string;
  received: IsoDate;
}

/**
 * Anonymises one record and checks the result before it is written: it must read, hold no personal
 * field, raise no new error, and give the evaluation exactly the same facts.
 * @returns the new text, or why it was refused.
 */
function anonymiseText(
  source: SourceFile,
  regulations: RegulationSet,
  today: IsoDate,
  term: string,
): { text: string } | { refused: string } {
  // The rules are run only here, for the few files that change: the listing needs the front matter alone.
  const before = readComplaint(source, regulations, today);
  const complaint = before.record?.complaint;
  const version = complaint && versionInForce(regulations, complaint.organisation, complaint.received);
  if (!complaint || !version) return { refused: 'niet leesbaar' };
  // A category outside the list is not written (it may be typed text), and leaving it out would change the figures.
  const categories = version.regulation.organisation.categories;
  if (complaint.category !== undefined && !categories.includes(complaint.category)) {
    return {
      refused: `de categorie staat niet in de lijst van ${complaint.organisation}; kies er een uit die lijst (klachten check)`,
    };
  }
  // The term is always retention's own text: an earlier one in other words may hold free text.
  const note = { on: complaint.anonymised?.on ?? today, term };
  const text = anonymisedFileText(anonymisedComplaint(complaint, version, note), note);
  const after = readComplaint({ file: source.file, text }, regulations, today);
  if (!after.record) return { refused: 'het resultaat is niet leesbaar' };
  if (personalPaths(ComplaintSchema, after.record.complaint).length > 0 || after.record.body.trim() !== '') {
    return { refused: 'het resultaat bevat nog persoonsgegevens' };
  }
  const added = newErrors(before.diagnostics, after.diagnostics);
  if (added.length > 0) return { refused: `het resultaat geeft een nieuwe fout (${added.map((d) => d.code).join(', ')})` };
  const factsBefore = JSON.stringify(complaintFacts(complaint, version, today));
  const factsAfter = JSON.stringify(complaintFacts(after.record.complaint, version, today));
  if (factsBefore !== factsAfter) return { refused: 'de cijfers voor de evaluatie zouden veranderen' };
  return { text };
}

/** `klachten retention`. */
export const retention = defineCommand({
  name: 'retention',
  summary: 'dossiers over hun bewaartermijn tonen en (met --apply) anonimiseren',
  usage: ['klachten retention [--apply] [--json | --markdown] [opties]'],
  description: `Elk reglement noemt hoe lang de persoonsgegevens na afsluiting van een klacht blijven (retention). Zonder
--apply toont deze opdracht welke dossiers over hun termijn zijn; er verandert niets.

Met --apply verdwijnen uit die dossiers: de gegevens van de klager (complainant), de klachttekst, de
dagtekening (dated), notities bij stappen, redenen van verlenging en opschorting, omschrijvingen en
uitvoerders van maatregelen, de behandelaar en de betrokken medewerkers. Wat de jaarlijkse evaluatie
telt, blijft: kanaal, vorm, categorie, uitkomst, stappen met datums, verlengingen, opschortingen,
maatregelen, externe instanties en de afsluitdatum, met de aantekening anonymised: {on, term}. Voor
elk dossier wordt nagerekend dat de cijfers voor de evaluatie gelijk blijven; zo niet, dan blijft het
bestand ongewijzigd.

De termijn loopt vanaf closed. Heeft een nieuwere versie van het reglement een kortere termijn, dan
geldt die kortere termijn ook voor oudere klachten.

De uitvoer noemt alleen ids, organisaties en datums, zodat hij in een CI-log mag staan.`,
  options: {
    apply: { type: 'boolean', default: false, description: 'de persoonsgegevens echt verwijderen (schrijft de bestanden)' },
    markdown: {
      type: 'boolean',
      default: false,
      description: 'de beschrijving van een pull request (de maandelijkse workflow gebruikt die)',
    },
    json: {
      type: 'boolean',
      default: false,
      description: `{today, applied, expired: [{id, file, organisation, closed, term, expires, anonymised}],
staleOpen: [{id, file, organisation, received}], kept, anonymisedBefore, unreadable: [file]}`,
    },
  },
  sections: [
    `Exitcode: 0 klaar, 1 een bestand kon niet gelezen of niet geanonimiseerd worden (de andere zijn wel
verwerkt), 2 verkeerd aangeroepen.`,
    "Git bewaart de oude tekst in de geschiedenis: zie de README, 'Retention and the git history', voor het opschonen daarvan.",
  ],
  run: ({ values }, io) => {
    if (values.json && values.markdown) throw usageError('kies --json of --markdown, niet allebei');
    const today = resolveToday(values.today, io.now());
    const { regulations } = commandRegulations(io, values.regulations, { reportAll: true });
    const dir = existingComplaintsDir(io.cwd, values.register);

    const expired: Expired[] = [];
    const staleOpen: StaleOpen[] = [];
    const unreadable: string[] = [];
    let kept = 0;
    let anonymisedBefore = 0;
    let failed = 0;
    for (const source of readSources(listMarkdown(dir), io.cwd)) {
      const parsed = parseFrontMatterFile(source.file, source.text, ComplaintSchema, source.size, source.problem);
      const complaint = parsed.data;
      let state = complaint && retentionState(complaint, regulations, today);
      // Text put back under an anonymised record's front matter goes again.
      if (state?.state === 'anonymised' && parsed.body.trim() !== '') state = { ...state, state: 'expired' };
      if (!complaint || !state) {
        unreadable.push(source.file);
        // Without a regulation the front matter parses; the check then says what is wrong.
        const diagnostics = complaint ? readComplaint(source, regulations, today).diagnostics : parsed.diagnostics;
        const errors: Diagnostic[] = diagnostics.filter((d) => d.severity === 'error');
        io.stderr(`${errors[0] ? formatText(errors[0]) : safeLine(source.file)}\n`);
        continue;
      }
      if (state.state === 'kept') kept += 1;
      else if (state.state === 'anonymised') anonymisedBefore += 1;
      else if (state.state === 'open') {
        if (state.staleOpen)
          staleOpen.push({
            id: complaint.id,
            file: source.file,
            organisation: complaint.organisation,
            received: complaint.received,
          });
      } else if (complaint.closed !== undefined && state.expires !== null) {
        const entry: Expired = {
          id: complaint.id,
          file: source.file,
          organisation: complaint.organisation,
          closed: complaint.closed,
          term: state.term,
          expires: state.expires,
          anonymised: false,
        };
        expired.push(entry);
        if (values.apply) {
          const result = anonymiseText(source, regulations, today, state.term);
          if ('refused' in result) {
            failed += 1;
            io.stderr(safeLines(`${source.file}: niet geanonimiseerd: ${result.refused}; het bestand is ongewijzigd\n`));
          } else {
            // Written whole or not at all, and only over the bytes that were read: no edit in between is lost.
            const written = replaceFile(resolve(io.cwd, source.file), result.text, Buffer.from(source.text, 'utf8'));
            if (written === 'written') entry.anonymised = true;
            else {
              failed += 1;
              const why =
                written === 'changed'
                  ? 'het bestand veranderde terwijl het gelezen werd'
                  : 'een ander programma schrijft het op dit moment';
              io.stderr(safeLines(`${source.file}: niet geanonimiseerd: ${why}; probeer het opnieuw\n`));
            }
          }
        }
      }
    }

    if (unreadable.length > 0) {
      io.stderr(
        `${unreadable.length} ${unreadable.length === 1 ? 'dossier' : 'dossiers'} niet leesbaar en dus niet beoordeeld; herstel ze (klachten check)\n`,
      );
    }
    if (values.json) {
      io.stdout(
        safeJson(
          `${JSON.stringify({ today, applied: values.apply, expired, staleOpen, kept, anonymisedBefore, unreadable }, null, 2)}\n`,
        ),
      );
    } else {
      const report: Report = { today, apply: values.apply, expired, staleOpen, kept, anonymisedBefore };
      io.stdout(safeLines(values.markdown ? renderMarkdown(report) : renderText(report)));
    }
    return unreadable.length > 0 || failed > 0 ? 1 : 0;
  },
});

interface Report {
  today: IsoDate;
  apply: boolean;
  expired: Expired[];
  staleOpen: StaleOpen[];
  kept: number;
  anonymisedBefore: number;
}

/** The description of the monthly pull request: ids and dates only, and what to do after merging. */
function renderMarkdown(report: Report): string {
  const done = report.expired.filter((e) => !report.apply || e.anonymised);
  const lines = [
    done.length === 0
      ? `Geen dossiers over de bewaartermijn op ${report.today}.`
      : report.apply
        ? `De bewaartermijn van ${plural(done.length, 'dossier', 'dossiers')} is verstreken. \`klachten retention --apply\` heeft op ${report.today} de gegevens van de klager, de klachttekst, de dagtekening, notities, redenen, omschrijvingen, de behandelaar en de betrokken medewerkers verwijderd. Wat de jaarlijkse evaluatie telt, is gebleven; per dossier is nagerekend dat de cijfers gelijk blijven.`
        : `Op ${report.today} ${done.length === 1 ? 'is 1 dossier' : `zijn ${done.length} dossiers`} over de bewaartermijn.`,
  ];
  if (done.length > 0) {
    lines.push('', '| Dossier | Organisatie | Afgesloten | Termijn verliep | Termijn |', '|---|---|---|---|---|');
    for (const e of done) lines.push(`| ${e.id} | ${e.organisation} | ${e.closed} | ${e.expires} | ${e.term} |`);
  }
  const failed = report.expired.length - done.length;
  if (failed > 0)
    lines.push(
      '',
      `**${plural(failed, 'dossier kon', 'dossiers konden')} niet geanonimiseerd worden**; zie het log van de workflow.`,
    );
  if (report.staleOpen.length > 0) {
    lines.push(
      '',
      `Nog open, maar langer dan de bewaartermijn geleden ontvangen: ${report.staleOpen.map((s) => s.id).join(', ')}. Vul \`closed\` in als de klacht is afgehandeld.`,
    );
  }
  lines.push(
    '',
    '### Voor het samenvoegen',
    '',
    '- [ ] De directie heeft de lijst bekeken (geen lopende procedure of bezwaar waarvoor het dossier langer moet blijven).',
    '- [ ] De controle van de klachtdossiers in deze workflow is groen.',
    '',
    '### Na het samenvoegen',
    '',
    'De oude tekst van deze dossiers staat nog in de git-geschiedenis en in deze pull request. Volg de stappen in de README (Retention and the git history) om hem daar te verwijderen.',
  );
  return `${lines.join('\n')}\n`;
}

function renderText(report: Report): string {
  const { expired, staleOpen } = report;
  const lines: string[] = [];
  const done = expired.filter((e) => e.anonymised).length;
  if (expired.length === 0) {
    lines.push(`Geen dossiers over hun bewaartermijn op ${report.today}.`);
  } else {
    lines.push(
      report.apply
        ? `${plural(done, 'dossier', 'dossiers')} geanonimiseerd op ${report.today}:`
        : `${plural(expired.length, 'dossier', 'dossiers')} over de bewaartermijn op ${report.today}:`,
      '',
      renderTable(
        ['id', 'organisatie', 'afgesloten', 'termijn verliep', 'termijn', ...(report.apply ? ['resultaat'] : [])],
        expired.map((e) => [
          e.id,
          e.organisation,
          e.closed,
          e.expires,
          e.term,
          ...(report.apply ? [e.anonymised ? 'geanonimiseerd' : 'NIET gelukt (zie hierboven)'] : []),
        ]),
      ),
    );
    if (!report.apply) lines.push('', 'Met --apply worden de persoonsgegevens en de klachttekst uit deze dossiers verwijderd.');
  }
  if (staleOpen.length > 0) {
    lines.push(
      '',
      `Nog open, maar langer dan de bewaartermijn geleden ontvangen (vul closed in als de klacht is afgehandeld):`,
      '',
      renderTable(
        ['id', 'organisatie', 'ontvangen'],
        staleOpen.map((s) => [s.id, s.organisation, s.received]),
      ),
    );
  }
  lines.push(
    '',
    `Binnen de termijn: ${plural(report.kept, 'afgesloten dossier', 'afgesloten dossiers')}; eerder geanonimiseerd: ${report.anonymisedBefore}.`,
  );
  if (report.apply && done > 0) {
    lines.push(
      'Let op: de oude tekst staat nog in de git-geschiedenis. Zie de README (Retention and the git history) voor het opschonen na het samenvoegen.',
    );
  }
  return `${lines.join('\n')}\n`;
}
