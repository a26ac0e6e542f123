import { describe, expect, it } from "vitest";
import { formatDateTime, formatNumber, uiLocale } from "../../../lib/i18n/format";

describe("numbers and dates in the UI's language", () => {
  it("writes decimals with a comma in German and a point in English", () => {
    expect(formatNumber("de", 0.96, 2)).toBe("0,96");
    expect(formatNumber("en", 0.96, 2)).toBe("0.96");
    expect(formatNumber("de", 12345)).toBe("12.345");
    expect(formatNumber("de", 0.3, 0, 2)).toBe("0,3");
    expect(formatNumber("de", 0.25, 0, 2)).toBe("0,25");
  });

  it("writes dates as the language does, and falls back to English for an unknown language", () => {
    const iso = "2026-12-08T09:05:00.000Z";
    expect(formatDateTime("de", iso, { dateStyle: "long", timeZone: "UTC" })).toBe("8. Dezember 2026");
    expect(formatDateTime("en", iso, { dateStyle: "long", timeZone: "UTC" })).toBe("8 December 2026");
    expect(uiLocale("fr")).toBe(uiLocale("en"));
  });
});
