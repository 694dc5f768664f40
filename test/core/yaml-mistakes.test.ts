import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ComplaintSchema, parseFrontMatterFile, RegulationSchema } from '../../core/index.ts';
import { SAMPLE_REGULATIONS } from '../builders.ts';

// Issue 17, point 4: the YAML mistakes staff make, told in Dutch with the fix, never echoing a value.

const FILE = 'register/complaints/2026/KL-2026-0001.md';

/** A complaint file around `fields` (YAML lines after `id`), with the usual required fields. */
function complaint(fields: string, body = 'Verzonnen klachttekst.\n'): string {
  return `---\nid: KL-2026-0001\n${fields}---\n${body}`;
}

const REQUIRED = 'organisation: pit\nreceived: 2026-03-02\nchannel: email\nform: written\n';

function parse(text: string) {
  return parseFrontMatterFile(FILE, text, ComplaintSchema);
}

/** `line:column code message` of every finding, for compact assertions. */
function findings(text: string): string[] {
  return parse(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
}

const CONFLICT_MESSAGE = (marker: string) =>
  `deze regel komt uit een samenvoegconflict van git (${marker}): kies per veld de juiste waarde, haal de regels <<<<<<<, ======= en >>>>>>> weg, en controleer opnieuw`;

describe('merge-conflict markers', () => {
  const conflicted = complaint(
    `${REQUIRED}complainant:\n<<<<<<< HEAD\n  name: Carla Fictief\n=======\n  name: Carla Verzonnen\n>>>>>>> feature/adres-carla\n`,
  );

  it('are one error at the <<<<<<< line, not a YAML error, and echo nothing of the file', () => {
    expect(findings(conflicted)).toEqual([`8:1 error merge-conflict ${CONFLICT_MESSAGE('<<<<<<<')}`]);
    const text = JSON.stringify(parse(conflicted));
    for (const value of ['HEAD', 'Carla', 'Fictief', 'Verzonnen', 'feature', 'adres']) expect(text).not.toContain(value);
    expect(parse(conflicted).data).toBeUndefined();
  });

  it('are found in the text under the front matter too, one error per conflict', () => {
    const text = complaint(
      REQUIRED,
      'Tekst.\n<<<<<<< HEAD\nEen\n=======\nTwee\n>>>>>>> b\nMeer.\n<<<<<<< HEAD\nDrie\n=======\nVier\n>>>>>>> b\n',
    );
    expect(findings(text)).toEqual([
      `9:1 error merge-conflict ${CONFLICT_MESSAGE('<<<<<<<')}`,
      `15:1 error merge-conflict ${CONFLICT_MESSAGE('<<<<<<<')}`,
    ]);
  });

  it('a marker left behind after half a resolution is named on its own line', () => {
    const text = complaint(`${REQUIRED}handler: behandelaar-a\n=======\nhandler: behandelaar-b\n>>>>>>> main\n`);
    expect(findings(text)).toEqual([
      `8:1 error merge-conflict ${CONFLICT_MESSAGE('=======')}`,
      `10:1 error merge-conflict ${CONFLICT_MESSAGE('>>>>>>>')}`,
    ]);
  });

  it('a Markdown heading underlined with ======= in the text is no conflict', () => {
    expect(findings(complaint(REQUIRED, 'Kop\n=======\n\nTekst.\n'))).toEqual([]);
  });

  it('are found in a regulation file as well', () => {
    const text = readFileSync(join(SAMPLE_REGULATIONS, 'pit/2024-02-01.md'), 'utf8').replace(
      "version: '1'\n",
      "<<<<<<< HEAD\nversion: '1'\n=======\nversion: '2'\n>>>>>>> nieuw\n",
    );
    const parsed = parseFrontMatterFile('regulations/pit/2024-02-01.md', text, RegulationSchema);
    expect(parsed.diagnostics.map((d) => [d.line, d.code])).toEqual([[10, 'merge-conflict']]);
  });
});

describe("a value cut off by ' #'", () => {
  const MESSAGE = "het deel na ' #' is commentaar en valt weg; zet de hele waarde tussen aanhalingstekens";

  it('is a warning naming the field and line; the file is still read', () => {
    const parsed = parse(complaint(`${REQUIRED}complainant:\n  name: Test Verzonnen\n  address: Voorbeeldstraat 1 #2\n`));
    expect(parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`)).toEqual([
      `9:30 warning value-comment complainant.address: ${MESSAGE}`,
    ]);
    expect(parsed.data?.complainant?.address).toBe('Voorbeeldstraat 1');
    expect(JSON.stringify(parsed.diagnostics)).not.toContain('Voorbeeldstraat');
  });

  it('names a step as steps.… (a step id is typed text) and a list item by its index; #2 after a code word counts', () => {
    const cut = complaint(
      `${REQUIRED}steps:\n  bevestiging:\n    on: 2026-03-03\n    note: belde #2 terug\nmeasures:\n  - kind: preventive\n    description: Checklist #3\n`,
    );
    expect(findings(cut)).toEqual([
      `10:17 warning value-comment steps.….note: ${MESSAGE}`,
      `13:28 warning value-comment measures[0].description: ${MESSAGE}`,
    ]);
  });

  it('leaves full-line comments, comments after a key, quoted values, dates, numbers, true/false and a code word followed by "# note" alone', () => {
    const text = complaint(
      [
        '# een opmerking op een eigen regel',
        'organisation: pit # het reglement van PIT',
        'received: 2026-03-02 # per post',
        'channel: email',
        'form: written',
        'complainant: # persoonsgegevens: blijven in het register',
        '  name: "Test Verzonnen" # tussen aanhalingstekens',
        "  address: 'Voorbeeldstraat 1 #2'",
        '  email: test@voorbeeld.example',
        'category: bejegening # twijfel',
        'admissible: true # zie verslag',
        'steps: # stappen',
        '  bevestiging: 2026-03-03 # mail',
        '',
      ].join('\n'),
    );
    expect(findings(text)).toEqual([]);
  });
});

describe('a number where text is expected', () => {
  it('says to put the value between quotes, without repeating it', () => {
    const text = complaint(`${REQUIRED}complainant:\n  name: Test Verzonnen\n  phone: 0612345678\n`);
    expect(findings(text)).toEqual([
      '9:10 error schema complainant.phone: verwacht tekst, maar kreeg een getal; zet de waarde tussen aanhalingstekens',
    ]);
    expect(JSON.stringify(parse(text).diagnostics)).not.toMatch(/612345678/);
  });

  it('in a date field says how to write the date instead', () => {
    const text = complaint('organisation: pit\nreceived: 20260302\nchannel: email\nform: written\n');
    expect(findings(text)).toEqual(['4:11 error schema received: verwacht een datum als JJJJ-MM-DD, maar kreeg een getal']);
  });
});

describe('tabs and a missing space after a colon', () => {
  it('a tab used for indentation is named on its line, every one of them', () => {
    const text = complaint(`${REQUIRED}complainant:\n\tname: Test Verzonnen\n\temail: test@voorbeeld.example\n`);
    expect(findings(text)).toEqual([
      '8:1 error yaml een tab aan het begin van de regel: YAML wil spaties; spring in met spaties',
      '9:1 error yaml een tab aan het begin van de regel: YAML wil spaties; spring in met spaties',
    ]);
  });

  it('a missing space after a colon names the key, never the value', () => {
    const text = complaint('organisation:mvz\nreceived: 2026-03-02\nchannel: email\nform: written\n');
    expect(findings(text)).toEqual(['3:14 error yaml na de dubbele punt hoort een spatie: organisation: …']);
  });

  it('every such mistake of a file comes in one run', () => {
    const text = complaint(
      `organisation:mvz\nreceived: 2026-03-02\nchannel:email\nform: written\ncomplainant:\n\tname: Test Verzonnen\n`,
    );
    expect(findings(text)).toEqual([
      '3:14 error yaml na de dubbele punt hoort een spatie: organisation: …',
      '5:9 error yaml na de dubbele punt hoort een spatie: channel: …',
      '8:1 error yaml een tab aan het begin van de regel: YAML wil spaties; spring in met spaties',
    ]);
  });

  it('a colon inside a value (a time, a web address) is no mistake', () => {
    const note = `${REQUIRED}steps:\n  bevestiging:\n    on: 2026-03-03\n    note: om 10:30 gebeld, zie https://voorbeeld.example\n`;
    expect(findings(complaint(note))).toEqual([]);
    // Also when a tab elsewhere makes the YAML invalid, and the lines are scanned.
    expect(findings(complaint(`${note}complainant:\n\tname: Test Verzonnen\n`))).toEqual([
      '12:1 error yaml een tab aan het begin van de regel: YAML wil spaties; spring in met spaties',
    ]);
  });

  it('other YAML errors keep their message', () => {
    expect(findings(complaint('organisation: pit\nreceived: [2026-03-02\nchannel: email\n'))).toEqual([
      expect.stringMatching(/^\d+:\d+ error yaml ongeldige YAML: de inspringing klopt niet/),
    ]);
  });
});

describe('a date written day first', () => {
  it('says how to write it, turned round (a date on its own is no personal value)', () => {
    const text = complaint(
      `organisation: pit\nreceived: 30-11-2026\nchannel: email\nform: written\nclosed: 1/12/2026\nsteps:\n  bevestiging: 5.12.2026\n`,
    );
    expect(findings(text)).toEqual([
      '4:11 error schema received: schrijf de datum als JJJJ-MM-DD (jaar-maand-dag): 2026-11-30',
      '7:9 error schema closed: schrijf de datum als JJJJ-MM-DD (jaar-maand-dag): 2026-12-01',
      '9:16 error schema steps.…: schrijf de datum als JJJJ-MM-DD (jaar-maand-dag): 2026-12-05',
    ]);
  });

  it('a day that does not exist keeps the general message', () => {
    const text = complaint('organisation: pit\nreceived: 31-02-2026\nchannel: email\nform: written\n');
    expect(findings(text)).toEqual(['4:11 error schema received: geen bestaande datum (gebruik JJJJ-MM-DD)']);
  });
});

describe('every schema error of a file in one run', () => {
  it('reports each wrong field, not the first one', () => {
    const text = complaint(
      'organisation: Pit\nreceived: 30-11-2026\nchannel: fax\nurgentie: hoog\ncomplainant:\n  phone: 0612345678\nmeasures:\n  - kind: x\n',
    );
    expect(findings(text).map((f) => f.split(' ')[0])).toEqual(['2:1', '3:15', '4:11', '5:10', '6:1', '8:10', '10:11']);
  });
});
