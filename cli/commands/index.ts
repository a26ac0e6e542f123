import type { Command } from "../command";
import { segmentCommand } from "./segment";

// One line per command; keep the list alphabetical.
export const commands: Command[] = [
  segmentCommand,
];
