import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, fromDayNumber, toDayNumber } from '../core/index.ts';

/** Steps recorded for synthetic complaints, per organisation, in order. */
const FLOWS: Record<string, { channel: string; required: string; steps: string[] }> = {
  pit: { channel: 'email', required: '', steps: ['behandeling', 'uitkomst-gemeld'] },
  're-integratiedienst': {
    channel: 'post',
    required: '',
    steps: ['ontvangstbevestiging', 'voortgangsbericht', 'schriftelijke-reactie'],
  },
  coulant: {
    channel: 'email',
    required: '',
    steps: [
      'coordinator-geinformeerd',
      'geregistreerd',
      'behandelaar-toegewezen',
      'ontvangstbevestiging',
      'onderzoek',
      'acties-bepaald',
      'indiener-geinformeerd',
    ],
  },
  organize4all: {
    channel: 'email',
    required: 'assignmentEnded',
    steps: ['geregistreerd', 'toelichting', 'schriftelijke-afhandeling'],
  },
  mvz: {
    channel: 'email',
    required: 'dated',
    steps: ['geregistreerd', 'behandelaar-aangesteld', 'ontvangstbevestiging', 'betrokkene-gehoord', 'aanbod'],
  },
};
const ORGS = Object.keys(FLOWS);

/** A deterministic pseudo-random sequence, so every run measures the same register. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * Writes `count` valid synthetic complaints (obviously fictional) into `<dir>/complaints/<year>/`,
 * received between 2024-03-01 and `today`, written as the commands write them: a comment on the
 * complainant, involved staff as a block list (a flow list in every third), a note on one step in ten
 * (a flow mapping; one in five of those with escaped quotes), measures on a quarter of the closed ones.
 */
export function generateRegister(dir: string, count: number, today: string): void {
  const next = random(count);
  const first = toDayNumber('2024-03-01');
  const span = toDayNumber(today) - first - 60;
  const perYear = new Map<string, number>();
  for (let i = 0; i < count; i += 1) {
    const org = ORGS[i % ORGS.length] ?? 'pit';
    const flow = FLOWS[org]!;
    const received = fromDayNumber(first + Math.floor(next() * span));
    const year = received.slice(0, 4);
    const number = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, number);
    const id = `KL-${year}-${String(number).padStart(6, '0')}`;
    const done = Math.floor(next() * (flow.steps.length + 1));
    const lines = [
      '---',
      `id: ${id}`,
      `organisation: ${org}`,
      `received: ${received}`,
      `channel: ${flow.channel}`,
      'form: written',
    ];
    if (flow.required === 'dated') lines.push(`dated: ${received}`);
    if (flow.required === 'assignmentEnded') lines.push(`assignmentEnded: ${addDays(received, -7)}`);
    // As `klachten new` writes them: the comment on the complainant, a block list of involved staff
    // (every third complaint a flow list, as typed by hand).
    lines.push(
      'complainant: # persoonsgegevens: blijven in het register',
      `  name: Synthetische Klager ${i}`,
      `  email: synthetisch.${i}@voorbeeld.example`,
      `  address: Benchmarkstraat ${i % 500}, 1234 AB Testdorp`,
      `handler: behandelaar-${i % 7}`,
    );
    if (i % 3 === 0) lines.push(`involved: [coach-${i % 11}]`);
    else lines.push('involved:', `  - coach-${i % 11}`);
    lines.push('category: communicatie');
    if (done > 0) {
      lines.push('steps:');
      flow.steps.slice(0, done).forEach((step, index) => {
        const on = addDays(received, 1 + index * 3);
        // One step in ten with a note, as `klachten record --note` writes it (JSON: quotes in a note
        // are escaped, and such a file is js-yaml's to read).
        const note = i % 50 === 0 ? 'Klager zei: \\"bel morgen\\"' : 'Gebeld, terugbelverzoek genoteerd';
        lines.push(i % 10 === index ? `  ${step}: { on: ${on}, note: "${note}" }` : `  ${step}: ${on}`);
      });
    }
    if (done === flow.steps.length) {
      const closed = addDays(received, flow.steps.length * 3 + 2);
      lines.push(`outcome: ${next() < 0.5 ? 'gegrond' : 'ongegrond'}`, `closed: ${closed}`);
      if (i % 4 === 0)
        lines.push(
          'measures:',
          '  - kind: corrective',
          '    description: Werkwijze besproken in het teamoverleg',
          `    due: ${closed}`,
          `    done: ${closed}`,
        );
    }
    lines.push('---', `Synthetische klacht nummer ${i} voor de benchmark. Niets hiervan is echt.`, '');
    const folder = join(dir, 'complaints', year);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${id}.md`), lines.join('\n'));
  }
}
