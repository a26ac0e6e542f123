// The report pages and the HTML download are one renderer: the same components, the download
// adding only its page around them.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildProjectReport, buildQualityReport } from "../../lib/report";
import { DocumentReport, ProjectReportView } from "../../report-ui";
import { renderProjectReportHtml, renderReportHtml } from "../../report-ui/html";
import { hardSnapshot, seedPairSnapshot } from "../lib/formats/snapshots";

describe("one report renderer", () => {
  it("puts the page's report, unchanged, into the HTML download", async () => {
    const report = buildQualityReport(seedPairSnapshot());
    const onPage = renderToStaticMarkup(createElement(DocumentReport, { report, lang: "de" }));
    expect(await renderReportHtml(report, "de")).toContain(`<body>${onPage}</body>`);
    const project = buildProjectReport([seedPairSnapshot(), hardSnapshot()]);
    const projectOnPage = renderToStaticMarkup(createElement(ProjectReportView, { report: project, lang: "en", documentHref: (id) => `/documents/${id}/report` }));
    expect(projectOnPage).toContain(`<a href="/documents/${project.documents[0].id}/report">`);
    expect(await renderProjectReportHtml(project, "en")).toContain(`<body>${projectOnPage.replace(/<a href="[^"]*">([^<]*)<\/a>/g, "$1")}</body>`);
  });

  it("says how many doubtful open findings it leaves out, with a link to them only on the page", async () => {
    const report = buildQualityReport(seedPairSnapshot(), { minConfidence: 0.9 });
    expect(report.totals.hidden).toBeGreaterThan(0);
    const html = await renderReportHtml(report, "en");
    expect(html).toContain(`${report.totals.hidden} open findings with a confidence below 0.9 are left out`);
    expect(html).not.toContain("List them too");
    const onPage = renderToStaticMarkup(createElement(DocumentReport, { report, lang: "de", showHiddenHref: "?minConfidence=0" }));
    expect(onPage).toMatch(/data-testid="hidden-findings">[^<]*Konfidenz[^<]*unter 0.9[^<]*<a href="\?minConfidence=0">/);
    expect(await renderReportHtml(buildQualityReport(seedPairSnapshot(), { minConfidence: 0 }), "en")).not.toContain('data-testid="hidden-findings"');
  });
});
