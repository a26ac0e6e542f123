import type { Command } from "../command";
import { exportCommand } from "./export";
import { reportCommand } from "./report";
import { segmentCommand } from "./segment";

// One line per command; keep the list alphabetical.
export const commands: Command[] = [
  exportCommand,
  reportCommand,
  segmentCommand,
];
