// Nothing in the app or its API is readable without a session: pages redirect to the
// login, API routes answer 401. The proxy checks the cookie's form and signature only;
// route handlers, pages and server actions check the session row (revocation, timeouts).
// Before that, every request that changes data (API calls, server actions, the login form)
// must come from the workbench's own origin: cross-site forgeries get a 403 here, before
// Next.js (which would answer a foreign server action with a 500) sees them.
import { NextResponse, type NextRequest } from "next/server";
import { foreignOriginProblem } from "./lib/auth/request-origin";
import { parseSessionToken, SESSION_COOKIE } from "./lib/auth/session";

const PUBLIC = new Set(["/login", "/api/health"]);

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const foreign = foreignOriginProblem(request.method, request.headers, request.url);
  if (foreign) return NextResponse.json({ error: "forbidden", message: foreign }, { status: 403 });
  if (PUBLIC.has(pathname)) return NextResponse.next();
  if (parseSessionToken(request.cookies.get(SESSION_COOKIE)?.value)) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "Not logged in. Log in at /login first." }, { status: 401 });
  }
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"] };
