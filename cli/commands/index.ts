import type { Command } from "../command";
import { alignCommand } from "./align";
import { checkCommand } from "./check";
import { exportCommand } from "./export";
import { reportCommand } from "./report";
import { scoreCommand } from "./score";
import { segmentCommand } from "./segment";

// One line per command; keep the list alphabetical.
export const commands: Command[] = [
  alignCommand,
  checkCommand,
  exportCommand,
  reportCommand,
  scoreCommand,
  segmentCommand,
];
