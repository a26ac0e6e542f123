// `bitext rename ID TITLE`, `bitext delete ID` and `bitext restore ID`: a document's name, and the
// trash it goes to before it is deleted for good (TRASH_DAYS later).
import { db } from "../../lib/db/client";
import { deleteDocument, documentExists, InvalidTitleError, NotFoundError, renameDocument, restoreDocument, TRASH_DAYS } from "../../lib/db/documents";
import { displayLabel } from "../../lib/text-hygiene";
import { InputError, UsageError, type Command } from "../command";
import { parse } from "../args";

function documentId(value: string | undefined, usage: string): number {
  if (value === undefined) throw new UsageError(`give the document's id (\`bitext list\` shows them). ${usage}`);
  const id = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id <= 0) throw new UsageError(`"${value}" is not a document id; ids are whole numbers (\`bitext list\` shows them).`);
  return id;
}

/** Runs `work` against the database, turning its "no such document" and "bad title" into input errors. */
async function withDb(work: () => Promise<void>): Promise<number> {
  try {
    await work();
    return 0;
  } catch (err) {
    if (err instanceof NotFoundError || err instanceof InvalidTitleError) throw new InputError(err.message);
    throw err;
  } finally {
    await db().$disconnect();
  }
}

export const renameCommand: Command = {
  name: "rename",
  summary: "give a stored document another title",
  usage: "Usage: bitext rename ID TITLE\n\nRenames the document; the change is kept in its history.",
  async run(args) {
    const { positionals } = parse(args, {});
    const id = documentId(positionals[0], this.usage);
    if (positionals.length < 2) throw new UsageError("give the new title after the id (quote it if it has spaces).");
    const title = positionals.slice(1).join(" ");
    return withDb(async () => {
      await renameDocument(db(), id, title);
      console.log(`Document ${id} is now called "${displayLabel(title.replace(/\s+/g, " ").trim())}".`);
    });
  },
};

export const deleteCommand: Command = {
  name: "delete",
  summary: `move a stored document to the trash (restorable for ${TRASH_DAYS} days)`,
  usage: `Usage: bitext delete ID\n\nMoves the document to the trash: it leaves the list and the project report, and is deleted\nfor good after ${TRASH_DAYS} days. \`bitext restore ID\` takes it back; \`bitext list --trash\` shows the trash.`,
  async run(args) {
    const { positionals } = parse(args, {});
    const id = documentId(positionals[0], this.usage);
    return withDb(async () => {
      if (!(await deleteDocument(db(), id))) {
        throw new NotFoundError(`There is no document ${id} to delete (or it is in the trash already: \`bitext list --trash\`).`);
      }
      const purge = new Date(Date.now() + TRASH_DAYS * 86_400_000).toISOString().slice(0, 10);
      console.log(`Document ${id} is in the trash until ${purge}; \`bitext restore ${id}\` takes it back.`);
    });
  },
};

export const restoreCommand: Command = {
  name: "restore",
  summary: "take a document out of the trash",
  usage: "Usage: bitext restore ID\n\nTakes the document out of the trash, as it was (`bitext list --trash` shows the trash).",
  async run(args) {
    const { positionals } = parse(args, {});
    const id = documentId(positionals[0], this.usage);
    return withDb(async () => {
      if (!(await restoreDocument(db(), id))) {
        throw new NotFoundError(await documentExists(db(), id) ? `Document ${id} is not in the trash: there is nothing to restore.` : `There is no document ${id} in the trash (\`bitext list --trash\` shows it).`);
      }
      console.log(`Document ${id} is back in the list.`);
    });
  },
};
