// Site chrome that a scraper glued into an article: language menus, comment-box labels,
// "I'm PortAI, I can summarize articles.", time stamps, bylines, hashtag rows, template labels
// ("1. Title"), "Mehr zum Thema" teasers. Strong signals are recognised on their own; a one- or
// two-word line without punctuation ("Wallstreetcn", "portai") only counts next to a strong one,
// because on its own it may just as well be a heading.
import type { Finding, Sentence, Side } from "../types";
import { makeFinding } from "./finding";
import type { Detector } from "./types";

const ID = "boilerplate";

/** Language names as a language menu lists them (autonyms and English names). */
const LANGUAGE_NAMES = [
  "English", "Deutsch", "Français", "Español", "Italiano", "Português", "Русский", "日本語", "中文", "简体中文", "繁體中文",
  "한국어", "한어", "Ελληνικά", "Nederlands", "Polski", "Türkçe", "Svenska", "Suomi", "Suomalainen", "Dansk", "Norsk",
  "Čeština", "Magyar", "Română", "Українська", "العربية", "עברית", "हिन्दी", "ไทย", "Tiếng Việt", "Indonesian",
  "Bahasa Indonesia", "Sanskrit", "Latina", "Latin", "Melayu", "Filipino", "German", "French", "Spanish", "Italian",
  "Japanese", "Chinese", "Korean", "Russian", "Portuguese",
];

/** Whole-line site labels (after an optional section number), English and German. */
const CHROME_LINES = new RegExp(
  "^(?:" + [
    "comments?", "post a comment", "leave a (?:comment|reply)", "add a comment", "show comments", "share(?: this(?: article| story)?)?",
    "read more", "read also", "see also", "related(?: articles| posts| stories| tags| news)?", "tags", "advertisement", "sponsored",
    "subscribe(?: now)?", "sign up", "log in", "sign in", "newsletter", "print", "back to top", "all rights reserved.*",
    "mehr zum thema.*", "lesen sie (?:auch|mehr).*", "auch interessant", "das könnte sie auch interessieren", "kommentare?",
    "kommentar schreiben", "anzeige", "werbung", "teilen", "artikel teilen", "zum thema", "weitere artikel", "zur startseite",
    "newsletter abonnieren", "alle rechte vorbehalten.*",
  ].join("|") + ")[.:!]?$",
  "iu",
);

/** Headings that are a writing template's slot names, not headings ("1. Title", "3. Main Body"). */
const TEMPLATE_LABEL = /^(?:title|main body|body|headline|subtitle|meta description|keywords|seo keywords)$/iu;

const TIMESTAMP = new RegExp(
  "^(?:(?:published|updated|posted|veröffentlicht|aktualisiert|stand)(?: am| on)?:?\\s*)?" +
    "(?:\\d{4}[./-]\\d{1,2}[./-]\\d{1,2}|\\d{1,2}[./]\\s?\\d{1,2}[./]\\s?\\d{2,4}|\\d{1,2}\\.? \\p{L}+\\.? \\d{4}|\\p{L}+\\.? \\d{1,2},? \\d{4})" +
    "(?:,?\\s*(?:um\\s*)?\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:uhr|am|pm|utc|gmt|cet|mez)?)?$",
  "iu",
);

const BYLINE = /^(?:[Bb]y|[Vv]on|[Tt]ext|[Aa]utor|[Aa]uthor|[Ff]oto|[Pp]hoto|[Bb]ild|[Ii]mage|[Qq]uelle|[Ss]ource)[:\s]+\p{L}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}(?:\s*[,|/]\s*[^.!?]{0,40})?$/u;

/** A chat assistant advertising itself inside the article. */
const ASSISTANT = /\bI(?:'|’| a)m\s+\p{L}+,?\s+I can (?:summari[sz]e|help)\b|\bsummari[sz]e (?:this |the )?articles?\b/iu;

const SECTION_NUMBER = /^(?:\d+(?:\.\d+)*\.?|[A-Z]\d+\.)\s+/u;

type Kind = "languageMenu" | "chromeLine" | "templateLabel" | "timestamp" | "byline" | "assistant" | "hashtags" | "siteLabel";

function languageNamesIn(text: string): string[] {
  return LANGUAGE_NAMES.filter((n) => text.includes(n));
}

/** The strong kind of one sentence, if any. */
function strongKind(text: string): { kind: Kind; detail?: string } | null {
  const t = text.trim();
  const names = languageNamesIn(t);
  // A menu is mostly names: three or more of them, and little else once they are removed.
  if (names.length >= 3) {
    let rest = t;
    for (const n of names) rest = rest.split(n).join(" ");
    if (rest.replace(/[\s|/·•,;-]+/g, "").length <= t.length * 0.4) return { kind: "languageMenu", detail: names.slice(0, 4).join(", ") };
  }
  const unnumbered = t.replace(SECTION_NUMBER, "");
  if (TEMPLATE_LABEL.test(unnumbered)) return { kind: "templateLabel", detail: unnumbered };
  if (CHROME_LINES.test(unnumbered)) return { kind: "chromeLine", detail: unnumbered };
  if (TIMESTAMP.test(t)) return { kind: "timestamp" };
  if (t.split(/\s+/).length <= 8 && BYLINE.test(t)) return { kind: "byline" };
  if (t.split(/\s+/).length <= 14 && ASSISTANT.test(t)) return { kind: "assistant" };
  const tokens = t.split(/\s+/);
  if (tokens.length >= 2 && tokens.every((w) => /^#[\p{L}\p{N}_]+$/u.test(w))) return { kind: "hashtags" };
  return null;
}

/** One or two words, no sentence punctuation, not a numbered heading: a site name or section label. */
function isWeakLabel(text: string): boolean {
  const t = text.trim();
  return t.split(/\s+/).length <= 2 && !/[.!?:;,]$/.test(t) && !SECTION_NUMBER.test(t) && /\p{L}/u.test(t);
}

export function boilerplateFindings(sentences: Sentence[], side: Side): Finding[] {
  const kinds = sentences.map((s) => strongKind(s.text));
  // A paragraph is chrome when every sentence in it is; weak labels are judged by their paragraph's neighbours.
  const paragraphs = new Map<number, number[]>();
  sentences.forEach((s, i) => paragraphs.set(s.paragraph, [...(paragraphs.get(s.paragraph) ?? []), i]));
  const order = [...paragraphs.keys()].sort((a, b) => a - b);
  const strongParagraph = new Set(order.filter((p) => paragraphs.get(p)!.every((i) => kinds[i])));
  const out: Finding[] = [];
  order.forEach((p, k) => {
    const members = paragraphs.get(p)!;
    for (const i of members) {
      let kind = kinds[i];
      if (!kind && k > 0 && members.length === 1 && isWeakLabel(sentences[i]!.text)) {
        const near = [order[k - 1], order[k + 1]].some((q) => q !== undefined && strongParagraph.has(q));
        if (near) kind = { kind: "siteLabel" };
      }
      if (!kind) continue;
      const text = sentences[i]!.text;
      const lead = text.length - text.trimStart().length;
      out.push(makeFinding({
        detector: ID, category: "Design/Markup", severity: "major", side, sentence: i,
        span: [lead, text.trimEnd().length], key: `boilerplate.${kind.kind}`,
        params: { text: text.trim().slice(0, 80), detail: kind.detail ?? "" }, suggestion: "",
        evidence: { kind: kind.kind },
      }));
    }
  });
  return out;
}

export const boilerplateDetector: Detector = {
  id: ID,
  description: "Site chrome inside the text: language menus, comment labels, assistant blurbs, time stamps, bylines, hashtag rows, template labels, teasers.",
  checkAligned: (doc) => [...boilerplateFindings(doc.source, "source"), ...boilerplateFindings(doc.target, "target")],
  checkMonolingual: (doc) => boilerplateFindings(doc.sentences, "source"),
};
