import type { Command } from "../command";
import { alignCommand } from "./align";
import { exportCommand } from "./export";
import { reportCommand } from "./report";
import { scoreCommand } from "./score";
import { segmentCommand } from "./segment";

// One line per command; keep the list alphabetical.
export const commands: Command[] = [
  alignCommand,
  exportCommand,
  reportCommand,
  scoreCommand,
  segmentCommand,
];
