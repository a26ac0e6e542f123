// Turning uploaded bytes into text the segmenter can trust: valid UTF-8, no BOM, "\n"
// line ends. Everything that cannot be repaired silently is reported, with the fix.
import type { ImportProblem } from "./errors";
import { maxImportBytes, megabytes, tooLargeMessage } from "./limits";

export { DEFAULT_MAX_BYTES, maxImportBytes } from "./limits";

export interface DecodeResult {
  text: string;
  problem?: ImportProblem;
  /** Control characters taken out of the text (not tab, newline or form feed), to tell the user about. */
  removedControls?: { count: number; example: string };
}

/** Line ends and BOM are normalised without asking: they never carry meaning here. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** Control characters other than tab, newline, carriage return and form feed. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F]/g;

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  let control = 0;
  for (const b of sample) if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  return sample.length > 0 && control / sample.length > 0.1;
}

export function decodeSide(bytes: Uint8Array, side: "source" | "target", label: string, maxBytes = maxImportBytes()): DecodeResult {
  if (bytes.byteLength > maxBytes) {
    return { text: "", problem: { code: "tooLarge", side, params: { label, size: megabytes(bytes.byteLength), limit: megabytes(maxBytes) },
      message: tooLargeMessage(label, bytes.byteLength, maxBytes) } };
  }
  // UTF-16 (what Windows Notepad and Word call "Unicode") has NUL in every other byte of
  // Latin text: read it by its byte-order mark before the binary check would refuse it.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
  if (utf16) {
    try {
      return checkText(new TextDecoder(utf16, { fatal: true }).decode(bytes), side, label, maxBytes);
    } catch {
      return { text: "", problem: { code: "invalidUtf8", side, params: { label },
        message: `${label} starts like UTF-16 text but is not valid UTF-16. Save it as UTF-8 and import it again.` } };
    }
  }
  if (looksBinary(bytes)) {
    return { text: "", problem: { code: "binary", side, params: { label },
      message: `${label} looks like a binary file, not text. Export it as plain text (UTF-8) and import that.` } };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { text: "", problem: { code: "invalidUtf8", side, params: { label },
      message: `${label} is not valid UTF-8 text. Save it as UTF-8 (for example with "iconv -f latin1 -t utf-8") and import it again.` } };
  }
  return checkText(text, side, label);
}

/** For text that arrives as a string (pasted into the form). */
export function checkText(raw: string, side: "source" | "target", label: string, maxBytes = maxImportBytes()): DecodeResult {
  const size = Buffer.byteLength(raw, "utf8");
  if (size > maxBytes) {
    return { text: "", problem: { code: "tooLarge", side, params: { label, size: megabytes(size), limit: megabytes(maxBytes) },
      message: tooLargeMessage(label, size, maxBytes) } };
  }
  const normalised = normaliseText(raw);
  const controls = normalised.match(CONTROL) ?? [];
  const text = controls.length ? normalised.replace(CONTROL, "") : normalised;
  if (text.trim() === "") {
    return { text: "", problem: { code: "empty", side, params: { label },
      message: `${label} is empty. Paste or upload the ${side === "source" ? "source" : "translated"} text.` } };
  }
  const removedControls = controls.length ? { count: controls.length, example: `U+${controls[0]!.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` } : undefined;
  return { text, ...(removedControls ? { removedControls } : {}) };
}
