import { defineConfig } from "vitest/config";
import path from "node:path";

// Two projects: fast unit/integration tests, and browser tests that build and start
// the real app against a temporary database and drive Debian's Chromium.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: ["tests/browser/**"], testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
          // The server shares two cores with the unit tests: give the page time to answer.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          globalSetup: ["tests/browser/global-setup.ts"],
        },
      },
    ],
  },
});
