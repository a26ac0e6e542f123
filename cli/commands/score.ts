// `bitext score HYP GOLD [HYP GOLD …]`: Vecalign's strict/lax precision, recall and F1.
import { readFileSync } from "node:fs";
import { scoreAlignments } from "../../lib/align/score";
import { parseVecalign } from "../../lib/align/vecalign-format";
import type { Link } from "../../lib/types";
import { InputError, UsageError, type Command } from "../command";
import { parse } from "../args";

const usage = `Usage: bitext score HYP GOLD [HYP GOLD …] [--json]

Scores hypothesis alignments against gold alignments, both in Vecalign format
([0, 1]:[2] a line; a trailing :0.93 confidence is ignored). With several pairs the counts
are pooled over all documents. Definitions: lib/align/score.ts (the same as Vecalign's
score.py): strict = the link exactly as in the gold; lax = it overlaps a gold link on both
sides; recall ignores 1-0 and 0-1 links.

  --json   print the six figures as JSON`;

function readLinks(file: string): Link[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new InputError(`cannot read "${file}": ${(err as Error).message}`);
  }
  try {
    return parseVecalign(text);
  } catch (err) {
    throw new InputError(`${file}: ${(err as Error).message}`);
  }
}

export const scoreCommand: Command = {
  name: "score",
  summary: "Strict/lax precision, recall and F1 of alignments against gold",
  usage,
  async run(args) {
    const { values, positionals } = parse(args, { json: { type: "boolean" } });
    if (positionals.length < 2 || positionals.length % 2 !== 0) throw new UsageError("give HYP GOLD file pairs.");
    const documents = [];
    for (let k = 0; k < positionals.length; k += 2) documents.push({ test: readLinks(positionals[k]), gold: readLinks(positionals[k + 1]) });
    const s = scoreAlignments(documents);
    if (values.json) {
      console.log(JSON.stringify(s));
      return 0;
    }
    const f = (x: number) => x.toFixed(3);
    console.log(["", "strict", "lax"].join("\t"));
    console.log(["precision", f(s.precisionStrict), f(s.precisionLax)].join("\t"));
    console.log(["recall", f(s.recallStrict), f(s.recallLax)].join("\t"));
    console.log(["F1", f(s.f1Strict), f(s.f1Lax)].join("\t"));
    return 0;
  },
};
