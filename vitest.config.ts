import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // XSD validation (xmllint-wasm) and the package builds take seconds on a
    // busy shared machine; the default 5 s made them fail for load alone
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
