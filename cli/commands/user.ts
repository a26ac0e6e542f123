import { createInterface } from "node:readline";
import { db } from "../../lib/db/client";
import { AccountError, createReviewer } from "../../lib/db/reviewers";
import { InputError, UsageError, type Command } from "../command";
import { parse } from "../args";

async function readPasswordFromStdin(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) { rl.close(); return line; }
  return "";
}

export const userCommand: Command = {
  name: "user",
  summary: "manage reviewer accounts (user add LOGIN)",
  usage: `Usage: bitext user add LOGIN [--name "Display Name"] [--password-stdin]

Creates a reviewer account. The password is read from standard input (first line), or
from BITEXT_PASSWORD; at least 8 characters.`,
  async run(args) {
    const { values, positionals } = parse(args, { name: { type: "string" }, "password-stdin": { type: "boolean" } });
    const [action, login] = positionals;
    if (action !== "add" || !login) throw new UsageError("say `bitext user add LOGIN`.");
    const password = values["password-stdin"] || !process.env.BITEXT_PASSWORD ? await readPasswordFromStdin() : process.env.BITEXT_PASSWORD;
    try {
      const reviewer = await createReviewer(db(), { login, displayName: values.name, password });
      console.log(`created reviewer ${reviewer.login} (id ${reviewer.id})`);
      return 0;
    } catch (err) {
      if (err instanceof AccountError) throw new InputError(err.message);
      throw err;
    } finally {
      await db().$disconnect();
    }
  },
};
