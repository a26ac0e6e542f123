// next.config.js cannot import TypeScript, so it mirrors the request-size rule: the two must agree.
import { describe, expect, it } from "vitest";
import nextConfig from "../../../next.config.js";
import { maxRequestBytes } from "../../../lib/import/limits";

describe("request-size limit", () => {
  it("next.config.js lets through exactly one byte more than the import route accepts", () => {
    const limit = (nextConfig as { experimental?: { proxyClientMaxBodySize?: number } }).experimental?.proxyClientMaxBodySize;
    expect(limit).toBe(maxRequestBytes() + 1);
  });
});
