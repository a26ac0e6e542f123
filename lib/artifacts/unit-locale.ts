// Imperial units left in a German text ("8 Fuß", "acht Fuß lange", "12 ft.", "70 °F", "5 Meilen"):
// German readers measure in metres, kilograms and degrees Celsius, so a translation converts them
// (8 feet → 2,4 m) or at least adds the metric value. A number (digits or a number word) must stand
// right before the unit: "Fuß" alone is the foot. "Zoll" is left alone: it is idiomatic German for
// screens, wheels and pipes ("65-Zoll-Fernseher").
import type { Finding, Sentence, Side } from "../types";
import { isGerman, makeFinding, sourceTextOfTarget } from "./finding";
import { copiedImperialAbbreviations } from "./english-left";
import { numberWordValue, unitAfter } from "./numbers";
import type { Detector } from "./types";

const ID = "unit-locale";
/** A cheap test before the per-word scan: most sentences name no unit at all. */
const IMPERIAL_WORD = /ft\b|feet|foot|Fuß|inch|in\.|Zoll|[Yy]ard|yd|mile|Meile|pound|lbs?\b|ounce|oz\b|Unze|°\s?F|Fahrenheit|gallon|Gallone|mph/u;

/** Metric equivalents per imperial unit, for the suggestion. */
const METRIC: Record<string, { factor: number; unit: string }> = {
  ft: { factor: 0.3048, unit: "m" },
  in: { factor: 2.54, unit: "cm" },
  yd: { factor: 0.9144, unit: "m" },
  mi: { factor: 1.609344, unit: "km" },
  lb: { factor: 0.45359237, unit: "kg" },
  oz: { factor: 28.349523, unit: "g" },
  gal: { factor: 3.785412, unit: "l" },
  mph: { factor: 1.609344, unit: "km/h" },
};

function metric(value: number, unit: string): string | undefined {
  if (unit === "F") return `${((value - 32) * 5 / 9).toLocaleString("de-DE", { maximumFractionDigits: 0 })} °C`;
  const m = METRIC[unit];
  if (!m) return undefined;
  const v = value * m.factor;
  return `${v.toLocaleString("de-DE", { maximumSignificantDigits: v < 10 ? 2 : 3 })} ${m.unit}`;
}

function metricNearby(text: string, dimension: string): boolean {
  for (const m of text.matchAll(/\d(?=[\s\u00a0-]?\p{L}|[\s\u00a0]?°)/gu)) {
    const u = unitAfter(text.slice(m.index! + 1));
    if (u && !u.imperial && u.unit !== "in" && u.dimension === dimension) return true;
  }
  return false;
}

/** A measurement in digits with an imperial unit ("8 ft.", "25 feet", "90 °F"). */
function imperialInDigits(text: string): boolean {
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.,])\d+(?:[.,]\d+)?(?=[\s\u00a0-])/gu)) if (unitAfter(text.slice(m.index! + m[0].length))?.imperial) return true;
  return false;
}

/** `sources`: in a pair, the English of each German sentence. A measurement counts only when the English
 *  gives it in digits: a technical statement, where German uses metric units. Narrative prose keeps its
 *  miles and feet ("keine drei Fuß entfernt" in a translated novel), and so do its translators. */
export function unitLocaleFindings(sentences: Sentence[], side: Side, sources?: string[]): Finding[] {
  const out: Finding[] = [];
  sentences.forEach((s, i) => {
    if (!IMPERIAL_WORD.test(s.text)) return;
    if (sources && !imperialInDigits(sources[i] ?? "")) return;
    const found: Array<{ span: [number, number]; suggestion?: string; unit: string; value: number }> = [];
    // English abbreviations copied from the source ("8 ft.") are English left in the text: untranslated's finding.
    const copied = sources ? copiedImperialAbbreviations(s.text, sources[i] ?? "").map((m) => m.index! + m[0].length) : [];
    // A number in digits (German separators) or a number word, then the unit.
    for (const m of s.text.matchAll(/(?<![\p{L}\p{N}.,])(\d+(?:[.,]\d+)?|\p{L}+)(?=[\s\u00a0-])/gu)) {
      const digits = /^\d/.test(m[1]!);
      const value = digits ? Number(m[1]!.replace(/\./g, "").replace(",", ".")) : numberWordValue(m[1]!);
      if (value === undefined || !Number.isFinite(value) || (!digits && /^(?:ein|eine|einen|einem|einer|a|an)$/iu.test(m[1]!))) continue;
      // A German-only text: digits only, for the same reason.
      if (!sources && !digits) continue;
      const end = m.index! + m[0].length;
      const unit = unitAfter(s.text.slice(end));
      if (!unit?.imperial) continue;
      if (copied.some((at) => at > end && at <= end + unit.length + 1)) continue;
      // The metric value is given as well ("50 Meilen (gut 76 km)").
      if (metricNearby(s.text, unit.dimension)) continue;
      const suggestion = metric(value, unit.unit);
      found.push({ span: [m.index!, end + unit.length], ...(suggestion ? { suggestion } : {}), unit: unit.unit, value });
    }
    // A list of measurements ("8 Fuß, 12 Fuß lange Proteine", "3 bis 5 Meilen") is one finding, as a
    // reader (and a rater) sees one thing to convert.
    const groups: Array<typeof found> = [];
    for (const f of found) {
      const last = groups[groups.length - 1];
      const gap = last ? s.text.slice(last[last.length - 1]!.span[1], f.span[0]) : "";
      if (last && /^\.?\s*(?:,|und|oder|bis|–|-)?\s*$/u.test(gap)) last.push(f);
      else groups.push([f]);
    }
    for (const g of groups) {
      const span: [number, number] = [g[0]!.span[0], g[g.length - 1]!.span[1]];
      const text = s.text.slice(span[0], span[1]);
      let suggestion: string | undefined;
      if (g.every((f) => f.suggestion)) {
        suggestion = "";
        let at = span[0];
        for (const f of g) {
          suggestion += s.text.slice(at, f.span[0]) + f.suggestion;
          at = f.span[1];
        }
      }
      out.push(makeFinding({
        detector: ID, category: "Locale/Number format", severity: "minor", side, sentence: i, span,
        key: "unit.imperial", params: { text, metric: suggestion ?? "—" }, ...(suggestion ? { suggestion } : {}),
        evidence: { unit: g[0]!.unit, value: g[0]!.value, ...(g.length > 1 ? { measurements: g.length } : {}) },
      }));
    }
  });
  return out;
}

export const unitLocaleDetector: Detector = {
  id: ID,
  description: "Imperial units (feet, miles, inches, °F) left in a German text ('8 Fuß'), with the metric value as suggestion.",
  checkAligned: (doc) => (isGerman(doc.targetLang) ? unitLocaleFindings(doc.target, "target", sourceTextOfTarget(doc)) : []),
  checkMonolingual: (doc) => (isGerman(doc.lang) ? unitLocaleFindings(doc.sentences, "source") : []),
};
