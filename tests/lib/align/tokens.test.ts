// The anchors the link score compares: numbers written the same across locales, addresses
// kept whole, words folded.
import { describe, expect, it } from "vitest";
import { alignDetailed } from "../../../lib/align";
import { tokenize } from "../../../lib/align/tokens";

const forms = (sentence: string) => tokenize(sentence).map((t) => `${t.kind}:${t.form}`);

describe("tokenize", () => {
  it("writes numbers the same in English and German notation", () => {
    expect(forms("18.1 per cent of 1,700 on 2023.11.24")).toEqual(expect.arrayContaining(["number:181", "number:1700", "number:20231124"]));
    expect(forms("18,1 Prozent von 1.700 am 2023.11.24")).toEqual(expect.arrayContaining(["number:181", "number:1700", "number:20231124"]));
    expect(forms("1'700")).toEqual(["number:1700"]);
  });

  it("keeps web and e-mail addresses whole, without scheme, www. or sentence punctuation", () => {
    expect(forms("Details: https://Example.org/report-2023.")).toEqual(["word:details", "url:example.org/report-2023"]);
    expect(forms("Mehr unter www.example.org/report-2023, oder an info@bitext.example!")).toEqual([
      "word:mehr", "word:unter", "url:example.org/report-2023", "word:oder", "word:an", "url:info@bitext.example", "mark:!",
    ]);
  });

  it("folds case and accents and keeps ? ! and quotes as marks", () => {
    expect(forms("Expédition « Straße »?")).toEqual(["word:expedition", 'mark:"', "word:strasse", 'mark:"', "mark:?"]);
  });
});

describe("anchors in the link score", () => {
  it("an address shared by two otherwise unrelated sentences counts as evidence", () => {
    const sim = (target: string) => alignDetailed(["Alles Weitere steht auf https://example.org/bericht."], [target], { sourceLang: "de", targetLang: "fr" })[0].similarity;
    expect(sim("Tout le reste se trouve sur www.example.org/bericht.")).toBeGreaterThan(sim("Tout le reste se trouve sur le site."));
  });
});
