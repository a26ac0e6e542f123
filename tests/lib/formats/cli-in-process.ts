// `bitext` in the test process, for the many calls that only check usage and input errors:
// the same main() as the binary, with what it prints captured. Starting a process per call
// costs seconds; the happy paths still run as real processes.
import { vi } from "vitest";
import { main } from "../../../cli/main";

export async function bitextInProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const error = vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => { stderr.push(parts.map(String).join(" ")); });
  const log = vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => { stdout.push(parts.map(String).join(" ") + "\n"); });
  const write = vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string | Uint8Array) => { stdout.push(typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk)); return true; }) as typeof process.stdout.write);
  try {
    const code = await main(args);
    return { code, stdout: stdout.join(""), stderr: stderr.join("\n") };
  } finally {
    error.mockRestore();
    log.mockRestore();
    write.mockRestore();
  }
}
