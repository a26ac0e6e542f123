// Search and replace over a document's sentences. The query becomes one regular expression
// (plain text is escaped, whole words are bounded by letters and digits), and every match
// runs inside a vm context with a time limit: JavaScript regular expressions backtrack, so
// a pattern such as (a+)+b on a long sentence could otherwise hold the server for minutes.
// Node-only (node:vm); the page imports only the types in ./types.
import vm from "node:vm";
import { InvalidOperationError } from "./errors";
import type { SearchQuery } from "./types";

/** A search or replacement that takes longer than this is stopped and refused. */
export const SEARCH_TIME_LIMIT_MS = 2000;
export const MAX_PATTERN = 500;

export interface CompiledQuery { pattern: string; flags: string }

/** The query as one regular expression; an invalid one is refused with the engine's own reason. */
export function compileQuery(query: SearchQuery): CompiledQuery {
  if (!query.text) throw new InvalidOperationError("Type something to search for.");
  if (query.text.length > MAX_PATTERN) throw new InvalidOperationError(`A search can have at most ${MAX_PATTERN} characters.`);
  const body = query.regex ? query.text : query.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = query.wholeWord ? `(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])` : body;
  const flags = `gu${query.caseSensitive ? "" : "i"}`;
  try {
    new RegExp(pattern, flags);
  } catch (err) {
    const reason = err instanceof Error ? err.message.replace(/^Invalid regular expression: (\/.*\/[a-z]*: )?/s, "") : String(err);
    throw new InvalidOperationError(`This is not a valid regular expression: ${reason}. Switch off “regular expression” to search for the text as typed.`);
  }
  return { pattern, flags };
}

// Runs inside the vm context: plain JavaScript with no outside references, so the time limit
// covers every regular-expression step. Zero-length matches (^, \b, a*) are skipped: there is
// nothing to show or replace. `replacement === null`: only find.
const RUN = new vm.Script(`(() => {
  const re = new RegExp(pattern, flags);
  const sticky = new RegExp(pattern, flags.replace("g", "") + "y");
  const found = [];
  const texts = [];
  let total = 0;
  for (let i = 0; i < input.length; i++) {
    const text = input[i];
    re.lastIndex = 0;
    let m;
    let out = "";
    let last = 0;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const start = m.index, end = start + m[0].length;
      if (only !== null && (start !== only[0] || end !== only[1])) continue;
      total++;
      if (found.length < limit * 3) found.push(i, start, end);
      if (replacement !== null) {
        sticky.lastIndex = start;
        const replaced = text.replace(sticky, replacement);
        out += text.slice(last, start) + replaced.slice(start, replaced.length - (text.length - end));
        last = end;
      }
    }
    if (replacement !== null) texts.push(last === 0 ? null : out + text.slice(last));
  }
  return { found, total, texts };
})()`);

export interface Matches {
  /** Up to `limit` matches: [text index, start, end]. */
  matches: [number, number, number][];
  total: number;
  /** With a replacement: each text after replacing, or null where nothing matched. */
  replaced: (string | null)[];
}

/**
 * Every match of the query in `texts` (and, with `replacement`, the texts with every match
 * replaced; in a regular expression $1, $<name> and $& refer to the match, otherwise the
 * replacement is taken as typed). `only`: just the match at exactly [start, end).
 */
export function runQuery(compiled: CompiledQuery, texts: string[], options: { limit?: number; replacement?: string; regex?: boolean; only?: [number, number] } = {}): Matches {
  const replacement = options.replacement === undefined ? null : options.regex ? options.replacement : options.replacement.replace(/\$/g, "$$$$");
  let result: { found: number[]; total: number; texts: (string | null)[] };
  try {
    result = RUN.runInNewContext({ input: texts, pattern: compiled.pattern, flags: compiled.flags, limit: options.limit ?? Infinity, replacement, only: options.only ?? null }, { timeout: SEARCH_TIME_LIMIT_MS });
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") {
      throw new InvalidOperationError(`The search took longer than ${SEARCH_TIME_LIMIT_MS / 1000} s and was stopped. A regular expression with nested repetition such as (a+)+ can take practically for ever on a long sentence: simplify it.`);
    }
    throw err;
  }
  const matches: [number, number, number][] = [];
  for (let k = 0; k < result.found.length; k += 3) matches.push([result.found[k], result.found[k + 1], result.found[k + 2]]);
  return { matches, total: result.total, replaced: Array.from(result.texts) };
}

/** Text either side of a match for the result list, cut at a word where it can be. */
export function context(text: string, start: number, end: number, width = 40): { before: string; match: string; after: string } {
  let from = Math.max(0, start - width);
  let to = Math.min(text.length, end + width);
  if (from > 0) { const space = text.indexOf(" ", from); if (space >= 0 && space < start) from = space + 1; }
  if (to < text.length) { const space = text.lastIndexOf(" ", to); if (space > end) to = space; }
  return { before: (from > 0 ? "…" : "") + text.slice(from, start), match: text.slice(start, end), after: text.slice(end, to) + (to < text.length ? "…" : "") };
}
