import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The site tests build with Astro and drive Chromium: `npm run test:site`.
    exclude: ['test/site/**', 'node_modules/**'],
    testTimeout: 30_000,
  },
});
