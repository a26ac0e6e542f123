import { db } from "../../lib/db/client";
import { listDocuments, listTrash } from "../../lib/db/documents";
import type { Command } from "../command";
import { parse } from "../args";
import { displayLabel } from "../../lib/text-hygiene";

export const listCommand: Command = {
  name: "list",
  summary: "list the stored documents",
  usage: "Usage: bitext list [--trash] [--json]\n\nOne document a line: id, languages, sentences, links, open findings, title.\n--trash lists the documents in the trash instead: id, deleted on, deleted for good on, title.",
  async run(args) {
    const { values } = parse(args, { json: { type: "boolean" }, trash: { type: "boolean" } });
    try {
      if (values.trash) {
        const trash = await listTrash(db());
        if (values.json) console.log(JSON.stringify(trash, null, 2));
        else for (const d of trash) console.log([d.id, d.deletedAt.slice(0, 10), d.purgeAt.slice(0, 10), displayLabel(d.title)].join("\t"));
        return 0;
      }
      const docs = await listDocuments(db());
      if (values.json) console.log(JSON.stringify(docs, null, 2));
      else for (const d of docs) {
        const langs = d.targetLang ? `${d.sourceLang}-${d.targetLang}` : d.sourceLang;
        const sentences = d.targetLang ? `${d.sourceSentences}/${d.targetSentences}` : `${d.sourceSentences}`;
        console.log([d.id, langs, sentences, d.targetLang ? d.links : "-", d.openFlags, displayLabel(d.title)].join("\t"));
      }
      return 0;
    } finally {
      await db().$disconnect();
    }
  },
};
