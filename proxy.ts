// Nothing in the app or its API is readable without a session: pages redirect to the
// login, API routes answer 401. The proxy checks the cookie's form and signature only;
// route handlers, pages and server actions check the session row (revocation, timeouts).
// Before that, every request that changes data (API calls, server actions, the login form)
// must come from the workbench's own origin: cross-site forgeries get a 403 here, before
// Next.js (which would answer a foreign server action with a 500) sees them.
// Every answer gets the security headers; pages a CSP with a fresh nonce (lib/auth/headers).
import { NextResponse, type NextRequest } from "next/server";
import { API_POLICY, commonHeaders, newNonce, pagePolicy } from "./lib/auth/headers";
import { foreignOriginProblem } from "./lib/auth/request-origin";
import { parseSessionToken, SESSION_COOKIE } from "./lib/auth/session";
import { maxRequestBytes, requestTooLarge } from "./lib/import/limits";

const PUBLIC = new Set(["/login", "/api/health"]);

function withHeaders(response: NextResponse, policy: string, https: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(commonHeaders(https))) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = (request.headers.get("x-forwarded-proto")?.split(",")[0].trim() ?? request.nextUrl.protocol.replace(/:$/, "")) === "https";
  const api = pathname.startsWith("/api/");
  const nonce = newNonce();
  const policy = api ? API_POLICY : pagePolicy(nonce, { https, dev: process.env.NODE_ENV === "development" });
  const foreign = foreignOriginProblem(request.method, request.headers, request.url);
  if (foreign) return withHeaders(NextResponse.json({ error: "forbidden", message: foreign }, { status: 403 }), policy, https);
  // BITEXT_MAX_BYTES, as the import route applies it: refuse a too-large body here, with the
  // route's message, rather than let it be cut short (next.config.js sets the proxy's limit).
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxRequestBytes()) return withHeaders(NextResponse.json({ error: "tooLarge", message: requestTooLarge(length).message, problems: [requestTooLarge(length)] }, { status: 413 }), policy, https);
  if (PUBLIC.has(pathname) || parseSessionToken(request.cookies.get(SESSION_COOKIE)?.value)) {
    // Next.js reads the nonce for its own scripts from the request's CSP header.
    const forwarded = new Headers(request.headers);
    forwarded.set("x-nonce", nonce);
    forwarded.set("Content-Security-Policy", policy);
    return withHeaders(NextResponse.next({ request: { headers: forwarded } }), policy, https);
  }
  if (api) {
    return withHeaders(NextResponse.json({ error: "unauthenticated", message: "Not logged in. Log in at /login first." }, { status: 401 }), policy, https);
  }
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
  return withHeaders(NextResponse.redirect(url), policy, https);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"] };
