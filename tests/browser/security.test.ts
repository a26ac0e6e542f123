// The probes of issue #15 ("Security of a shared workbench") against the real app: a
// production server, its database, Node's fetch for crafted requests and Chromium for what
// a browser does on an attacker's page on another port of the same host.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { createDb, type Db } from "../../lib/db/client";
import { createReviewer } from "../../lib/db/reviewers";
import { baseURL, importSeedPair, launchBrowser, loggedInContext, loginAs as loginAsForm } from "./browser";

let browser: Browser;
let db: Db;
let documentId: number;
/** The attacker's site: same host, another port. */
let evil: Server;
let evilURL: string;
let evilPages: Record<string, string> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  db = createDb(inject("databaseUrl"));
  documentId = await importSeedPair(db, "Security probes");
  evil = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(evilPages[req.url ?? "/"] ?? "<p>nothing here</p>");
  });
  await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", resolve));
  evilURL = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
  await new Promise((resolve) => evil?.close(resolve));
});

/** A session cookie value, from a real login through the form. */
async function loginCookie(which = 0) {
  const { context, page } = await loggedInContext(browser, which);
  const cookie = (await context.cookies()).find((c) => c.name === "bitext_session")!;
  return { context, page, cookie: cookie.value };
}

function request(path: string, cookie: string | null, init: RequestInit & { origin?: string | null } = {}) {
  const headers = new Headers(init.headers);
  if (cookie !== null) headers.set("cookie", `bitext_session=${cookie}`);
  const origin = init.origin === undefined ? baseURL() : init.origin;
  if (origin !== null && init.method && init.method !== "GET") headers.set("origin", origin);
  return fetch(`${baseURL()}${path}`, { ...init, headers, redirect: "manual" });
}

async function firstSentence() {
  return db.segment.findFirstOrThrow({ where: { documentId, side: "target", position: 0 } });
}

function importForm(title: string): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries({ title, sourceLang: "en", targetLang: "de", sourceText: "A probe. It is short.", targetText: "Eine Probe. Sie ist kurz.", acceptWarnings: "1" })) form.set(k, v);
  return form;
}

describe("who may read and write: every route with every kind of cookie", () => {
  it("answers only a live session; no cookie, garbage, forged, extra parts and logged-out copies get nothing", async () => {
    const { context, page, cookie } = await loginCookie();
    const [id, mac] = cookie.split(".");
    const flipped = `${id}.${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`;
    const sentence = await firstSentence();
    const routes: { path: string; init?: RequestInit }[] = [
      { path: "/api/documents" },
      { path: `/api/documents/${documentId}` },
      { path: `/api/documents/${documentId}/history` },
      { path: `/api/documents/${documentId}/export?format=json` },
      { path: `/api/documents/${documentId}/report?format=json` },
      { path: "/api/report?format=json" },
      { path: "/api/import/jobs/none" },
      { path: `/api/documents/${documentId}/operations`, init: { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ operation: { op: "confirm", linkId: 1 }, expectedVersion: 0 }) } },
      { path: `/api/documents/${documentId}/undo`, init: { method: "POST", headers: { "content-type": "application/json" }, body: "{}" } },
      { path: `/api/documents/${documentId}/redo`, init: { method: "POST", headers: { "content-type": "application/json" }, body: "{}" } },
      { path: `/api/documents/${documentId}/search?q=the` },
      { path: `/api/documents/${documentId}/bulk`, init: { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ operation: { op: "replaceAll", query: { text: "the", side: "target", caseSensitive: false, wholeWord: false, regex: false }, replacement: "x" }, expectedVersion: 0 }) } },
      { path: "/api/import", init: { method: "POST", body: importForm("cookie probe") } },
    ];
    const live = await request(`/api/documents/${documentId}`, cookie);
    expect(live.status).toBe(200);
    // Log out in the browser; the cookie value copied before keeps nothing open.
    await page.goto("/");
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    const documentsBefore = await db.document.count();
    for (const [kind, value] of Object.entries({ none: null, garbage: "garbage", extraPart: `${cookie}.x`, forged: flipped, loggedOut: cookie })) {
      for (const route of routes) {
        const res = await request(route.path, value, route.init);
        expect(res.status, `${kind} ${route.init?.method ?? "GET"} ${route.path}`).toBe(401);
      }
      const home = await request("/", value);
      expect([307, 308, 303, 302], `${kind} GET /`).toContain(home.status);
      expect(new URL(home.headers.get("location")!, baseURL()).pathname).toBe("/login");
    }
    expect(await db.document.count()).toBe(documentsBefore);
    expect((await firstSentence()).text).toBe(sentence.text);
    await context.close();
  });
});

describe("cross-site request forgery from another port of the same host", () => {
  it("a page there can neither import a document, nor edit a sentence, nor add an annotation", async () => {
    const { context, page } = await loggedInContext(browser);
    const sentence = await firstSentence();
    const api = `${baseURL()}/api/documents/${documentId}/operations`;
    const edit = JSON.stringify({ operation: { op: "editText", segmentId: sentence.id, text: "Pwned by a form." }, expectedVersion: sentence.version, x: "" });
    const [name, value] = [edit.slice(0, -2), `"}`]; // text/plain sends name=value: the "=" lands inside the x string
    const annotate = JSON.stringify({ operation: { op: "addAnnotation", segmentId: sentence.id, start: 0, end: 3, category: "Other", severity: "minor", comment: "no-cors" }, expectedVersion: sentence.version });
    evilPages = {
      "/import": `<form id="f" method="POST" enctype="multipart/form-data" action="${baseURL()}/api/import">
        <input name="title" value="CSRF import"><input name="sourceLang" value="en"><input name="targetLang" value="de"><input name="acceptWarnings" value="1">
        <textarea name="sourceText">Forged text. Two sentences.</textarea><textarea name="targetText">Gefälschter Text. Zwei Sätze.</textarea></form>
        <script>document.getElementById("f").submit()</script>`,
      "/edit": `<form id="f" method="POST" enctype="text/plain" action="${api}"><input name='${name.replace(/'/g, "&#39;")}' value='${value}'></form>
        <script>document.getElementById("f").submit()</script>`,
      "/annotate": `<script>fetch(${JSON.stringify(api)}, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: ${JSON.stringify(annotate)} })
        .then(() => { document.title = "sent"; }, () => { document.title = "sent"; })</script>`,
    };
    const documents = await db.document.count();
    const annotations = await db.annotation.count({ where: { documentId } });
    for (const path of ["/import", "/edit"]) {
      const answer = page.waitForResponse((r) => r.url().startsWith(baseURL()) && r.request().method() === "POST");
      await page.goto(`${evilURL}${path}`);
      const res = await answer;
      expect(res.status(), path).toBe(403);
    }
    await page.goto(`${evilURL}/annotate`);
    await expect.poll(() => page.title()).toBe("sent");
    expect(await db.document.count()).toBe(documents);
    expect((await firstSentence()).text).toBe(sentence.text);
    expect(await db.annotation.count({ where: { documentId } })).toBe(annotations);

    // The same annotation from the workbench's own page, as JSON, is fine: it was the origin that was refused.
    await page.goto("/");
    const own = await page.evaluate(async ([url, body]) => (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body })).status, [api, annotate]);
    expect(own).toBe(200);
    expect(await db.annotation.count({ where: { documentId } })).toBe(annotations + 1);
    await context.close();
  });

  it("refuses the right origin with the wrong content type (415), and a server action from a foreign origin with 403", async () => {
    const { context, cookie } = await loginCookie();
    const sentence = await firstSentence();
    const body = JSON.stringify({ operation: { op: "editText", segmentId: sentence.id, text: "Plain text body." }, expectedVersion: sentence.version });
    const plain = await request(`/api/documents/${documentId}/operations`, cookie, { method: "POST", headers: { "content-type": "text/plain" }, body });
    expect(plain.status).toBe(415);
    expect((await plain.json()).message).toMatch(/must be sent as application\/json, not text\/plain/);
    const urlencoded = await request("/api/import", cookie, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "title=x&sourceLang=en&targetLang=de&sourceText=A.&targetText=B." });
    expect(urlencoded.status).toBe(415);
    const noOrigin = await request(`/api/documents/${documentId}/undo`, cookie, { method: "POST", origin: null, headers: { "content-type": "application/json" }, body: "{}" });
    expect(noOrigin.status).toBe(403);
    for (const path of ["/", "/login"]) {
      const action = await request(path, cookie, { method: "POST", origin: evilURL, headers: { "next-action": "0123456789abcdef0123456789abcdef01234567", "content-type": "text/plain;charset=UTF-8" }, body: "[]" });
      expect(action.status, path).toBe(403);
      expect((await action.json()).message).toMatch(/must come from the workbench's own pages/);
    }
    expect((await firstSentence()).text).toBe(sentence.text);
    await context.close();
  });
});

describe("the page after login", () => {
  it("stays on the workbench whatever `next` says", async () => {
    const reviewer = inject("reviewers")[1];
    for (const next of ["/%5Cevil.example", "//evil.example", "/%09/evil.example", "https://evil.example/", "/%5C%5Cevil.example"]) {
      const context = await browser.newContext({ baseURL: baseURL() });
      const page = await context.newPage();
      await page.goto(`/login?next=${next}`);
      await page.getByLabel("Login").fill(reviewer.login);
      await page.getByLabel("Password").fill(reviewer.password);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.waitForURL((url) => url.pathname === "/" || !url.href.startsWith(baseURL()));
      expect(new URL(page.url()).origin, next).toBe(new URL(baseURL()).origin);
      await context.close();
    }
  });
});

describe("guessing passwords", () => {
  it("after five wrong passwords even the right one has to wait, and the login page says so", async () => {
    await createReviewer(db, { login: "guessed", displayName: "Guessed Account", password: "the right password" });
    const context = await browser.newContext({ baseURL: baseURL(), locale: "en-GB" });
    const page = await context.newPage();
    await page.goto("/login");
    const button = page.getByRole("button", { name: "Log in" });
    const attempt = async (password: string) => {
      await expect.poll(() => button.isEnabled()).toBe(true);
      await page.getByLabel("Login").fill("guessed");
      await page.getByLabel("Password").fill(password);
      const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login", { timeout: 60_000 });
      await button.click();
      await answered;
      await expect.poll(() => page.locator("#login-error").count()).toBe(1);
    };
    for (let i = 0; i < 5; i++) {
      await attempt(`wrong guess ${i}`);
      await expect.poll(() => page.locator("#login-error").textContent()).toMatch(/Login or password is wrong/);
    }
    await attempt("the right password");
    await expect.poll(() => page.locator("#login-error").textContent()).toMatch(/Too many failed logins for this account or from this address\. Wait \d+ seconds?/);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect((await context.cookies()).some((c) => c.name === "bitext_session")).toBe(false);
    await context.close();
  });
});

describe("text hygiene over HTTP", () => {
  it("answers 400 with a message for NUL and lone surrogates, stores nothing, and shows titles with bidi controls neutralised", async () => {
    const { context, page, cookie } = await loginCookie();
    const sentence = await firstSentence();
    const api = `/api/documents/${documentId}/operations`;
    const send = (body: string) => request(api, cookie, { method: "POST", headers: { "content-type": "application/json" }, body });
    const nul = await send(JSON.stringify({ operation: { op: "editText", segmentId: sentence.id, text: `${sentence.text}\u0000 hidden tail` }, expectedVersion: sentence.version }));
    expect(nul.status).toBe(400);
    expect((await nul.json()).message).toMatch(/operation\.text: The sentence contains the control character U\+0000 \(NUL\)/);
    const lone = await send(`{"operation":{"op":"editText","segmentId":${sentence.id},"text":"broken \\ud800 text"},"expectedVersion":${sentence.version}}`);
    expect(lone.status).toBe(400);
    expect((await lone.json()).message).toMatch(/lone UTF-16 surrogate/);
    expect((await firstSentence()).text).toBe(sentence.text);

    const spoof = await importSeedPair(db, "Invoice \u202Efdp.exe \u001B[31m");
    await page.goto("/");
    const row = page.getByTestId("document-row").filter({ hasText: "Invoice" });
    await expect.poll(() => row.textContent()).toContain("Invoice <U+202E>fdp.exe <U+001B>[31m");
    await page.goto(`/documents/${spoof}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Invoice <U+202E>fdp.exe <U+001B>[31m");
    const report = await request(`/api/documents/${spoof}/report?format=html`, cookie);
    expect(await report.text()).not.toMatch(/[\u202E\u001B]/);
    await context.close();
  });
});

describe("response headers", () => {
  it("pages carry a nonce CSP without inline scripts, nosniff and no framing, and still work in Chromium", async () => {
    const { context, page } = await loggedInContext(browser);
    const violations: string[] = [];
    page.on("console", (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
    const seen = new Set<string>();
    for (const path of ["/", `/documents/${documentId}`, `/documents/${documentId}/report`, "/import", "/report"]) {
      const res = await page.goto(path);
      const csp = res!.headers()["content-security-policy"];
      const script = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"))!;
      expect(script).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'$/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      seen.add(script);
      expect(res!.headers()["x-content-type-options"]).toBe("nosniff");
      expect(res!.headers()["x-frame-options"]).toBe("DENY");
    }
    expect(seen.size).toBe(5); // a fresh nonce per response
    // Hydrated: the review page answers to a click (its scripts ran under the policy).
    await page.goto(`/documents/${documentId}`);
    await expect.poll(() => page.getByTestId("link-row").count()).toBeGreaterThan(0);
    await page.getByTestId("link-row").nth(2).click();
    await expect.poll(() => page.getByTestId("link-row").nth(2).getAttribute("aria-current")).toBe("true");
    expect(violations).toEqual([]);
    const api = await page.request.get(`/api/documents/${documentId}`);
    expect(api.headers()["content-security-policy"]).toContain("sandbox");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
    const asset = await page.request.get((await page.locator("script[src^='/_next/static']").first().getAttribute("src"))!);
    expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
    await context.close();
  });

  it("the downloadable HTML report forbids scripts in the file itself", async () => {
    const { context, cookie } = await loginCookie();
    const res = await request(`/api/documents/${documentId}/report?format=html`, cookie);
    const html = await res.text();
    // React writes the quotes inside the attribute as &#x27;, which the browser reads as '.
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src (?:'|&#x27;)none(?:'|&#x27;)/);
    // Opened from disk, an injected script does not run.
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (m) => violations.push(m.text()));
    await page.setContent(html.replace("</body>", `<script>document.title = "script ran"</script></body>`));
    expect(await page.title()).not.toBe("script ran");
    await context.close();
  });

  it("sets the session cookie Secure when a proxy says the request came over HTTPS", async () => {
    const reviewer = inject("reviewers")[1];
    const context = await browser.newContext({ baseURL: baseURL() });
    const page = await context.newPage();
    await page.goto("/login");
    // The browser's own login request (server action id, form body), replayed as a TLS-terminating proxy would pass it on.
    let captured: { headers: Record<string, string>; body: Buffer | null } | undefined;
    await page.route("**/login", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      captured = { headers: route.request().headers(), body: route.request().postDataBuffer() };
      await route.abort();
    });
    await page.getByLabel("Login").fill(reviewer.login);
    await page.getByLabel("Password").fill(reviewer.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect.poll(() => captured !== undefined).toBe(true);
    const headers = new Headers(captured!.headers);
    headers.delete("content-length");
    headers.set("origin", baseURL().replace(/^http:/, "https:"));
    headers.set("x-forwarded-proto", "https");
    const res = await fetch(`${baseURL()}/login`, { method: "POST", headers, body: captured!.body ? new Uint8Array(captured!.body) : undefined, redirect: "manual" });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("bitext_session="));
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=/);
    // Over plain HTTP the same login gets a cookie without Secure (the browser would drop a Secure one).
    headers.set("origin", baseURL());
    headers.delete("x-forwarded-proto");
    const plain = await fetch(`${baseURL()}/login`, { method: "POST", headers, body: captured!.body ? new Uint8Array(captured!.body) : undefined, redirect: "manual" });
    expect(plain.headers.getSetCookie().find((c) => c.startsWith("bitext_session="))).not.toMatch(/Secure/i);
    await context.close();
  });
});

describe("roles", () => {
  const loginAs = (login: string, password: string) => loginAsForm(browser, login, password);

  it("every route answers each role as its permissions say", async () => {
    await createReviewer(db, { login: "vicky", displayName: "Vicky Viewer", password: "viewer password", role: "viewer" });
    await createReviewer(db, { login: "ada", displayName: "Ada Admin", password: "admin password", role: "admin" });
    const sessions = {
      viewer: await loginAs("vicky", "viewer password"),
      reviewer: await loginCookie(),
      admin: await loginAs("ada", "admin password"),
    };
    const target = await importSeedPair(db, "Role probes");
    const reads = [`/api/documents`, `/api/documents/${target}`, `/api/documents/${target}/history`, `/api/documents/${target}/export?format=json`, `/api/documents/${target}/report?format=json`, "/api/report?format=json", `/api/documents/${target}/search?q=KI`];
    const json = { "content-type": "application/json" };
    const expected: Record<string, Record<keyof typeof sessions, number>> = {
      confirm: { viewer: 403, reviewer: 200, admin: 200 },
      undo: { viewer: 403, reviewer: 200, admin: 200 },
      bulk: { viewer: 403, reviewer: 200, admin: 200 },
      import: { viewer: 403, reviewer: 202, admin: 202 },
      delete: { viewer: 403, reviewer: 403, admin: 200 },
      restore: { viewer: 403, reviewer: 403, admin: 200 },
    };
    for (const [role, { cookie }] of Object.entries(sessions) as [keyof typeof sessions, { cookie: string }][]) {
      for (const path of reads) expect((await request(path, cookie)).status, `${role} GET ${path}`).toBe(200);
      const link = await db.link.findFirstOrThrow({ where: { documentId: target, position: 0 } });
      const status = {
        confirm: (await request(`/api/documents/${target}/operations`, cookie, { method: "POST", headers: json, body: JSON.stringify({ operation: { op: link.status === "confirmed" ? "unconfirm" : "confirm", linkId: link.id }, expectedVersion: link.version }) })).status,
        undo: (await request(`/api/documents/${target}/undo`, cookie, { method: "POST", headers: json, body: "{}" })).status,
        bulk: (await request(`/api/documents/${target}/bulk`, cookie, { method: "POST", headers: json, body: JSON.stringify({ operation: { op: "dismissDetector", detector: "inconsistent-term" }, expectedVersion: (await db.document.findUniqueOrThrow({ where: { id: target } })).version }) })).status,
        import: (await request("/api/import", cookie, { method: "POST", body: importForm(`import by ${role}`) })).status,
        delete: (await request(`/api/documents/${target}`, cookie, { method: "DELETE" })).status,
        restore: (await request(`/api/documents/${target}/restore`, cookie, { method: "POST", headers: json, body: "{}" })).status,
      };
      expect(status, role).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v[role]])));
    }
    const refused = await request(`/api/documents/${target}/operations`, sessions.viewer.cookie, { method: "POST", headers: json, body: JSON.stringify({ operation: { op: "confirm", linkId: 1 }, expectedVersion: 0 }) });
    expect((await refused.json()).message).toBe("Your account is a viewer, which may not change documents. Ask an admin to change your role if you need to.");

    // The viewer's pages say what it cannot do and offer no import.
    const { page: viewerPage } = sessions.viewer;
    await viewerPage.goto(`/documents/${target}`);
    await expect.poll(() => viewerPage.getByTestId("read-only").textContent()).toMatch(/Read-only: your account is a viewer/);
    expect(await viewerPage.getByRole("link", { name: "Import" }).count()).toBe(0);
    await viewerPage.goto("/import");
    await expect.poll(() => viewerPage.getByTestId("import-forbidden").textContent()).toMatch(/may not import documents/);
    expect(await viewerPage.getByTestId("source-text").count()).toBe(0);
    for (const s of Object.values(sessions)) await s.context.close();
  });

  it("an admin deletes a document from the list and restores it; others see no such buttons", async () => {
    const target = await importSeedPair(db, "Deleted and restored");
    const reviewerSession = await loginCookie();
    await reviewerSession.page.goto("/");
    expect(await reviewerSession.page.getByRole("button", { name: /^Delete/ }).count()).toBe(0);
    await reviewerSession.context.close();

    const { context, page } = await loginAs("ada", "admin password");
    await page.goto("/");
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Delete “Deleted and restored”" }).click();
    await expect.poll(() => page.getByTestId("deleted-row").filter({ hasText: "Deleted and restored" }).count()).toBe(1);
    expect(await page.getByTestId("document-row").filter({ hasText: "Deleted and restored" }).count()).toBe(0);
    expect((await db.document.findUniqueOrThrow({ where: { id: target } })).deletedAt).not.toBeNull();
    await page.getByRole("button", { name: "Restore “Deleted and restored”" }).click();
    await expect.poll(() => page.getByTestId("document-row").filter({ hasText: "Deleted and restored" }).count()).toBe(1);
    expect((await db.document.findUniqueOrThrow({ where: { id: target } })).deletedAt).toBeNull();
    await context.close();
  });
});

describe("accounts", () => {
  it("only admins manage accounts: roles and disabling from the accounts page, which ends the account's sessions", async () => {
    const reviewerSession = await loginCookie();
    expect((await request("/api/accounts", reviewerSession.cookie)).status).toBe(403);
    const patch = (cookie: string, login: string, body: unknown) => request(`/api/accounts/${login}`, cookie, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await patch(reviewerSession.cookie, "vicky", { role: "admin" })).status).toBe(403);
    await reviewerSession.page.goto("/accounts");
    await expect.poll(() => reviewerSession.page.getByRole("alert").filter({ hasText: "Only admins manage accounts." }).count()).toBe(1);
    await reviewerSession.context.close();

    const { context: vicky, cookie: vickyCookie } = await loginAsForm(browser, "vicky", "viewer password");
    const { context: admin, page } = await loginAsForm(browser, "ada", "admin password");
    await page.getByRole("link", { name: "Accounts" }).click();
    await page.waitForURL((url) => url.pathname === "/accounts");
    await page.getByLabel("Role of vicky").selectOption("reviewer");
    await expect.poll(async () => (await db.reviewer.findUniqueOrThrow({ where: { login: "vicky" } })).role).toBe("reviewer");
    const row = page.getByTestId("account-row").filter({ hasText: "vicky" });
    await row.getByRole("button", { name: "Disable" }).click();
    await expect.poll(() => row.textContent()).toContain("disabled");
    expect((await request("/api/documents", vickyCookie)).status).toBe(401);
    await row.getByRole("button", { name: "Enable" }).click();
    await expect.poll(() => row.textContent()).toContain("active");
    // An admin cannot lock the installation out by demoting or disabling themselves.
    const adminCookie = (await admin.cookies()).find((c) => c.name === "bitext_session")!.value;
    const self = await patch(adminCookie, "ada", { role: "viewer" });
    expect(self.status).toBe(400);
    expect((await self.json()).message).toMatch(/cannot take away your own admin role/);
    expect((await patch(adminCookie, "nobody-here", { disabled: true })).status).toBe(404);
    await vicky.close();
    await admin.close();
  });
});

describe("cross-document undo over HTTP", () => {
  it("a copy made from the JSON export has nothing to undo, and the original is untouched", async () => {
    const { context, page, cookie } = await loginCookie();
    const original = await importSeedPair(db, "Undo probe original");
    const sentence = await db.segment.findFirstOrThrow({ where: { documentId: original, side: "source", position: 1 } });
    const json = { "content-type": "application/json" };
    const added = await request(`/api/documents/${original}/operations`, cookie, { method: "POST", headers: json, body: JSON.stringify({ operation: { op: "addAnnotation", segmentId: sentence.id, start: 0, end: 4, category: "Other", severity: "minor", comment: "original" }, expectedVersion: sentence.version }) });
    expect(added.status).toBe(200);
    const exported = await (await request(`/api/documents/${original}/export?format=json`, cookie)).text();
    const { createDocument } = await import("../../lib/db/documents");
    const { parseDocumentJson } = await import("../../lib/formats/json");
    const copy = await createDocument(db, parseDocumentJson(exported));
    const undo = await request(`/api/documents/${copy}/undo`, cookie, { method: "POST", headers: json, body: "{}" });
    expect(undo.status).toBe(400);
    expect((await undo.json()).error).toBe("nothingToUndo");
    expect(await db.annotation.count({ where: { documentId: original } })).toBe(1);
    expect(await db.revision.count({ where: { documentId: original, operation: "undo" } })).toBe(0);
    await page.close();
    await context.close();
  });
});
