import { createInterface } from "node:readline";
import { db } from "../../lib/db/client";
import { isRole, ROLES } from "../../lib/auth/roles";
import { AccountError, createReviewer, listReviewers, setDisabled, setPassword, setRole } from "../../lib/db/reviewers";
import { displayLabel } from "../../lib/text-hygiene";
import { InputError, UsageError, type Command } from "../command";
import { parse } from "../args";

async function readPasswordFromStdin(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) { rl.close(); return line; }
  return "";
}

const ACTIONS = ["add", "passwd", "role", "disable", "enable", "list"];

export const userCommand: Command = {
  name: "user",
  summary: "manage accounts (user add|passwd|role|disable|enable|list)",
  usage: `Usage: bitext user add LOGIN [--name "Display Name"] [--role admin|reviewer|viewer] [--password-stdin]
       bitext user passwd LOGIN [--password-stdin]
       bitext user role LOGIN admin|reviewer|viewer
       bitext user disable LOGIN
       bitext user enable LOGIN
       bitext user list

add creates a reviewer account; passwd sets a new password. The password is read from
standard input (first line), or from BITEXT_PASSWORD; at least 8 characters.
passwd and disable end every session of the account at once (logged-in browsers, copied
cookies); a disabled account cannot log in until enabled again.
Roles: admin (accounts, deleting and restoring documents, and everything else), reviewer
(edits and imports; the default), viewer (reads, exports and reports only).`,
  async run(args) {
    const { values, positionals } = parse(args, { name: { type: "string" }, role: { type: "string" }, "password-stdin": { type: "boolean" } });
    const [action, login, ...rest] = positionals;
    const roleArg = action === "role" ? rest.shift() : undefined;
    const extra = rest;
    if (action === "role" && !roleArg) throw new UsageError(`say which role: \`bitext user role LOGIN ${ROLES.join("|")}\`.`);
    if (values.role !== undefined && !isRole(values.role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}, not "${values.role}".`);
    if (!ACTIONS.includes(action ?? "")) throw new UsageError(`say one of ${ACTIONS.map((a) => `\`bitext user ${a}\``).join(", ")}.`);
    if (action !== "list" && !login) throw new UsageError(`say which account: \`bitext user ${action} LOGIN\`.`);
    if (extra.length) throw new UsageError(`unexpected ${extra.map((e) => `"${e}"`).join(" ")}: give one LOGIN (quote a display name with --name).`);
    const password = async () => (values["password-stdin"] || !process.env.BITEXT_PASSWORD ? await readPasswordFromStdin() : process.env.BITEXT_PASSWORD);
    try {
      if (action === "add") {
        const reviewer = await createReviewer(db(), { login, displayName: values.name, password: await password(), role: isRole(values.role) ? values.role : undefined });
        console.log(`created ${reviewer.role} ${reviewer.login} (id ${reviewer.id})`);
      } else if (action === "role") {
        const done = await setRole(db(), login, roleArg!);
        console.log(`${done.login} is now ${done.role === "admin" ? "an" : "a"} ${done.role}`);
      } else if (action === "passwd") {
        const done = await setPassword(db(), login, await password());
        console.log(`new password for ${done.login}; ended ${done.revoked} session${done.revoked === 1 ? "" : "s"}`);
      } else if (action === "disable" || action === "enable") {
        const done = await setDisabled(db(), login, action === "disable");
        console.log(action === "disable" ? `disabled ${done.login}; ended ${done.revoked} session${done.revoked === 1 ? "" : "s"}` : `enabled ${done.login}`);
      } else {
        for (const r of await listReviewers(db())) console.log([r.login, r.role, r.status, displayLabel(r.displayName)].join("\t"));
      }
      return 0;
    } catch (err) {
      if (err instanceof AccountError) throw new InputError(err.message);
      throw err;
    } finally {
      await db().$disconnect();
    }
  },
};
