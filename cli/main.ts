// `bitext <command> …`: the workbench pipeline without the browser. Run from the
// repository root as `npm run --silent bitext -- <command> …`.
import { commands } from "./commands/index";
import { InputError, UsageError } from "./command";

async function help(): Promise<string> {
  const loaded = await Promise.all(Object.values(commands).map((load) => load()));
  const width = Math.max(...loaded.map((c) => c.name.length));
  return [
    "Usage: bitext <command> [options]",
    "",
    "Commands:",
    ...loaded.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `bitext help <command>` for a command's options.",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    const target = rest[0] && Object.hasOwn(commands, rest[0]) ? await commands[rest[0]]() : null;
    console.log(target ? target.usage : await help());
    return 0;
  }
  if (!Object.hasOwn(commands, name)) {
    console.error(`bitext: unknown command "${name}".\n\n${await help()}`);
    return 2;
  }
  const command = await commands[name]();
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`bitext ${name}: ${err.message}\n\n${command.usage}`);
      return 2;
    }
    if (err instanceof InputError) {
      console.error(`bitext ${name}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

const isEntry = process.argv[1] && /cli[\\/]main\.ts$|bin[\\/]bitext\.js$/.test(process.argv[1]);
if (isEntry) {
  // `bitext … | head` closes the pipe early: that is not an error.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => { if (err.code === "EPIPE") process.exit(0); throw err; });
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err) => { console.error(err instanceof Error ? err.stack ?? err.message : err); process.exitCode = 1; },
  );
}
