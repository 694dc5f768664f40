import { defineConfig } from 'astro/config';
import klachtenregister from './site/integration.ts';

// The demo register: the five seed organisations' regulations from `regulations/` and the sample
// register in `register/`. An organisation's own register has the same file, importing
// `klachtenregister/astro` from the package (klachten init writes it). KLACHTEN_* environment
// variables (site/lib/settings.ts) choose the folders, the internal site and the output folder.
export default defineConfig({
  integrations: [
    klachtenregister({
      name: 'Klachtenregister (demo)',
      title: 'Klachtenreglementen',
      intro:
        'Hier leest u hoe u een klacht indient bij een van deze organisaties, wie uw klacht behandelt en wanneer u een antwoord mag verwachten. Op elke pagina rekent de termijnenwijzer de data voor u uit.',
      accessibility: {
        date: '2026-11-22',
        contact:
          'schrijf de organisatie van wie het reglement is; de contactgegevens staan op de pagina van het reglement, onder ‘Een klacht indienen’',
        replyTerm: 'vijf werkdagen',
      },
    }),
  ],
});
