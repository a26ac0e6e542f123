// One error shape across the API: every refusal, from the proxy and from each kind of route, answers
// `{ error: <code>, message: <text> }` (details beside them), which app/_components/api-error.ts reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { baseURL, launchBrowser, loggedInContext } from "./browser";

describe("API errors", () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context } = await loggedInContext(browser));
  });
  afterAll(async () => { await browser?.close(); });

  it("have one shape: a code in `error` and a message in `message`", async () => {
    const origin = { origin: baseURL() };
    const json = { ...origin, "content-type": "application/json" };
    const anonymous = await browser.newContext({ baseURL: baseURL() });
    const api = context.request;
    const cases: [string, () => Promise<{ status(): number; json(): Promise<unknown> }>, number][] = [
      ["not logged in (proxy)", () => anonymous.request.get("/api/documents"), 401],
      ["foreign origin (proxy)", () => api.post("/api/documents/1/undo", { headers: { origin: "https://elsewhere.example", "content-type": "application/json" }, data: {} }), 403],
      ["no such document", () => api.get("/api/documents/999999/export?format=tmx"), 404],
      ["bad export query", () => api.get("/api/documents/1/export?format=doc"), 400],
      ["bad report query", () => api.get("/api/report?format=pdf"), 400],
      ["bad document report query", () => api.get("/api/documents/1/report?format=pdf"), 400],
      ["no such import job", () => api.get("/api/import/jobs/no-such-job"), 404],
      ["retry of an unknown job", () => api.post("/api/import/jobs/no-such-job/retry", { headers: origin }), 404],
      ["import not multipart", () => api.post("/api/import", { headers: json, data: {} }), 415],
      ["import with an empty side", () => api.post("/api/import", { headers: origin, multipart: { sourceLang: "en", targetLang: "de", sourceText: "Some English text.", targetText: " " } }), 400],
      ["import with warnings", () => api.post("/api/import", { headers: origin, multipart: { sourceLang: "en", targetLang: "de", sourceText: "The same text on both sides.", targetText: "The same text on both sides." } }), 409],
      ["undo without JSON", () => api.post("/api/documents/1/undo", { headers: { ...origin, "content-type": "text/plain" }, data: "x" }), 415],
    ];
    for (const [what, send, status] of cases) {
      const res = await send();
      const body = (await res.json()) as Record<string, unknown>;
      expect([what, res.status()]).toEqual([what, status]);
      expect([what, typeof body.error, typeof body.message]).toEqual([what, "string", "string"]);
      expect(body.error as string, what).toMatch(/^[a-z][A-Za-z]+$/);
      expect((body.message as string).length, what).toBeGreaterThan(10);
    }
    await anonymous.close();
  });
});
