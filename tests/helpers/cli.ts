// `bitext` as users run it: bin/bitext.js (the bundled CLI) in a process of its own.
import { spawnSync } from "node:child_process";

export interface CliResult { code: number | null; stdout: string; stderr: string }

export function runBitext(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, ["bin/bitext.js", ...args], {
    env: options.env ?? process.env, input: options.input, encoding: "utf8", maxBuffer: 64 * 2 ** 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
