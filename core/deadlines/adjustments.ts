import { formatDate, formatTerm } from '../calendar/dutch.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { addTerm } from '../calendar/term.ts';
import type { DiagnosticCode } from '../register/codes.ts';
import { echoValue } from '../register/suggest.ts';
import type { Complaint } from '../schemas/complaint.ts';
import { stepDeadline } from './compute-steps.ts';
import type { RegulationVersion } from './regulation-set.ts';

/** What is wrong with one extension or suspension of a complaint, by the rules of its regulation. */
export interface AdjustmentFinding {
  field: 'extensions' | 'suspensions';
  index: number;
  code: DiagnosticCode;
  /** Where in the front matter, for the finding's line. */
  path: readonly PropertyKey[];
  message: string;
}

/** "onbekende stap", with the typed id only when it is close to a step (then also which one). */
export function unknownStep(id: string, steps: Iterable<string>): string {
  const echo = echoValue(id, steps);
  return echo?.meant ? `onbekende stap ${echo.shown}; bedoelt u '${echo.meant}'?` : 'onbekende stap';
}

/**
 * Checks a complaint's extensions and suspensions against its regulation version: allowed at all, of a
 * step with a deadline that may be extended, with a reason, not too often, not too long, notified in
 * time; suspensions allowed, in order, not before the receipt, of known steps. `klachten check` reports
 * these findings, and the deadlines leave out what they reject, so status and check never disagree.
 */
export function checkAdjustments(
  complaint: Complaint,
  version: Pick<RegulationVersion, 'regulation' | 'calendar' | 'key'>,
  today: IsoDate,
): AdjustmentFinding[] {
  if (complaint.extensions.length === 0 && complaint.suspensions.length === 0) return [];
  const { regulation } = version;
  const findings: AdjustmentFinding[] = [];
  const stepsById = new Map(regulation.steps.map((step) => [step.id, step]));
  const anonymised = complaint.anonymised !== undefined;
  const art = (id: string | undefined): string => (id === undefined ? '' : ` (${version.key}, ${id})`);

  const policy = regulation.extension;
  complaint.extensions.forEach((extension, index) => {
    const add = (code: DiagnosticCode, path: readonly PropertyKey[], message: string): void => {
      findings.push({ field: 'extensions', index, code, path: ['extensions', index, ...path], message });
    };
    const step = stepsById.get(extension.step);
    if (!policy.allowed) {
      add('extension', [], `het reglement van ${complaint.organisation} staat geen verlenging toe`);
      return;
    }
    if (!step?.deadline) {
      add(
        'extension',
        ['step'],
        step ? `stap '${extension.step}' heeft geen termijn om te verlengen` : unknownStep(extension.step, stepsById.keys()),
      );
      return;
    }
    if (policy.steps !== undefined && !policy.steps.includes(step.id)) {
      // The article that allows the extension, not the one of the step someone tried to extend.
      const allowed = policy.steps.map((id) => stepsById.get(id)?.article).find((a) => a !== undefined);
      add('extension', ['step'], `alleen ${policy.steps.join(', ')} mag verlengd worden${art(allowed)}`);
    }
    if (policy.reasonRequired && extension.reason === undefined && !anonymised) {
      add('extension-reason', [], 'een verlenging moet gemotiveerd worden: vul reason in');
    }
    const earlier = complaint.extensions.slice(0, index).filter((e) => e.step === extension.step);
    if (policy.times !== undefined && earlier.length >= policy.times) {
      add('extension-times', [], `stap '${step.id}' mag hoogstens ${String(policy.times)} keer verlengd worden`);
    }
    const original = stepDeadline(step, { ...complaint, extensions: earlier, suspensions: [] }, version, today).due;
    if (original !== null && policy.max !== undefined) {
      const longest = addTerm(original, policy.max, version.calendar).date;
      if (addTerm(original, extension, version.calendar).date > longest) {
        add(
          'extension-max',
          ['amount'],
          `verlenging van ${formatTerm(extension)} is langer dan toegestaan (hoogstens ${formatTerm(policy.max)})`,
        );
      }
    }
    if (policy.noticeBeforeDeadline) {
      if (extension.notified === undefined) {
        add(
          'extension-notice',
          [],
          `vul notified in: de datum waarop de klager over de verlenging is geïnformeerd${original === null ? '' : ` (uiterlijk ${formatDate(original)})`}`,
        );
      } else if (original !== null && extension.notified > original) {
        add(
          'extension-notice',
          ['notified'],
          `de klager is op ${extension.notified} geïnformeerd, na de oorspronkelijke termijn (${original}); verlengen moet vóór de termijn afloopt`,
        );
      }
    }
  });

  complaint.suspensions.forEach((suspension, index) => {
    const add = (path: readonly PropertyKey[], message: string): void => {
      findings.push({ field: 'suspensions', index, code: 'suspension', path: ['suspensions', index, ...path], message });
    };
    if (!regulation.suspension.allowed) {
      add([], `het reglement van ${complaint.organisation} kent geen opschorting`);
      return;
    }
    if (suspension.to !== undefined && suspension.to < suspension.from)
      add(['to'], `einde ${suspension.to} ligt vóór begin ${suspension.from}`);
    if (suspension.from < complaint.received) add(['from'], `opschorting begint vóór de ontvangst (${complaint.received})`);
    for (const id of suspension.steps ?? []) if (!stepsById.has(id)) add(['steps'], unknownStep(id, stepsById.keys()));
  });
  return findings;
}
