// Cross-site request forgery: a page on another origin — even another port of the same
// host, which counts as the "same site" for SameSite cookies — can make the browser send a
// form or a no-cors fetch with the reviewer's cookie. Every request that changes data must
// therefore come from the workbench's own origin, as the browser states it in Origin.

export interface HeaderReader { get(name: string): string | null }

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const first = (value: string | null | undefined) => value?.split(",")[0].trim() || undefined;

/**
 * The origins the workbench is served at: BITEXT_ORIGIN (comma-separated, for a reverse
 * proxy whose public address the app cannot see), else the address the request was made to
 * (X-Forwarded-Host / X-Forwarded-Proto from a proxy, else Host and the request's scheme).
 */
export function appOrigins(headers: HeaderReader, requestUrl: string, env: Record<string, string | undefined> = process.env): Set<string> {
  const configured = new Set<string>();
  for (const value of (env.BITEXT_ORIGIN ?? "").split(",")) {
    if (!value.trim()) continue;
    try { configured.add(new URL(value.trim()).origin); } catch { /* a typo must not open the door: ignored */ }
  }
  if (configured.size) return configured;
  const url = new URL(requestUrl);
  const origins = new Set<string>();
  const host = first(headers.get("x-forwarded-host")) ?? first(headers.get("host"));
  const proto = (first(headers.get("x-forwarded-proto")) ?? url.protocol.replace(/:$/, "")).toLowerCase();
  if (host) {
    try { origins.add(new URL(`${proto}://${host}`).origin); } catch { /* malformed Host: only the request URL counts */ }
  }
  origins.add(url.origin);
  return origins;
}

/** Null when the request may go on; else why it is refused (403). Safe methods always pass. */
export function foreignOriginProblem(method: string, headers: HeaderReader, requestUrl: string, env: Record<string, string | undefined> = process.env): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const origin = headers.get("origin");
  const allowed = appOrigins(headers, requestUrl, env);
  const home = [...allowed][0];
  if (origin === null) {
    // Browsers send Origin with every POST; an old one may only send Sec-Fetch-Site.
    if (headers.get("sec-fetch-site") === "same-origin") return null;
    return `This request changes data but says nothing about where it comes from (no Origin header), so it was refused. Use the workbench's pages at ${home}, or send "Origin: ${home}".`;
  }
  if (allowed.has(origin)) return null;
  return `Requests that change data must come from the workbench's own pages at ${home}; this one came from ${origin === "null" ? "an opaque origin" : origin} and was refused.`;
}

/** The media type of a Content-Type header, lower-case, without parameters ("" when absent). */
export function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

/**
 * Where the login page may send the browser afterwards: a path of this app only. The
 * value is resolved against the app's origin like a browser would ("/\\evil.example" and
 * "//evil.example" are other hosts), and anything that leaves the origin becomes "/".
 */
export function safeNext(next: string | undefined | null): string {
  if (!next || !next.startsWith("/")) return "/";
  const base = "http://workbench.invalid";
  let url: URL;
  try { url = new URL(next, base); } catch { return "/"; }
  if (url.origin !== base) return "/";
  return `${url.pathname}${url.search}${url.hash}` || "/";
}
