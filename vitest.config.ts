import { defineConfig } from "vitest/config";
import { existsSync } from "node:fs";
import path from "node:path";

// Three projects, all run by `npm test`:
// - unit: pure functions on real inputs, in process (fast; no database, no subprocess, no external tool);
// - integration: the database (SQLite and, with TEST_POSTGRES_URL, PostgreSQL), the CLI in processes of
//   its own, and exports judged by xmllint;
// - browser: the built app against a temporary database, driven in Debian's Chromium.
const INTEGRATION = [
  "tests/cli/**/*.test.ts",
  "tests/lib/db/**/*.test.ts",
  "tests/lib/import/**/*.test.ts",
  "tests/lib/auth/**/*.test.ts",
  "tests/**/*-cli.test.ts",
  "tests/**/cli.test.ts",
  "tests/**/cli-*.test.ts",
  "tests/**/*-db.test.ts",
  "tests/lib/formats/{tmx,xliff,plain,escaping.property}.test.ts",
  "tests/lib/text-hygiene.test.ts",
];

// The browser tests drive Debian's Chromium. Without it they are left out with a note naming the package;
// under CI=true (.ci/run installs it) they stay in and their setup fails with the same message.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const withBrowser = existsSync(CHROMIUM) || process.env.CI === "true";
if (!withBrowser) console.warn(`(browser tests skipped: ${CHROMIUM} is missing; apt-get install chromium)`);

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: ["tests/browser/**", ...INTEGRATION], testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: { name: "integration", include: INTEGRATION, testTimeout: 120_000, hookTimeout: 120_000 },
      },
      ...(!withBrowser ? [] : [{
        extends: true as const,
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
          // The server shares two cores with the other tests: give the page time to answer.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          globalSetup: ["tests/browser/global-setup.ts"],
        },
      }]),
    ],
  },
});
