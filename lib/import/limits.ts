// The one size limit of an import, from BITEXT_MAX_BYTES: per side for the texts, and the
// request body that carries both sides. The proxy (next.config.js, proxy.ts), the import
// route and the CLI all read it from here (next.config.js mirrors maxRequestBytes; a test keeps them equal).

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Multipart framing and the form's small fields, on top of the two sides. */
export const FORM_OVERHEAD_BYTES = 1024 * 1024;

/** The per-side size limit: BITEXT_MAX_BYTES (bytes) or 5 MB. */
export function maxImportBytes(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.BITEXT_MAX_BYTES);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : DEFAULT_MAX_BYTES;
}

/** The largest import request body: two sides at the limit and the form around them. */
export function maxRequestBytes(env: NodeJS.ProcessEnv = process.env): number {
  return 2 * maxImportBytes(env) + FORM_OVERHEAD_BYTES;
}

export function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "");
}

export function tooLargeMessage(label: string, bytes: number, limit: number, per = " a side"): string {
  return `${label} is ${megabytes(bytes)} MB, over the limit of ${megabytes(limit)} MB${per}. Split the text, or raise the limit with BITEXT_MAX_BYTES.`;
}

/** The problem (as lib/import reports problems) for a request body over maxRequestBytes. */
export function requestTooLarge(bytes: number, env: NodeJS.ProcessEnv = process.env) {
  const limit = maxRequestBytes(env);
  return {
    code: "tooLarge" as const, params: { label: "The upload", size: megabytes(bytes), limit: megabytes(maxImportBytes(env)) },
    message: `The upload is ${megabytes(bytes)} MB, over the limit of ${megabytes(limit)} MB for a request (${megabytes(maxImportBytes(env))} MB a side). Split the text, or raise the limit with BITEXT_MAX_BYTES.`,
  };
}
