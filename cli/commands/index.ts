import type { Command } from "../command";
import { exportCommand } from "./export";
import { segmentCommand } from "./segment";

// One line per command; keep the list alphabetical.
export const commands: Command[] = [
  exportCommand,
  segmentCommand,
];
