// The whole check of an import request: decode both sides, then look for things that
// are probably a mistake (identical sides, a side in another language).
import { decodeSide, checkText, maxImportBytes } from "./decode";
import { ImportError, type ImportProblem } from "./errors";
import { detectLanguage } from "./language";
import { isLanguageCode, LANGUAGE_CODE_EXAMPLES } from "../language-code";
import { pastedAndFileWarning, proportionWarnings, swappedSidesWarning } from "./proportions";

/** `ignoredText`: text pasted on a side that also has a file (the file wins; the user is warned). */
export interface RawSide { label: string; lang: string; bytes?: Uint8Array; text?: string; ignoredText?: string }
export interface CheckedInput { source: string; target: string | null; warnings: ImportProblem[] }

const LANG_NAMES: Record<string, string> = { en: "English", de: "German", fr: "French", es: "Spanish", it: "Italian", nl: "Dutch", zh: "Chinese", ja: "Japanese", ko: "Korean", ru: "Russian", pt: "Portuguese", pl: "Polish" };
export const langName = (code: string) => LANG_NAMES[code] ?? code;

function decode(side: RawSide, which: "source" | "target", maxBytes: number) {
  if (side.bytes) return decodeSide(side.bytes, which, side.label, maxBytes);
  return checkText(side.text ?? "", which, side.label, maxBytes);
}

/** Throws ImportError on errors; returns the texts and any warnings. */
export function checkImportInput(source: RawSide, target: RawSide | null, maxBytes = maxImportBytes()): CheckedInput {
  const problems: ImportProblem[] = [];
  for (const [side, which] of [[source, "source"], [target, "target"]] as const) {
    if (side && !isLanguageCode(side.lang)) {
      problems.push({ code: "badLanguage", side: which, params: { label: side.label, lang: side.lang },
        message: `"${side.lang}" is not a language code for ${side.label}. Use a code such as ${LANGUAGE_CODE_EXAMPLES}.` });
    }
  }
  const src = decode(source, "source", maxBytes);
  const tgt = target ? decode(target, "target", maxBytes) : null;
  if (src.problem) problems.push(src.problem);
  if (tgt?.problem) problems.push(tgt.problem);
  if (problems.length) throw new ImportError(problems);

  const warnings: ImportProblem[] = [];
  if (target && tgt && src.text.trim() === tgt.text.trim()) {
    warnings.push({ code: "identicalSides", params: {},
      message: "Both sides are the same text. Check that you chose the translation as the second file; import anyway only if that is intended." });
  }
  for (const [side, decoded, which] of [[source, src, "source"], [target, tgt, "target"]] as const) {
    if (!side || !decoded?.removedControls) continue;
    const { count, example } = decoded.removedControls;
    // Never silently: a NUL or an escape sequence in a file is worth a look before it is stored without them.
    warnings.push({ code: "controlCharacters", side: which, params: { label: side.label, count, example },
      message: `${side.label} contains ${count} control character${count === 1 ? "" : "s"} (such as ${example}) that are not text. They will be removed; import anyway to store the text without them.` });
  }
  for (const [side, which] of [[source, "source"], [target, "target"]] as const) {
    if (side?.bytes && side.ignoredText?.trim()) warnings.push(pastedAndFileWarning(which, side.label));
  }
  warnings.push(...proportionWarnings({ label: source.label, text: src.text }, target && tgt ? { label: target.label, text: tgt.text } : null));
  const guesses = { source: detectLanguage(src.text), target: tgt ? detectLanguage(tgt.text) : null };
  const reads = (g: ReturnType<typeof detectLanguage>, lang: string) => !!g && g.share >= 0.6 && g.language === lang;
  const swapped = !!target && source.lang !== target.lang && reads(guesses.source, target.lang) && reads(guesses.target, source.lang);
  // One warning with a way out (swap) instead of two about the languages.
  if (swapped) warnings.push(swappedSidesWarning(source, target!));
  for (const [side, which] of [[source, "source"], [target, "target"]] as const) {
    if (!side || swapped) continue;
    const guess = guesses[which];
    if (guess && guess.language !== side.lang && guess.share >= 0.6) {
      warnings.push({ code: "wrongLanguage", side: which,
        params: { label: side.label, declared: side.lang, detected: guess.language, declaredName: langName(side.lang), detectedName: langName(guess.language) },
        message: `${side.label} was declared ${langName(side.lang)} (${side.lang}) but reads as ${langName(guess.language)} (${guess.language}). Correct the language, or import anyway if you are sure.` });
    }
  }
  return { source: src.text, target: tgt ? tgt.text : null, warnings };
}
