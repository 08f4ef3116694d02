import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // XSD validation (xmllint-wasm) and the package builds take seconds on a
    // busy shared machine; the default 5 s made them fail for load alone
    testTimeout: 120_000,
    // one module graph for all files: importing the content compiler and scorm-again
    // again for each of 32 files took half the run. It holds while no file leaves
    // global state behind (each builds its own storage and API; fake timers are
    // put back in afterEach)
    isolate: false,
    hookTimeout: 180_000,
  },
});
