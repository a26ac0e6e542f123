// Lint rules, and the layering of DEVELOPERS.md as import rules: lib/ is the core and knows nothing of
// Next.js, React or the app; only lib/db talks to Prisma; the app and the CLI reach the database through
// lib/db's functions.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const PRISMA = ["@prisma/*", "**/db/generated/**", "**/generated/sqlite/**", "**/generated/postgres/**"];
const UI = ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*", "react-i18next", "@/app/*", "**/app/**"];

/** Calls such as db().reviewer.findMany(): a query written outside lib/db. */
const QUERY_OUTSIDE_DB = {
  selector: "CallExpression[callee.type='MemberExpression'][callee.object.type='MemberExpression'][callee.object.object.type='CallExpression'][callee.object.object.callee.name='db']",
  message: "Database access lives in lib/db: call or add a function there instead of querying db() here.",
};

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "dist/", "lib/db/generated/", "next-env.d.ts", "data/", "docs/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-control-regex": "off",
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "report-ui/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    // The two rules of hooks; the React Compiler's stricter rules (refs, setState in effects) are for
    // code written for the compiler, which this app does not use.
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/db/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: UI, message: "lib/ is the core: it knows nothing of Next.js, React or the app." },
        { group: PRISMA, message: "Only lib/db talks to Prisma." },
      ] }],
    },
  },
  {
    files: ["lib/db/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: UI, message: "lib/ is the core: it knows nothing of Next.js, React or the app." }] }] },
  },
  {
    files: ["app/**/*.{ts,tsx}", "cli/**/*.ts", "scripts/**/*.{ts,mjs}", "proxy.ts", "report-ui/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: PRISMA, message: "Only lib/db talks to Prisma: use its functions." }] }],
      "no-restricted-syntax": ["error", QUERY_OUTSIDE_DB],
    },
  },
);
