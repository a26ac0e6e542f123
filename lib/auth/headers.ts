// Response headers that limit what a page can do if something slips through: a Content
// Security Policy that runs only scripts carrying this response's nonce (Next.js gives its
// own hydration scripts the nonce it finds in the request's CSP header), no framing, no
// MIME sniffing. Styles may stay inline: React and the charts set style attributes, and a
// style cannot run code.

/** The page policy for one response. `dev` allows eval, which Next's development server needs. */
export function pagePolicy(nonce: string, options: { https: boolean; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** API answers (JSON, downloads) are data: nothing in them may run or be framed. */
export const API_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; sandbox";

/** For a report saved to disk and opened from there: its own styles and inline SVG charts, no script at all. */
export const REPORT_FILE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; form-action 'none'; base-uri 'none'";

/** Headers every response gets. */
export function commonHeaders(https: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}
