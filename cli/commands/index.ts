import type { Command } from "../command";

// Each command's module is loaded only when it runs, so `bitext segment` does not pay for
// the lexicon, the database client or the detectors. One line per command, alphabetical.
export const commands: Record<string, () => Promise<Command>> = {
  align: async () => (await import("./align")).alignCommand,
  check: async () => (await import("./check")).checkCommand,
  delete: async () => (await import("./trash")).deleteCommand,
  export: async () => (await import("./export")).exportCommand,
  import: async () => (await import("./import")).importCommand,
  list: async () => (await import("./list")).listCommand,
  rename: async () => (await import("./trash")).renameCommand,
  report: async () => (await import("./report")).reportCommand,
  restore: async () => (await import("./trash")).restoreCommand,
  score: async () => (await import("./score")).scoreCommand,
  segment: async () => (await import("./segment")).segmentCommand,
  user: async () => (await import("./user")).userCommand,
};
