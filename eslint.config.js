import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      '.node/',
      'dist/',
      'build/',
      'templates/',
      'dist-internal/',
      '**/.astro/',
      'bench/plain-site/dist/',
      'bench/.work/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  astro.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'bench/plain-site/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
    },
  },
  // The layers, as `ls` shows them: cli → node → core, site → node → core. Nothing imports the CLI,
  // and the core imports only the core (and pure libraries: zod, yaml).
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'De core is puur: geen Node-modules.' },
            { regex: '^@octokit', message: 'De core is puur.' },
            { regex: '(^|/)(node|cli|site|tools|bench|test)/', message: 'De core importeert alleen de core.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'De core is puur: geef waarden als parameter mee.' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'De core rekent met kalenderdatums (IsoDate), nooit met Date.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Tijd is een parameter (today).',
        },
      ],
    },
  },
  {
    files: ['node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(cli|site|tools|bench|test)/',
              message: 'De Node-laag (bestanden, git, threads, GitHub) importeert alleen de core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['site/**/*.ts', 'site/**/*.astro', 'astro.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)(cli|tools|bench|test)/', message: 'De site gebruikt de core en de Node-laag, niet de CLI.' },
          ],
        },
      ],
    },
  },
  {
    // The browser scripts run in the visitor's browser: the core only, never files or the CLI.
    files: ['site/browser/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'Browserscripts draaien in de browser.' },
            { regex: '(^|/)(node|cli|tools|bench|test)/', message: 'Browserscripts gebruiken alleen de core.' },
          ],
        },
      ],
    },
  },
  {
    // Astro components are type-checked by `astro check`; lint their markup and scripts without types.
    files: ['**/*.astro', '**/*.astro/*.ts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
