import { defineConfig } from 'vitest/config';

// Site tests: build the public site with Astro and check it in Debian's Chromium. Run once, not per TZ.
export default defineConfig({
  test: {
    include: ['test/site/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
