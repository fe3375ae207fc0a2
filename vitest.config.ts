import { defineConfig } from 'vitest/config';

// Unit tests live in tests/unit/<environment>/ and run in Node; renderer tests that need a DOM
// opt in with `// @vitest-environment jsdom` and use fake-indexeddb with a fresh factory per test.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/sim/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
