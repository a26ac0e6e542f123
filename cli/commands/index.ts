import type { Command } from "../command";

// One line per command; keep the list alphabetical.
export const commands: Command[] = [];
