// Candidate base forms for a word that is not in the dictionary as written. Ding lists most inflected
// forms itself (plurals, participles), so a handful of suffix rules catches most remaining misses; the
// stemmers are the last resort because they over-merge ("Rechnung" and "rechnen").

const DE_ENDINGS = ["ern", "en", "er", "em", "es", "n", "e", "s"] as const;
const UMLAUT: Record<string, string> = { ä: "a", ö: "o", ü: "u", äu: "au" };

/** "raschen" -> rasch, rasche; "Kräfte" -> kräft, kraft; best guesses first. Input lowercased. */
export function germanBaseCandidates(word: string): string[] {
  const out: string[] = [];
  for (const ending of DE_ENDINGS) {
    if (!word.endsWith(ending) || word.length - ending.length < 3) continue;
    const base = word.slice(0, -ending.length);
    out.push(base);
    // Plural umlaut (Kraft -> Kräfte, Haus -> Häuser): undo it on the last umlaut of the base.
    const m = /(äu|ä|ö|ü)(?!.*[äöü])/.exec(base);
    if (m && (ending === "e" || ending === "er" || ending === "en" || ending === "ern"))
      out.push(base.slice(0, m.index) + UMLAUT[m[1]!] + base.slice(m.index + m[1]!.length));
  }
  // Finite verb forms: "spiegelt" -> spiegeln, "investierte" -> investieren.
  for (const ending of ["test", "tet", "ten", "te", "est", "st", "et", "t"]) {
    if (!word.endsWith(ending) || word.length - ending.length < 3) continue;
    const base = word.slice(0, -ending.length);
    out.push(base + "en", base + "n");
  }
  // Genitive/dative/feminine forms built on a noun ending in -in/-nis: "Investorinnen", "Ergebnisse".
  if (word.endsWith("innen")) out.push(word.slice(0, -3));
  if (word.endsWith("nisse") || word.endsWith("nissen")) out.push(word.replace(/nissen?$/, "nis"));
  return [...new Set(out)];
}

/** "companies" -> company; "investing" -> invest, investe; "stopped" -> stop. Input lowercased. */
export function englishBaseCandidates(word: string): string[] {
  const out: string[] = [];
  const w = word.replace(/['’]s$/, "");
  if (w !== word) out.push(w);
  if (w.endsWith("ies") && w.length > 4) out.push(w.slice(0, -3) + "y");
  if (w.endsWith("es") && w.length > 3) out.push(w.slice(0, -2));
  if (w.endsWith("s") && !w.endsWith("ss") && w.length > 3) out.push(w.slice(0, -1));
  for (const suffix of ["ing", "ed", "er", "est"]) {
    if (!w.endsWith(suffix) || w.length - suffix.length < 3) continue;
    const base = w.slice(0, -suffix.length);
    out.push(base, base + "e");
    if (/([bdfgklmnprtvz])\1$/.test(base)) out.push(base.slice(0, -1));
    if (base.endsWith("i")) out.push(base.slice(0, -1) + "y");
  }
  if (w.endsWith("ly") && w.length > 4) {
    out.push(w.slice(0, -2));
    if (w.endsWith("ily")) out.push(w.slice(0, -3) + "y");
    if (w.endsWith("ally")) out.push(w.slice(0, -4));
  }
  return [...new Set(out)].filter((c) => c !== word);
}
