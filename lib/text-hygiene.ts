// Text that people type or import must be text: no control characters that cut it short
// (NUL ends a string in PostgreSQL and in many C libraries) or drive a terminal (ESC), no
// lone UTF-16 surrogates (not Unicode at all: the database drivers refuse them). And text
// that is shown as a label — titles above all — must not be able to disguise itself or
// what follows it: bidi overrides reorder the rest of a line, escape sequences recolour or
// rewrite a terminal. Those are shown as visible codes instead.

/** C0 controls except tab and newline, DEL, and C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const NAMES: Record<number, string> = { 0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x0d: "carriage return", 0x1b: "ESC", 0x7f: "DEL" };

export const codePoint = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * Why this text cannot be stored as typed, or null. `what` names it for the message
 * ("The sentence", "The comment"). Tab and newline are fine; carriage returns are not
 * (line ends are "\n" everywhere).
 */
export function textProblem(text: string, what: string): string | null {
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) {
    return `${what} contains a broken character at position ${surrogate.index + 1} (a lone UTF-16 surrogate, ${codePoint(surrogate[0].charCodeAt(0))}), which is not text. Retype or paste that part again.`;
  }
  const control = CONTROL.exec(text);
  if (control) {
    const c = control[0].charCodeAt(0);
    const name = NAMES[c] ? ` (${NAMES[c]})` : "";
    return `${what} contains the control character ${codePoint(c)}${name} at position ${control.index + 1}, which cannot be stored. Remove it (only tabs and line breaks are allowed).`;
  }
  return null;
}

const SHOWN_AS_CODE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A label (title, file name, login) safe to show in a page, a report or a terminal: every
 * control character, bidi control and lone surrogate becomes a visible "<U+202E>" code, so
 * a title cannot reverse, hide or colour what is printed after it.
 */
export function displayLabel(text: string): string {
  return text.replace(SHOWN_AS_CODE, (c) => `<${codePoint(c.charCodeAt(0))}>`);
}
