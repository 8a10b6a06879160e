import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Real-client tests (LibreOffice, Chromium) are heavy; two cores, so keep files from fighting.
    maxWorkers: 2,
  },
});
