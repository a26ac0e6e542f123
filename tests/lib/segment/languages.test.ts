// Languages without a full rule table still get sensible boundaries.
import { describe, expect, it } from "vitest";
import { segmentText } from "../../../lib/segment";

const split = (text: string, lang: string) => segmentText(text, lang).map((s) => s.text);

describe("generic rules", () => {
  it("splits Chinese and Japanese at full-width terminators without spaces", () => {
    expect(split("今天天气很好。我们去公园吧！你来吗？", "zh")).toEqual(["今天天气很好。", "我们去公园吧！", "你来吗？"]);
    expect(split("「行こう。」と彼は言った。", "ja")).toEqual(["「行こう。」と彼は言った。"]);
    expect(split("東京は大きい。大阪も大きい。", "ja")).toEqual(["東京は大きい。", "大阪も大きい。"]);
  });

  it("knows a few French abbreviations and French spacing", () => {
    expect(split("M. Dupont est arrivé. Il était en retard.", "fr")).toEqual(["M. Dupont est arrivé.", "Il était en retard."]);
    expect(split("Vraiment ? Oui, c.-à-d. demain. À bientôt !", "fr")).toEqual(["Vraiment ?", "Oui, c.-à-d. demain.", "À bientôt !"]);
    expect(split("« Bonjour. » Il est parti.", "fr")).toEqual(["« Bonjour. »", "Il est parti."]);
  });

  it("treats region tags like their language and short ordinals as ordinals in Danish", () => {
    expect(split("Am 24. November kam er. Er blieb.", "de-AT")).toEqual(["Am 24. November kam er.", "Er blieb."]);
    expect(split("Den 24. november kom han.", "da")).toEqual(["Den 24. november kom han."]);
  });

  it("applies the common rules to unknown languages", () => {
    expect(split("Dr. Kowalski przyszedł. Był zmęczony... bardzo.", "pl")).toEqual(["Dr. Kowalski przyszedł.", "Był zmęczony... bardzo."]);
    expect(split("Hola. ¿Qué tal? ¡Muy bien!", "es")).toEqual(["Hola.", "¿Qué tal?", "¡Muy bien!"]);
  });
});
