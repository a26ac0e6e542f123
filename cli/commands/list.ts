import { db } from "../../lib/db/client";
import { listDocuments } from "../../lib/db/documents";
import type { Command } from "../command";
import { parse } from "../args";
import { displayLabel } from "../../lib/text-hygiene";

export const listCommand: Command = {
  name: "list",
  summary: "list the stored documents",
  usage: "Usage: bitext list [--json]\n\nOne document a line: id, languages, sentences, links, open findings, title.",
  async run(args) {
    const { values } = parse(args, { json: { type: "boolean" } });
    try {
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
