// De site van het klachtenregister: alles komt uit het pakket klachtenregister; hier staan alleen de
// gegevens van de organisatie. Uitleg bij elke optie: node_modules/klachtenregister/docs/register-opzetten.md
import { defineConfig } from 'astro/config';
import klachtenregister from 'klachtenregister/astro';

export default defineConfig({
  site: {{siteUrl}},
  integrations: [
    klachtenregister({
      name: {{name}},
      // title: 'Klachtenregeling',
      // De GitHub-repository van dit register, voor de knop op /nieuwe-klacht/ (het formulier voor medewerkers):
      // repository: 'organisatie/klachtenregister',
      // logo: 'logo.svg',
      // intro: 'Hier leest u hoe u een klacht indient en wanneer u antwoord krijgt.',
      contact: {
        // email: 'klachten@example.nl',
        // phone: '010 123 45 67',
        // address: 'Straat 1, 1234 AB Plaats',
      },
      accessibility: {
        date: {{today}},
        contact: {{accessibilityContact}},
        replyTerm: 'vijf werkdagen',
      },
    }),
  ],
});
