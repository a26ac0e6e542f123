// Problems with imported input. Each has a stable code (the i18n key
// `common:import.errors.<code>`), English text for the CLI and logs, and the side it
// concerns. Errors stop an import; warnings stop it only until the user overrides them.

export type ImportProblemCode =
  | "empty"
  | "binary"
  | "invalidUtf8"
  | "tooLarge"
  | "badLanguage"
  | "badJson"
  | "identicalSides"
  | "wrongLanguage"
  | "controlCharacters"
  | "sentenceTooLong"
  | "sentenceCounts"
  | "hugeLine"
  | "pastedAndFile"
  | "swappedSides";

export interface ImportProblem {
  code: ImportProblemCode;
  side?: "source" | "target";
  /** Plain English: what is wrong and what to do. */
  message: string;
  params: Record<string, string | number>;
}

export class ImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((p) => p.message).join("\n"));
    this.name = "ImportError";
  }
  /** True when the input is merely larger than allowed (HTTP 413 in the app). */
  get tooLarge(): boolean {
    return this.problems.some((p) => p.code === "tooLarge");
  }
}

/** Raised when warnings were found and the caller did not accept them. */
export class ImportWarning extends Error {
  constructor(readonly warnings: ImportProblem[]) {
    super(warnings.map((p) => p.message).join("\n"));
    this.name = "ImportWarning";
  }
}

/** A sentence too long to analyse (see lib/segment's MAX_SENTENCE_CHARS), as an import problem. */
export function sentenceTooLongProblem(err: { message: string; label: string; sentence: number; length: number; excerpt: string }, side?: "source" | "target"): ImportProblem {
  return { code: "sentenceTooLong", ...(side ? { side } : {}), message: err.message, params: { label: err.label, sentence: err.sentence + 1, length: err.length, excerpt: err.excerpt } };
}
