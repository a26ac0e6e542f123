// Site chrome recognised before alignment: a line that is only a page label ("Kommentare (12)",
// "Teilen", "Read more", "Lesen Sie auch: …" teasers, photo credits) translates nothing, so the
// search may leave it one-sided for almost nothing and must not hide it inside a neighbour's
// link. Such a line is short and shares few words with anything; without this it is joined to
// the sentence beside it, because it barely moves that link's similarity or length.
// English and German labels, as the boilerplate detector (lib/artifacts/boilerplate.ts) knows them.
const LABELS = [
  "comments?", "\\d+ comments?", "post a comment", "leave a (?:comment|reply)", "add a comment", "show comments", "share(?: this(?: article| story| page)?)?",
  "read more", "read also", "see also", "more on this(?: story| topic)?", "related(?: articles| posts| stories| tags| news| topics)?",
  "you (?:might|may) also like", "tags", "advertisement", "sponsored(?: content)?", "subscribe(?: now)?", "sign up(?: for (?:our|the) newsletter)?",
  "log in", "sign in", "newsletter", "print", "back to top", "click here", "all rights reserved", "recommended(?: for you)?",
  "mehr zum thema", "lesen sie (?:auch|mehr)", "auch interessant", "das könnte sie auch interessieren", "kommentare?(?: anzeigen| schreiben)?",
  "anzeige", "werbung", "teilen", "artikel teilen", "seite teilen", "zum thema", "weitere artikel", "weiterlesen", "zur startseite",
  "zum seitenanfang", "nach oben", "newsletter abonnieren", "jetzt abonnieren", "hier klicken", "alle rechte vorbehalten", "drucken",
  "empfohlen(?: für sie)?",
];

// Matched against the lowercased line without the i and u flags: a case-insensitive Unicode
// alternation of this size took 70 ms to compile and run once, a fifth of aligning a
// 137-sentence document; this way it takes under 1 ms.
/** A label alone, optionally with a count or a colon, or a label introducing a teaser line. */
const CHROME = new RegExp(`^(?:${LABELS.join("|")})\\s*(?:\\(\\d+\\)|\\d+)?\\s*(?:[.!]|[:»›>](?:\\s*.{1,140})?)?$`);
/** A photo or image credit line ("Foto: dpa", "Photo: Reuters / Jane Doe"). */
const CREDIT = /^(?:foto|fotos|photo|photos|bild|image|quelle|source)\s*:\s*[^.!?]{1,60}$/;
/** First words of the labels and credits: most lines are ruled out by their first word alone. */
// ("comments?" gives "comment": a line's first word is looked up as it is and without its last letter.)
const FIRST_WORDS = new Set([...LABELS.map((l) => l.replace(/^\\d\+ /, "").replace(/.\?(?=[ (]|$)/, "").split(/[ (]/)[0]), "foto", "photo", "bild", "image", "quelle", "source"]);

/** What ends a first word (no \\p{L} with the u flag: compiling that costs more than the whole check). */
const FIRST_WORD_END = /[\s(:.,;!?»›>]/;

/** Whether a line is site chrome: a page label, a teaser introduced by one, or a photo credit. */
export function isSiteChrome(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t.length === 0 || t.length > 200) return false;
  const first = t.split(FIRST_WORD_END, 1)[0];
  if (!FIRST_WORDS.has(first) && !FIRST_WORDS.has(first.slice(0, -1)) && !/^\d/.test(first)) return false;
  return CHROME.test(t) || CREDIT.test(t);
}

/** One flag per line: 1 for site chrome. */
export function chromeFlags(lines: string[]): Uint8Array {
  return Uint8Array.from(lines, (l) => (isSiteChrome(l) ? 1 : 0));
}
