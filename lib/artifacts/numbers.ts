// Numbers, amounts and dates that differ between a sentence and its translation, read with each
// side's conventions: English 1,700.5 = German 1.700,5; "$2.5 billion" = "2,5 Milliarden Dollar";
// German "Billion" is English "trillion". A German number that only matches when read the English
// way ("1,700" for 1,700) is a number-format error, not a different number.
import type { Finding, Side } from "../types";
import { isGerman, linkedPairs, makeFinding } from "./finding";
import type { AlignedDocument, Detector } from "./types";

const ID = "number-mismatch";

interface NumberMention {
  text: string;
  start: number;
  end: number;
  value: number;
  /** The value if the digits were written with the other language's separators. */
  otherReading: number | null;
  /** Only readable with the other language's separators ("1.39" in German): right value, wrong format. */
  foreignFormat?: boolean;
  sentence: number;
}

const SCALES: Array<[RegExp, number]> = [
  [/^\s*(?:trillions?|tn|Billionen?)\b/u, 1e12],
  [/^\s*(?:billions?|bn|Milliarden?|Mrd\.?)(?![\p{L}])/u, 1e9],
  [/^\s*(?:millions?|mn|Millionen?|Mio\.?)(?![\p{L}])/u, 1e6],
  [/^\s*(?:thousands?|Tausend|Tsd\.?)(?![\p{L}])/u, 1e3],
];
const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  januar: 1, februar: 2, märz: 3, mai: 5, juni: 6, juli: 7, oktober: 10, dezember: 12,
};
const EN_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(" ");
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const EN_ORDINALS = "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(" ");
const DE_UNITS = "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn".split(" ");
const DE_TENS: Record<string, number> = { zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90 };
const DE_ORDINALS = "nullte erste zweite dritte vierte fünfte sechste siebte achte neunte zehnte elfte zwölfte".split(" ");
const OTHER_WORDS: Record<string, number> = { a: 1, an: 1, ein: 1, eine: 1, einen: 1, einem: 1, einer: 1, hundred: 100, hundert: 100, thousand: 1000, tausend: 1000, dozen: 12, dutzend: 12 };

/** The value of a number written as a word ("forty-eight", "achtundvierzig", "fourth", "vierten"), or undefined. */
export function numberWordValue(word: string): number | undefined {
  let w = word.toLowerCase();
  // "zweieinhalb" = 2.5; "zehnfach", "zehnfachen", "zehnmal", "tenfold" = 10.
  const half = /^(\p{L}+?)einhalb$/u.exec(w);
  if (half) {
    const v = numberWordValue(half[1]!);
    return v === undefined ? undefined : v + 0.5;
  }
  const times = /^(\p{L}{3,}?)(?:fach(?:e[nmrs]?)?|mal|fold)$/u.exec(w);
  if (times) w = times[1]!;
  if (w in OTHER_WORDS) return OTHER_WORDS[w];
  const unit = (x: string) => {
    const i = Math.max(EN_UNITS.indexOf(x), DE_UNITS.indexOf(x), x === "ein" ? 1 : -1);
    return i >= 0 ? i : undefined;
  };
  const direct = unit(w) ?? EN_TENS[w] ?? DE_TENS[w];
  if (direct !== undefined) return direct;
  const ordinal = Math.max(EN_ORDINALS.indexOf(w), DE_ORDINALS.indexOf(w.replace(/(?<=te)[nrsm]$/, "")));
  if (ordinal >= 0) return ordinal;
  const en = /^(\p{L}+)-(\p{L}+)$/u.exec(w);
  if (en && EN_TENS[en[1]!] && unit(en[2]!)) return EN_TENS[en[1]!]! + unit(en[2]!)!;
  const de = /^(\p{L}+?)und(\p{L}+)$/u.exec(w);
  if (de && DE_TENS[de[2]!] && unit(de[1]!)) return DE_TENS[de[2]!]! + unit(de[1]!)!;
  return undefined;
}


/** Read digits with a thousands and a decimal separator; null when the grouping is impossible. */
function readDigits(raw: string, thousands: string, decimal: string): number | null {
  const [intPart, ...rest] = raw.split(decimal);
  if (rest.length > 1) return null;
  const groups = intPart!.split(thousands);
  if (groups.length > 1 && (groups[0]!.length > 3 || groups.slice(1).some((g) => g.length !== 3))) return null;
  const n = Number(groups.join("") + (rest.length ? "." + rest[0] : ""));
  return Number.isFinite(n) ? n : null;
}

function read(raw: string, german: boolean): number | null {
  return german ? readDigits(raw, ".", ",") : readDigits(raw, ",", ".");
}

export function numberMentions(text: string, lang: string, sentence: number): NumberMention[] {
  const german = isGerman(lang);
  const out: NumberMention[] = [];
  // A number glued to a capital is a code ("3D", "5G", "4K"); "30cm", "90er", "90s" are numbers.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.,])\d+(?:[.,]\d+)*(?![\p{Lu}\p{N}])/gu)) {
    const raw = m[0];
    const start = m.index!;
    let end = start + raw.length;
    let value = read(raw, german);
    let other = read(raw, !german);
    if (value === null && other === null) {
      // Dates and versions ("24.11.2023", "2023.11.24", "3.1.2"): compare their parts.
      let offset = start;
      for (const part of raw.split(/[.,]/)) {
        out.push({ text: part, start: offset, end: offset + part.length, value: Number(part), otherReading: null, sentence });
        offset += part.length + 1;
      }
      continue;
    }
    const after = text.slice(end);
    for (const [pattern, factor] of SCALES) {
      const s = pattern.exec(after);
      if (!s) continue;
      // German "Billion" is 10^12, English "billion" 10^9.
      const f = /^\s*Billion/u.test(s[0]) ? (german ? 1e12 : 1e9) : factor;
      if (value !== null) value *= f;
      if (other !== null) other *= f;
      end += s[0].length;
      break;
    }
    out.push({ text: text.slice(start, end), start, end, value: value ?? other!, otherReading: value === null ? null : other, sentence, foreignFormat: value === null && /[.,]/.test(raw) });
  }
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const month = MONTHS[m[0].toLowerCase()];
    // A month is part of a date only next to a number ("24. November 2023", "May 5"): not "the March Hare".
    const near = /\d[.,]?\s*$/.test(text.slice(Math.max(0, m.index! - 6), m.index!)) || /^\s*\d/.test(text.slice(m.index! + m[0].length));
    if (month && /^\p{Lu}/u.test(m[0]) && near) out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length, value: month, otherReading: null, sentence });
  }
  return out;
}

/** Units of measurement and what they measure; imperial units are the locale problem in German text. */
export const UNITS: Array<{ pattern: RegExp; unit: string; dimension: string; imperial?: boolean }> = [
  { pattern: /^(?:ft\.?|feet|foot|Fuß)(?![\p{L}])/u, unit: "ft", dimension: "length", imperial: true },
  // "Zoll" is idiomatic German for screens, wheels and pipes ("65-Zoll-Fernseher"): a length, but not flagged.
  { pattern: /^(?:inch(?:es)?|in\.)(?![\p{L}])/u, unit: "in", dimension: "length", imperial: true },
  { pattern: /^Zoll(?![\p{L}])/u, unit: "in", dimension: "length" },
  { pattern: /^(?:yards?|yd\.?|Yards?)(?![\p{L}])/u, unit: "yd", dimension: "length", imperial: true },
  { pattern: /^(?:miles?|mi\.|Meilen?)(?![\p{L}])/u, unit: "mi", dimension: "length", imperial: true },
  { pattern: /^(?:mm|Millimeter[ns]?|millimet(?:er|re)s?)(?![\p{L}])/u, unit: "mm", dimension: "length" },
  { pattern: /^(?:cm|Zentimeter[ns]?|centimet(?:er|re)s?)(?![\p{L}])/u, unit: "cm", dimension: "length" },
  { pattern: /^(?:km|Kilometer[ns]?|kilomet(?:er|re)s?)(?![\p{L}])/u, unit: "km", dimension: "length" },
  { pattern: /^(?:m|Meter[ns]?|met(?:er|re)s?)(?![\p{L}])/u, unit: "m", dimension: "length" },
  { pattern: /^(?:pounds?|lbs?\.?)(?![\p{L}])/u, unit: "lb", dimension: "mass", imperial: true },
  { pattern: /^(?:ounces?|oz\.?|Unzen?)(?![\p{L}])/u, unit: "oz", dimension: "mass", imperial: true },
  { pattern: /^(?:kg|Kilo(?:gramm)?s?|kilo(?:gram)?s?)(?![\p{L}])/u, unit: "kg", dimension: "mass" },
  { pattern: /^(?:g|Gramm|grams?)(?![\p{L}])/u, unit: "g", dimension: "mass" },
  { pattern: /^(?:t|Tonnen?|tons?|tonnes?)(?![\p{L}])/u, unit: "t", dimension: "mass" },
  { pattern: /^(?:°\s?F|(?:degrees?|Grad) Fahrenheit)(?![\p{L}])/u, unit: "F", dimension: "temperature", imperial: true },
  { pattern: /^(?:°\s?C|(?:degrees?|Grad) Celsius|Grad)(?![\p{L}])/u, unit: "C", dimension: "temperature" },
  { pattern: /^(?:gallons?|Gallonen?)(?![\p{L}])/u, unit: "gal", dimension: "volume", imperial: true },
  { pattern: /^(?:l|Liter[ns]?|lit(?:er|re)s?)(?![\p{L}])/u, unit: "l", dimension: "volume" },
  { pattern: /^(?:mph|miles per hour|Meilen pro Stunde)(?![\p{L}])/u, unit: "mph", dimension: "speed", imperial: true },
  { pattern: /^(?:km\/h|Stundenkilometer[ns]?|kilomet(?:er|re)s per hour)(?![\p{L}])/u, unit: "km/h", dimension: "speed" },
  { pattern: /^(?:nanoseconds?|Nanosekunden?|ns)(?![\p{L}])/u, unit: "ns", dimension: "short time" },
  { pattern: /^(?:microseconds?|Mikrosekunden?|µs)(?![\p{L}])/u, unit: "µs", dimension: "short time" },
  { pattern: /^(?:milliseconds?|Millisekunden?|ms)(?![\p{L}])/u, unit: "ms", dimension: "short time" },
];

/** The unit right after a number ("8 ft.", "2,4 m", "8-Fuß-Roboter", "eight-foot"), if any. */
export function unitAfter(after: string): { unit: string; dimension: string; imperial?: boolean; length: number } | undefined {
  const m = /^(?:\s|-|\u00a0)?/u.exec(after)!;
  const rest = after.slice(m[0].length);
  for (const u of UNITS) {
    const hit = u.pattern.exec(rest);
    if (hit) return { unit: u.unit, dimension: u.dimension, imperial: u.imperial, length: m[0].length + hit[0].length };
  }
  return undefined;
}

/** Units used after a number or a number word in a text, by dimension. */
function unitsIn(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of text.matchAll(/(?:\d|\p{L}+)(?=[\s\u00a0-])/gu)) {
    if (!/\d$/.test(m[0]) && numberWordValue(m[0]) === undefined) continue;
    const u = unitAfter(text.slice(m.index! + m[0].length));
    if (!u) continue;
    const set = out.get(u.dimension) ?? new Set<string>();
    set.add(u.unit);
    out.set(u.dimension, set);
  }
  return out;
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function format(value: number, german: boolean): string {
  return value.toLocaleString(german ? "de-DE" : "en-US", { maximumFractionDigits: 10 });
}

function check(doc: AlignedDocument): Finding[] {
  const out: Finding[] = [];
  const german = isGerman(doc.targetLang);
  for (const p of linkedPairs(doc)) {
    if (!p.source.length || !p.target.length) continue;
    const src = p.source.flatMap((i) => numberMentions(doc.source[i]!.text, doc.sourceLang, i));
    const tgt = p.target.flatMap((i) => numberMentions(doc.target[i]!.text, doc.targetLang, i));
    if (!src.length && !tgt.length) continue;
    const srcLeft = [...src];
    const tgtLeft: NumberMention[] = [];
    for (const t of tgt) {
      const k = srcLeft.findIndex((s) => same(s.value, t.value));
      if (k < 0) {
        tgtLeft.push(t);
        continue;
      }
      const [s] = srcLeft.splice(k, 1);
      if (t.foreignFormat) {
        const digits = t.text.match(/^[\d.,]+/)![0];
        const fixed = format(t.value, german);
        out.push(makeFinding({
          detector: ID, category: "Locale/Number format", severity: "major", side: "target", sentence: t.sentence,
          span: [t.start, t.start + digits.length], key: "number.format", params: { found: digits, source: s!.text, fixed }, suggestion: fixed,
        }));
      }
    }
    const wordsIn = (text: string) => {
      const values = new Set<number>();
      for (const m of text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
        // "forty-eight" as a whole, "eight-foot", "Acht-Fuß-Roboter" by their first piece.
        const v = numberWordValue(m[0]) ?? numberWordValue(m[0].split("-")[0]!);
        if (v === undefined) continue;
        values.add(v);
        // "Fourteen billion" = 14 Milliarden.
        const after = text.slice(m.index! + m[0].length);
        for (const [pattern, factor] of SCALES) {
          if (!pattern.test(after)) continue;
          values.add(v * (/^\s*Billion/u.test(after) ? 1e12 : factor));
          break;
        }
      }
      return values;
    };
    const srcWords = wordsIn(p.sourceText);
    const tgtWords = wordsIn(p.targetText);
    // A measurement converted by the translator (8 feet → 2,4 m, 10,000 nanoseconds → zehn Mikrosekunden):
    // numbers next to a unit are not compared when the other side measures the same thing in another unit.
    const srcUnits = unitsIn(p.sourceText);
    const tgtUnits = unitsIn(p.targetText);
    const converted = (text: string, _m: NumberMention, other: Map<string, Set<string>>, own: Map<string, Set<string>>) => {
      const unit = unitAfter(text);
      if (!unit) return false;
      const units = other.get(unit.dimension);
      return Boolean(units && [...units].some((u) => u !== unit.unit) && own.has(unit.dimension));
    };
    const textOf = (side: Side, m: NumberMention) => (side === "source" ? doc.source[m.sentence]!.text : doc.target[m.sentence]!.text);
    const unmatchedTarget = tgtLeft.filter((t) => !srcWords.has(t.value) && !converted(textOf("target", t).slice(t.end), t, srcUnits, tgtUnits));
    let unmatchedSource = srcLeft.filter((s) => !tgtWords.has(s.value) && !converted(textOf("source", s).slice(s.end), s, tgtUnits, srcUnits));
    const flag = (side: Side, m: NumberMention, key: string, params: Record<string, string | number>, category: Finding["category"], suggestion?: string) =>
      out.push(makeFinding({ detector: ID, category, severity: "major", side, sentence: m.sentence, span: [m.start, m.end], key, params, suggestion }));
    for (const t of unmatchedTarget) {
      const k = t.otherReading === null ? -1 : unmatchedSource.findIndex((s) => same(s.value, t.otherReading!));
      if (k >= 0) {
        const s = unmatchedSource[k]!;
        unmatchedSource = unmatchedSource.filter((_, i) => i !== k);
        const digits = t.text.match(/^[\d.,]+/)![0];
        const fixed = format(german ? read(digits, false)! : read(digits, true)!, german);
        out.push(makeFinding({
          detector: ID, category: "Locale/Number format", severity: "major", side: "target", sentence: t.sentence,
          span: [t.start, t.start + digits.length], key: "number.format",
          params: { found: digits, source: s.text, fixed }, suggestion: fixed,
        }));
      } else if (unmatchedSource.length) {
        const s = unmatchedSource.shift()!;
        flag("target", t, "number.differs", { found: t.text, source: s.text }, "Accuracy/Mistranslation");
      } else {
        flag("target", t, "number.added", { found: t.text }, "Accuracy/Addition");
      }
    }
    for (const s of unmatchedSource) flag("source", s, "number.missing", { source: s.text }, "Accuracy/Omission");
  }
  return out;
}

export const numberMismatchDetector: Detector = {
  id: ID,
  description: "Numbers, amounts and dates that differ between a sentence and its translation, read with each language's separators and scale words.",
  checkAligned: check,
};
