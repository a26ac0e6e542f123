// What some tests need from outside the repository. Locally a test that lacks it skips, with a title
// that names what is missing and where it comes from; under CI=true (.ci/run provides everything) a
// missing piece is an error instead, so that nothing skips silently there.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export interface Requirement {
  present: boolean;
  /** Appended to a describe title: empty when present. */
  note: string;
}

function require(present: boolean, what: string): Requirement {
  if (!present && process.env.CI === "true") throw new Error(`CI=true but ${what}`);
  return { present, note: present ? "" : ` (skipped: ${what})` };
}

/** A folder or file of ../shared (the public benchmarks and seeds beside the repository). */
export function sharedPath(relative: string): string {
  return path.join(process.cwd(), "..", "shared", relative);
}

export function sharedData(relative: string): Requirement & { path: string } {
  const p = sharedPath(relative);
  return { path: p, ...require(existsSync(p), `${p} is missing: it comes with ../shared beside the repository`) };
}

/** A command on the PATH, from the Debian package that provides it. */
export function installed(command: string, debianPackage: string): Requirement {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).status === 0;
  return require(found, `${command} is not installed: apt-get install ${debianPackage}`);
}
