import type { Command } from "../command";
import { alignCommand } from "./align";
import { checkCommand } from "./check";
import { exportCommand } from "./export";
import { importCommand } from "./import";
import { listCommand } from "./list";
import { userCommand } from "./user";
import { reportCommand } from "./report";
import { scoreCommand } from "./score";
import { segmentCommand } from "./segment";

// One line per command; keep the list alphabetical.
export const commands: Command[] = [
  alignCommand,
  checkCommand,
  exportCommand,
  importCommand,
  listCommand,
  reportCommand,
  scoreCommand,
  segmentCommand,
  userCommand,
];
