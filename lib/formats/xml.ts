// Writing text into XML 1.0. Every character XML 1.0 can carry is written as itself (astral
// characters included); the few it cannot carry — C0 controls other than tab/LF/CR, lone
// surrogates, U+FFFE/U+FFFF — are handed to `invalid`, which returns inline markup (XLIFF
// <cp hex>, TMX <ph>) or "" to drop them. `>` is always escaped, so "]]>" can never appear.

/** Markup for one code point XML 1.0 cannot represent; "" drops it. */
export type InvalidCharWriter = (codePoint: number) => string;

export const dropInvalid: InvalidCharWriter = () => "";

export function hex4(codePoint: number): string {
  return codePoint.toString(16).toUpperCase().padStart(4, "0");
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

const NEEDS_WORK = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes text for element content or a quoted attribute value. */
export function escapeXml(text: string, invalid: InvalidCharWriter = dropInvalid): string {
  if (!NEEDS_WORK.test(text)) return text;
  let out = "";
  // for…of walks code points, so a valid surrogate pair arrives as one astral character
  // and only a lone surrogate arrives as a single unit.
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case "&": out += "&amp;"; continue;
      case "<": out += "&lt;"; continue;
      case ">": out += "&gt;"; continue;
      case '"': out += "&quot;"; continue;
      case "'": out += "&apos;"; continue;
      // A literal CR would be normalised to LF by every XML parser.
      case "\r": out += "&#xD;"; continue;
    }
    out += isXmlChar(cp) ? ch : invalid(cp);
  }
  return out;
}

/** An attribute list, skipping undefined/null values: ` a="1" b="x"`. */
export function attrs(values: Record<string, string | number | null | undefined>): string {
  let out = "";
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    out += ` ${name}="${escapeXml(String(value))}"`;
  }
  return out;
}

/** BCP 47 for xml:lang and XLIFF srcLang/trgLang: "pt_BR" → "pt-BR". */
export function xmlLang(code: string): string {
  return code.replace(/_/g, "-");
}
