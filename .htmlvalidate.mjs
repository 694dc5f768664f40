// html-validate's configuration for the built site (test/site/valid-html.test.ts runs it on every page
// of the public and the internal build). The recommended preset, without exceptions: where a rule and
// the site disagreed, the site changed (native elements for the scrollable tables, titles that fit).
import { defineConfig } from 'html-validate';

export default defineConfig({
  extends: ['html-validate:recommended'],
});
