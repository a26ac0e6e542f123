// Which requests may change data (same origin only) and where a login may redirect to.
import { describe, expect, it } from "vitest";
import { appOrigins, foreignOriginProblem, mediaType, safeNext } from "../../../lib/auth/request-origin";

const headers = (h: Record<string, string>) => new Headers(h);
const APP = "http://127.0.0.1:3000/api/import";

describe("same-origin requests only", () => {
  it("lets safe methods through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(foreignOriginProblem(method, headers({ origin: "http://evil.example" }), APP, {})).toBeNull();
  });

  it("accepts a POST from the app's own origin, as the Host header and the request URL name it", () => {
    expect(foreignOriginProblem("POST", headers({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }), APP, {})).toBeNull();
    expect(foreignOriginProblem("POST", headers({ host: "workbench.lan:3000", origin: "http://workbench.lan:3000" }), APP, {})).toBeNull();
  });

  it("refuses another port of the same host, another scheme, another host, an opaque origin and a missing one", () => {
    const h = { host: "127.0.0.1:3000" };
    expect(foreignOriginProblem("POST", headers({ ...h, origin: "http://127.0.0.1:4000" }), APP, {})).toMatch(/came from http:\/\/127\.0\.0\.1:4000 and was refused/);
    expect(foreignOriginProblem("POST", headers({ ...h, origin: "https://127.0.0.1:3000" }), APP, {})).not.toBeNull();
    expect(foreignOriginProblem("PUT", headers({ ...h, origin: "http://evil.example" }), APP, {})).not.toBeNull();
    expect(foreignOriginProblem("DELETE", headers({ ...h, origin: "null" }), APP, {})).toMatch(/opaque origin/);
    expect(foreignOriginProblem("POST", headers(h), APP, {})).toMatch(/no Origin header/);
    expect(foreignOriginProblem("POST", headers({ ...h, "sec-fetch-site": "same-site" }), APP, {})).not.toBeNull();
    expect(foreignOriginProblem("POST", headers({ ...h, "sec-fetch-site": "same-origin" }), APP, {})).toBeNull();
  });

  it("behind a reverse proxy uses X-Forwarded-Host/Proto, or BITEXT_ORIGIN when set", () => {
    const proxied = headers({ host: "127.0.0.1:3000", "x-forwarded-host": "bitext.example.org", "x-forwarded-proto": "https" });
    expect([...appOrigins(proxied, APP, {})]).toEqual(["https://bitext.example.org", "http://127.0.0.1:3000"]);
    expect(foreignOriginProblem("POST", new Headers([...proxied, ["origin", "https://bitext.example.org"]]), APP, {})).toBeNull();
    const env = { BITEXT_ORIGIN: "https://review.example.org, not a url" };
    expect([...appOrigins(proxied, APP, env)]).toEqual(["https://review.example.org"]);
    expect(foreignOriginProblem("POST", headers({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }), APP, env)).not.toBeNull();
  });

  it("reads the media type of a Content-Type header", () => {
    expect(mediaType("Application/JSON; charset=utf-8")).toBe("application/json");
    expect(mediaType("multipart/form-data; boundary=x")).toBe("multipart/form-data");
    expect(mediaType(null)).toBe("");
  });
});

describe("the page after login", () => {
  it("keeps paths of this app, with their query and fragment", () => {
    expect(safeNext("/documents/3?link=4#l4")).toBe("/documents/3?link=4#l4");
    expect(safeNext("/report")).toBe("/report");
    expect(safeNext(undefined)).toBe("/");
    expect(safeNext("")).toBe("/");
  });

  it("sends every way out of the origin to the start page", () => {
    for (const payload of [
      "/\\evil.example", "\\\\evil.example", "//evil.example", "///evil.example", "/\t/evil.example", "/\n/evil.example", "/\\/evil.example",
      "http://evil.example", "https:evil.example", "javascript:alert(1)", "evil.example", " /evil", "/%09/evil.example".replace("%09", "\t"),
    ]) {
      const target = safeNext(payload);
      expect(new URL(target, "http://app.test").origin, JSON.stringify(payload)).toBe("http://app.test");
    }
    expect(safeNext("/\\evil.example")).toBe("/");
  });
});
