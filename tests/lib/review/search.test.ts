// The pure parts of search and bulk changes, on the seed pair's real texts and findings.
import { describe, expect, it } from "vitest";
import { acceptAllChange, dismissAllChange, replaceAllChange, replaceOneChange, similarFlags, type FlagState } from "../../../lib/review/bulk";
import { InvalidOperationError } from "../../../lib/review/errors";
import { compileQuery, context, runQuery } from "../../../lib/review/search";
import type { SearchQuery } from "../../../lib/review/types";
import { seedPairSnapshot } from "./seed-document";

const query = (text: string, more: Partial<SearchQuery> = {}): SearchQuery => ({ text, side: "target", caseSensitive: true, wholeWord: false, regex: false, ...more });
const seed = seedPairSnapshot();
const targets = seed.target.map((s, i) => ({ id: 1000 + i, side: "target" as const, text: s.text }));

describe("search", () => {
  it("takes the text as typed unless it is a regular expression", () => {
    const texts = ["Costs: $5 (approx.) and 5 dollars.", "a.b"];
    expect(runQuery(compileQuery(query("$5 (approx.)")), texts).total).toBe(1);
    expect(runQuery(compileQuery(query("a.b")), ["axb", "a.b"]).matches).toEqual([[1, 0, 3]]);
    expect(runQuery(compileQuery(query("a.b", { regex: true })), ["axb", "a.b"]).total).toBe(2);
  });

  it("matches whole words by letters and digits of any script, and case only when asked", () => {
    const texts = ["KI und Kiosk, ki. KI-Modelle", "Über über übermäßig"];
    expect(runQuery(compileQuery(query("KI", { wholeWord: true })), texts).total).toBe(2);
    expect(runQuery(compileQuery(query("ki", { wholeWord: true, caseSensitive: false })), texts).total).toBe(3);
    expect(runQuery(compileQuery(query("über", { wholeWord: true, caseSensitive: false })), texts).total).toBe(2);
  });

  it("refuses an invalid regular expression with the engine's reason", () => {
    expect(() => compileQuery(query("(KI", { regex: true }))).toThrow(/not a valid regular expression: Unterminated group/);
    expect(() => compileQuery(query("[z-a]", { regex: true }))).toThrow(InvalidOperationError);
  });

  it("stops a pathological regular expression instead of running for ever", () => {
    const err = (() => { try { runQuery(compileQuery(query("(a+)+b", { regex: true })), [`${"a".repeat(40)}!`]); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(InvalidOperationError);
    expect((err as Error).message).toMatch(/stopped/);
  });

  it("gives context around a match, cut at words", () => {
    const text = seed.target[3].text;
    const at = text.indexOf("KI -Modellen");
    const c = context(text, at, at + 12);
    expect(c.match).toBe("KI -Modellen");
    expect(text).toContain(c.before.replace(/^…/, "") + c.match + c.after.replace(/…$/, ""));
  });
});

describe("bulk changes", () => {
  it("replaces every match in the target only, with groups in a regular expression", () => {
    const sentences = [...seed.source.map((s, i) => ({ id: i + 1, side: "source" as const, text: s.text })), ...targets];
    const change = replaceAllChange(sentences, query("(\\p{Lu}+) -", { regex: true }), "$1-");
    expect(change.edits.every((e) => e.side === "target")).toBe(true);
    expect(change.edits.map((e) => e.after)).toEqual(targets.filter((s) => /\p{Lu}+ -/u.test(s.text)).map((s) => s.text.replace(/(\p{Lu}+) -/gu, "$1-")));
    // A literal replacement keeps $ as typed.
    expect(replaceAllChange(targets, query("KI -"), "$1").edits[0].after).toContain("$1Modellen");
    expect(() => replaceAllChange(targets, query("no such words here"), "x")).toThrow(InvalidOperationError);
  });

  it("replaces one match only where the text still matches", () => {
    const s = targets[3];
    const at = s.text.indexOf("KI -");
    expect(replaceOneChange(s, at, at + 4, query("KI -"), "KI-").edits[0].after).toBe(s.text.slice(0, at) + "KI-" + s.text.slice(at + 4));
    expect(() => replaceOneChange(s, at + 1, at + 5, query("KI -"), "KI-")).toThrow(/no longer has this match/);
  });

  it("accepts every suggestion of a kind, several in one sentence, and skips one whose words changed", () => {
    const flags: FlagState[] = seed.flags.map((f, i) => ({
      id: i + 1, segmentId: f.side === "target" ? 1000 + f.sentence : null, detector: f.detector, messageKey: f.message.key,
      start: f.span[0], end: f.span[1], excerpt: seed[f.side][f.sentence].text.slice(f.span[0], f.span[1]), suggestion: f.suggestion ?? null, status: "open",
    }));
    const exemplar = flags.find((f) => f.messageKey === "spacing.spacedHyphen")!;
    const similar = similarFlags(flags, exemplar);
    expect(similar).toHaveLength(16);
    const texts = new Map(targets.map((s) => [s.id, s]));
    const change = acceptAllChange(similar, texts, 7, "2026-01-01T00:00:00.000Z");
    expect(change.decisions.after).toHaveLength(16);
    expect(change.skipped).toBe(0);
    // Worked out another way: each finding's words replaced by its suggestion, one after the other.
    for (const e of change.edits) expect(e.after).toBe(similar.filter((f) => f.segmentId === e.id).reduce((text, f) => text.replace(f.excerpt, f.suggestion!), e.before));
    // The words of one finding changed since: it stays open, the rest are accepted.
    const changed = new Map(texts);
    const first = similar[0];
    changed.set(first.segmentId!, { ...texts.get(first.segmentId!)!, text: texts.get(first.segmentId!)!.text.replace(first.excerpt, first.suggestion!) });
    const partial = acceptAllChange(similar, changed, 7, "2026-01-01T00:00:00.000Z");
    expect(partial.skipped).toBe(1);
    expect(partial.decisions.after.map((d) => d.id)).not.toContain(first.id);
    expect(dismissAllChange(flags, "inconsistent-term", 7, "x").decisions.after.every((d) => d.status === "dismissed")).toBe(true);
  });
});
