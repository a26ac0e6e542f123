// Names and brands that did not survive translation. In a pair: a name of the source that the
// aligned target neither repeats nor transliterates, or renders as the common word it happens to
// spell (Apple -> "Apfel"). In any text: known mis-transliterations of public figures
// ("Ultraman" for Altman), see known-names.ts.
import type { Finding, Sentence, Side } from "../types";
import { loadLexicon } from "../lexicon";
import { stemGerman } from "../lexicon/stem";
import { isGerman, makeFinding, linkedPairs } from "./finding";
import { BRANDS_THAT_ARE_WORDS, KNOWN_NAME_ERRORS } from "./known-names";
import { englishNameTokens } from "./names";
import { nameKey, words } from "./tokens";
import type { AlignedDocument, Detector } from "./types";

const ID = "name-mistranslated";

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function knownNameFindings(sentences: Sentence[], side: Side): Finding[] {
  const whole = sentences.map((s) => s.text).join("\n");
  const out: Finding[] = [];
  for (const entry of KNOWN_NAME_ERRORS) {
    if (!entry.context.some((c) => new RegExp(`\\b${escape(c)}\\b`, "u").test(whole))) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(entry.wrong)}(?![\\p{L}\\p{N}])`, "gu");
    sentences.forEach((s, i) => {
      for (const m of s.text.matchAll(pattern)) {
        out.push(makeFinding({
          detector: ID, category: "Accuracy/Mistranslation", severity: "major", side, sentence: i,
          span: [m.index!, m.index! + m[0].length], key: "name.knownError",
          params: { found: entry.wrong, name: entry.right }, suggestion: entry.right,
          evidence: { origin: entry.origin },
        }));
      }
    });
  }
  return out;
}

/** Does the target text carry the name as written (any case, German genitive, inside a hyphenated compound)? */
function carriesName(targetText: string, name: string): boolean {
  const key = nameKey(name).replace(/ß/g, "ss");
  return words(targetText).some((t) => {
    const k = t.text.toLowerCase().replace(/ß/g, "ss");
    return k === key || k.replace(/['’]?s$/, "") === key || k.split("-").includes(key) || (key.length >= 4 && k.startsWith(key));
  });
}

function pairFindings(doc: AlignedDocument): Finding[] {
  if (!isGerman(doc.targetLang)) return [];
  const lexicon = loadLexicon();
  const out: Finding[] = [];
  const wholeTarget = doc.target.map((s) => s.text).join("\n");
  const sourceCounts = new Map<string, number>();
  // One finding per lost name and document: the reviewer needs the hint once, not in every sentence.
  const reported = new Set<string>();
  for (const s of doc.source) for (const n of englishNameTokens(s.text)) sourceCounts.set(nameKey(n.text), (sourceCounts.get(nameKey(n.text)) ?? 0) + 1);
  for (const pair of linkedPairs(doc)) {
    if (!pair.source.length || !pair.target.length) continue; // omissions are reported elsewhere
    const targetStems = new Map<string, { start: number; end: number; sentence: number; text: string }>();
    for (const t of pair.target) {
      for (const w of words(doc.target[t]!.text)) targetStems.set(stemGerman(w.text), { ...w, sentence: t });
    }
    for (const s of pair.source) {
      const text = doc.source[s]!.text;
      for (const name of englishNameTokens(text)) {
        if (name.text.length < 2 || carriesName(pair.targetText, name.text)) continue;
        const bare = name.text.replace(/['’]s$/, "");
        // "the Caterpillar" is a character or a thing; "Caterpillar" alone, the company.
        // After another capitalised word (not the sentence's first) it is part of a longer name ("AI Office", "Google Chrome").
        const before = text.slice(0, name.start);
        const previous = words(before).at(-1);
        const partOfName = previous !== undefined && previous.start > 0 && /^\p{Lu}/u.test(previous.text) && /^\s+$/.test(before.slice(previous.end));
        const article = partOfName || /\b(?:the|a|an|this|that|my|your|his|her|our|their)\s+$/i.test(before);
        const rendered = BRANDS_THAT_ARE_WORDS.has(bare) && !article
          ? lexicon.enToDe(bare.toLowerCase()).map((d) => targetStems.get(stemGerman(d))).find(Boolean)
          : undefined;
        if (rendered) {
          out.push(makeFinding({
            detector: ID, category: "Accuracy/Mistranslation", severity: "major", side: "target", sentence: rendered.sentence,
            span: [rendered.start, rendered.end], key: "name.translatedAsWord",
            params: { name: name.text, found: rendered.text }, suggestion: name.text.replace(/['’]s$/, ""),
            evidence: { sourceSentence: s },
          }));
        } else if (
          !/^[IVXLC]+$/.test(name.text) && !name.text.includes("-") && (sourceCounts.get(nameKey(name.text)) ?? 0) >= 2 &&
          !reported.has(nameKey(name.text)) &&
          !lexicon.hasEnglish(nameKey(name.text)) && lexicon.enToDe(nameKey(name.text)).length === 0 && !carriesName(wholeTarget, name.text)
        ) {
          reported.add(nameKey(name.text));
          // Translations replace a name by a pronoun now and then; a name used repeatedly that never appears
          // in the whole translation was lost or changed. (Roman numerals and hyphenated words are not names.)
          out.push(makeFinding({
            detector: ID, category: "Accuracy/Omission", severity: "minor", side: "source", sentence: s,
            span: [name.start, name.end], key: "name.missing", params: { name: name.text },
            evidence: { targetSentences: pair.target },
          }));
        }
      }
    }
  }
  return out;
}

export const nameMistranslatedDetector: Detector = {
  id: ID,
  description: "A name of the source that appears nowhere in the translation, or a brand rendered as a common word (Apple -> Apfel); known mis-transliterations of public figures (Ultraman for Altman).",
  checkAligned: (doc) => [...pairFindings(doc), ...knownNameFindings(doc.source, "source"), ...knownNameFindings(doc.target, "target")],
  checkMonolingual: (doc) => knownNameFindings(doc.sentences, "source"),
};
