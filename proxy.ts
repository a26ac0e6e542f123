// Nothing in the app or its API is readable without a session: pages redirect to the
// login, API routes answer 401. Route handlers and server actions check again.
import { NextResponse, type NextRequest } from "next/server";
import { readSessionToken, SESSION_COOKIE } from "./lib/auth/session";
import { maxRequestBytes, requestTooLarge } from "./lib/import/limits";

const PUBLIC = new Set(["/login", "/api/health"]);

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // BITEXT_MAX_BYTES, as the import route applies it: refuse a too-large body here, with the
  // route's message, rather than let it be cut short (next.config.ts sets the proxy's limit).
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxRequestBytes()) return NextResponse.json({ problems: [requestTooLarge(length)] }, { status: 413 });
  if (PUBLIC.has(pathname)) return NextResponse.next();
  if (readSessionToken(request.cookies.get(SESSION_COOKIE)?.value)) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "Not logged in. Log in at /login first." }, { status: 401 });
  }
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"] };
