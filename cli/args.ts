// Flag parsing shared by the commands: node:util parseArgs, with our usage errors.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { readFileSync } from "node:fs";
import { InputError, UsageError } from "./command";
import { normaliseText } from "../lib/import/decode";
import { isLanguageCode, LANGUAGE_CODE_EXAMPLES, normaliseLanguageCode } from "../lib/language-code";

/**
 * The one flag parser of the commands. Mistakes read the same in every command: `unknown option
 * "--x".`, `--x needs a value.` (or the command's own words for a flag, in `needsValue`), `--x takes
 * no value.`
 */
export function parse<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T, messages: { needsValue?: Partial<Record<keyof T, string>> } = {}) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const message = err instanceof Error ? err.message.replace(/^TypeError \[[A-Z_]+\]: /, "") : String(err);
    const code = (err as { code?: string }).code;
    const flag = /^(?:Unknown option|Option) '(-[^' ]*)/.exec(message)?.[1];
    if (!flag) throw new UsageError(message);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`unknown option "${flag}".`);
    if (/does not take an argument/.test(message)) throw new UsageError(`${flag} takes no value.`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(messages.needsValue?.[flag.replace(/^--?/, "") as keyof T] ?? `${flag} needs a value.`);
    throw new UsageError(message);
  }
}

/** A language flag's value by the one rule of lib/language-code, normalised ("pt_br" → "pt-BR"). */
export function requireLang(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== "string" || !isLanguageCode(value)) throw new UsageError(`${flag} needs a language code such as ${LANGUAGE_CODE_EXAMPLES}.`);
  return normaliseLanguageCode(value);
}

export function readInputFile(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? `${file}: no such file.` : code === "EISDIR" ? `${file} is a directory, not a text file.` : `${file}: cannot read it (${code ?? String(err)}).`);
  }
}

/** A text file as the commands read it: UTF-8, BOM dropped, "\n" line ends; empty is an error unless allowed. */
export function readTextFile(file: string, options: { allowEmpty?: boolean } = {}): string {
  const text = normaliseText(new TextDecoder().decode(readInputFile(file)));
  if (!options.allowEmpty && text.trim() === "") throw new InputError(`"${file}" has no text; give a file with at least one sentence.`);
  return text;
}

/** --min-confidence: a share from 0 to 1, or undefined when not given. */
export function minConfidenceOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === "" || !Number.isFinite(x) || x < 0 || x > 1) throw new UsageError(`--min-confidence is a number from 0 to 1 (e.g. 0.5), not "${value}".`);
  return x;
}
