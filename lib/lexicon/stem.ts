// Light stemmers used as the lexicon's fallback lookup: when an inflected form is not in the dictionary,
// both the query and the dictionary words are reduced to stems and compared. Written here rather than
// taken from a package because a few dozen lines cover it and the lexicon must load without extras.

const DE_VOWELS = "aeiouyäöü";
const isDeVowel = (c: string | undefined) => c !== undefined && DE_VOWELS.includes(c);

/** Start of the region after the first non-vowel that follows a vowel (Snowball's R1/R2). */
function regionAfter(word: string, from: number, isVowel: (c: string | undefined) => boolean): number {
  for (let i = from + 1; i < word.length; i++) if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
  return word.length;
}

/** Snowball's German stemmer (the standard variant): "Entwicklungen" -> "entwickl", "Führung" -> "fuhrung". */
export function stemGerman(word: string): string {
  let w = word.toLowerCase().replace(/ß/g, "ss");
  // u and y between vowels are consonants for the region computation.
  w = w.replace(/([aeiouyäöü])u(?=[aeiouyäöü])/g, "$1U").replace(/([aeiouyäöü])y(?=[aeiouyäöü])/g, "$1Y");
  const isVowel = (c: string | undefined) => isDeVowel(c);
  const r1Raw = regionAfter(w, 0, isVowel);
  // R2 is found from the unadjusted R1; only R1 itself is pushed out to at least 3 letters.
  const r2 = regionAfter(w, r1Raw, isVowel);
  const r1 = Math.max(r1Raw, Math.min(3, w.length));
  const inR1 = (suffix: string) => w.endsWith(suffix) && w.length - suffix.length >= r1;
  const inR2 = (suffix: string) => w.endsWith(suffix) && w.length - suffix.length >= r2;
  const sEnding = "bdfghklmnrt";
  const stEnding = "bdfghklmnt";

  // Step 1
  const step1a = ["ern", "em", "er"].find((s) => w.endsWith(s));
  const step1b = ["en", "es", "e"].find((s) => w.endsWith(s));
  if (step1a && inR1(step1a)) w = w.slice(0, -step1a.length);
  else if (step1b && (!step1a || step1b.length >= step1a.length) && inR1(step1b)) {
    w = w.slice(0, -step1b.length);
    if (w.endsWith("niss")) w = w.slice(0, -1);
  } else if (!step1a && !step1b && inR1("s") && sEnding.includes(w[w.length - 2] ?? "")) w = w.slice(0, -1);

  // Step 2
  const step2 = ["est", "en", "er"].find((s) => w.endsWith(s));
  if (step2 && inR1(step2)) w = w.slice(0, -step2.length);
  else if (!step2 && w.endsWith("st") && inR1("st") && w.length - 3 >= 3 && stEnding.includes(w[w.length - 3] ?? ""))
    w = w.slice(0, -2);

  // Step 3: derivational suffixes
  if ((w.endsWith("end") || w.endsWith("ung")) && inR2(w.slice(-3))) {
    w = w.slice(0, -3);
    if (w.endsWith("ig") && w[w.length - 3] !== "e" && inR2("ig")) w = w.slice(0, -2);
  } else if (w.endsWith("isch") || w.endsWith("ig") || w.endsWith("ik")) {
    const s = w.endsWith("isch") ? "isch" : w.slice(-2);
    if (inR2(s) && w[w.length - s.length - 1] !== "e") w = w.slice(0, -s.length);
  } else if (w.endsWith("lich") || w.endsWith("heit")) {
    if (inR2(w.slice(-4))) {
      w = w.slice(0, -4);
      if ((w.endsWith("er") || w.endsWith("en")) && inR1(w.slice(-2))) w = w.slice(0, -2);
    }
  } else if (w.endsWith("keit") && inR2("keit")) {
    w = w.slice(0, -4);
    if (w.endsWith("lich") && inR2("lich")) w = w.slice(0, -4);
    else if (w.endsWith("ig") && inR2("ig")) w = w.slice(0, -2);
  }
  return w.replace(/U/g, "u").replace(/Y/g, "y").replace(/ä/g, "a").replace(/ö/g, "o").replace(/ü/g, "u");
}

// ---- English: Porter (1980), the classic algorithm ----

function isConsonant(w: string, i: number): boolean {
  const c = w[i];
  if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
  if (c === "y") return i === 0 || !isConsonant(w, i - 1);
  return true;
}

/** Porter's m: the number of vowel-consonant sequences in w. */
function measure(w: string): number {
  let m = 0;
  let i = 0;
  while (i < w.length && isConsonant(w, i)) i++;
  while (i < w.length) {
    while (i < w.length && !isConsonant(w, i)) i++;
    if (i >= w.length) break;
    while (i < w.length && isConsonant(w, i)) i++;
    m++;
  }
  return m;
}

const hasVowel = (w: string) => [...w].some((_, i) => !isConsonant(w, i));
const endsDoubleConsonant = (w: string) =>
  w.length >= 2 && w[w.length - 1] === w[w.length - 2] && isConsonant(w, w.length - 1);
/** consonant-vowel-consonant ending, last not w/x/y: "hop" (-> "hope"), not "snow". */
const endsCvc = (w: string) =>
  w.length >= 3 &&
  isConsonant(w, w.length - 3) &&
  !isConsonant(w, w.length - 2) &&
  isConsonant(w, w.length - 1) &&
  !"wxy".includes(w[w.length - 1]!);

function replaceSuffix(w: string, rules: readonly (readonly [string, string])[], minMeasure: number): string {
  for (const [suffix, repl] of rules) {
    if (w.endsWith(suffix)) {
      const stem = w.slice(0, -suffix.length);
      return measure(stem) > minMeasure ? stem + repl : w;
    }
  }
  return w;
}

const STEP2: readonly (readonly [string, string])[] = [
  ["ational", "ate"], ["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["izer", "ize"], ["ization", "ize"], ["abli", "able"], ["alli", "al"], ["entli", "ent"], ["eli", "e"], ["ousli", "ous"],
  ["ation", "ate"], ["ator", "ate"], ["alism", "al"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"],
  ["aliti", "al"], ["iviti", "ive"], ["biliti", "ble"],
];
const STEP3: readonly (readonly [string, string])[] = [
  ["icate", "ic"], ["ative", ""], ["alize", "al"], ["iciti", "ic"], ["ical", "ic"], ["ful", ""], ["ness", ""],
];
const STEP4 = [
  "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti",
  "ous", "ive", "ize",
];

/** Porter's stemmer as published (Snowball's "porter"): "commercialization" -> "commerci", "resources" -> "resourc". */
export function stemEnglish(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'").replace(/'s?$/, "");
  if (w.startsWith("y")) w = "Y" + w.slice(1);

  // Step 1a: plurals
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);

  // Step 1b: -ed, -ing
  let cleanup = false;
  if (w.endsWith("eed")) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (w.endsWith("ed") && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2);
    cleanup = true;
  } else if (w.endsWith("ing") && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3);
    cleanup = true;
  }
  if (cleanup) {
    if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz") || w.endsWith("is")) w += "e";
    else if (endsDoubleConsonant(w) && !"lsz".includes(w[w.length - 1]!)) w = w.slice(0, -1);
    else if (measure(w) === 1 && endsCvc(w)) w += "e";
  }
  // Step 1c
  if (w.endsWith("y") && hasVowel(w.slice(0, -1))) w = w.slice(0, -1) + "i";

  w = replaceSuffix(w, STEP2, 0);
  w = replaceSuffix(w, STEP3, 0);

  // Step 4
  for (const suffix of STEP4) {
    if (w.endsWith(suffix)) {
      const stem = w.slice(0, -suffix.length);
      if (measure(stem) > 1 && (suffix !== "ion" || stem.endsWith("s") || stem.endsWith("t"))) w = stem;
      break;
    }
  }
  // Step 5
  if (w.endsWith("e")) {
    const stem = w.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !endsCvc(stem))) w = stem;
  }
  if (measure(w) > 1 && endsDoubleConsonant(w) && w.endsWith("l")) w = w.slice(0, -1);
  return w.replace(/Y/g, "y");
}
