// The whole check of an import request: decode both sides, then look for things that
// are probably a mistake (identical sides, a side in another language).
import { decodeSide, checkText, maxImportBytes } from "./decode";
import { ImportError, type ImportProblem } from "./errors";
import { detectLanguage } from "./language";
import { isLanguageCode, LANGUAGE_CODE_EXAMPLES } from "../language-code";

export interface RawSide { label: string; lang: string; bytes?: Uint8Array; text?: string }
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
  for (const [side, text, which] of [[source, src.text, "source"], [target, tgt?.text, "target"]] as const) {
    if (!side || text === undefined) continue;
    const guess = detectLanguage(text);
    if (guess && guess.language !== side.lang && guess.share >= 0.6) {
      warnings.push({ code: "wrongLanguage", side: which,
        params: { label: side.label, declared: side.lang, detected: guess.language, declaredName: langName(side.lang), detectedName: langName(guess.language) },
        message: `${side.label} was declared ${langName(side.lang)} (${side.lang}) but reads as ${langName(guess.language)} (${guess.language}). Correct the language, or import anyway if you are sure.` });
    }
  }
  return { source: src.text, target: tgt ? tgt.text : null, warnings };
}
