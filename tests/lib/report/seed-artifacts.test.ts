// Issue 6: the quality report of each seed document lists every seed artifact (from the
// hand-made gold in fixtures/artifacts) with its MQM category and the flagged text.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readGold } from "../../../lib/artifacts/evaluation";
import { analysePair, analyseSingle } from "../../../lib/pipeline";
import { buildQualityReport } from "../../../lib/report";
import { renderReportHtml } from "../../../report-ui/html";

const gold = readGold();
const read = (file: string) => readFileSync(`fixtures/seeds/${file}`, "utf8");

describe("quality reports of the seed texts", () => {
  for (const doc of gold.documents) {
    const artifacts = gold.artifacts.filter((a) => a.inSeedReadme && (a.file === doc.source || a.file === doc.target));
    it(`${doc.source}: every seed artifact appears with its category (${artifacts.length})`, async () => {
      const snapshot = doc.target
        ? analysePair({ title: doc.source, sourceLang: doc.sourceLang!, targetLang: doc.targetLang!, sourceText: read(doc.source), targetText: read(doc.target) })
        : analyseSingle({ title: doc.source, lang: doc.lang!, text: read(doc.source) });
      const report = buildQualityReport(snapshot);
      const html = await renderReportHtml(report, "en");
      for (const a of artifacts) {
        const side = a.file === doc.source ? "source" : "target";
        const hit = report.issues.find((i) => i.side === side && i.sentence === a.sentence && i.category === a.category && i.excerpt.includes(a.excerpt.trim().split(/\s+/)[0]));
        expect(hit, `${a.file} sentence ${a.sentence}: "${a.excerpt}" as ${a.category}`).toBeDefined();
      }
      expect(html).toContain("Quality report");
    });
  }
});
