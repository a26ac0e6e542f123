// One renderer for a quality report: the report pages of the web app render these components,
// and the HTML download is the same components rendered to static markup (html.tsx). Pages
// pass links (back to the documents, "list the hidden findings too"); the download has none.
import type { UiLanguage } from "../lib/i18n";
import { displayLabel } from "../lib/text-hygiene";
import type { ProjectReport, QualityReport } from "../lib/report/types";
import { CategorySeverityChart, DistributionChart } from "./charts";
import { AlignmentSection, CountsTable, IssueCard, RecentChanges, ReviewersTable, ScoreCards, Totals } from "./sections";
import { reportText } from "./text";

export function DocumentReport({ report, lang, showHiddenHref }: { report: QualityReport; lang: UiLanguage; showHiddenHref?: string }) {
  const c = reportText(lang, report.people);
  const d = report.document;
  const langs = d.targetLang ? `${d.sourceLang} → ${d.targetLang}` : d.sourceLang;
  const files = [d.sourceName && `${c.t("sourceFile")}: ${d.sourceName}`, d.targetName && `${c.t("targetFile")}: ${d.targetName}`].filter(Boolean).join(" · ");
  return (
    <div className="report">
      <header>
        <h1>{c.t("title")}: {displayLabel(d.title)}</h1>
        <p className="meta">{c.t("languages")}: {langs}{files && ` · ${files}`}</p>
        <p className="meta">{c.t("generated", { date: c.date(report.generatedAt) })}</p>
      </header>
      <section id="score"><h2>{c.t("score.heading")}</h2><ScoreCards score={report.score} remaining={report.remaining} c={c} /></section>
      <section id="categories">
        <h2>{c.t("charts.categories")}</h2>
        <CategorySeverityChart counts={report.counts} c={c} />
        <CountsTable counts={report.counts} c={c} />
        <Totals report={report} c={c} showHiddenHref={showHiddenHref} />
      </section>
      <section id="along">
        <h2>{c.t("charts.along")}</h2>
        <p className="muted">{c.t("charts.alongHint")}</p>
        <DistributionChart bins={report.distribution} c={c} />
      </section>
      <section id="alignment"><h2>{c.t("alignment.heading")}</h2><AlignmentSection alignment={report.alignment} corrections={report.corrections} c={c} /></section>
      <section id="issues" data-testid="report-issues">
        <h2>{c.t("issues.heading")}</h2>
        {report.issues.length ? report.issues.map((i) => <IssueCard key={`${i.kind}-${i.id}`} issue={i} c={c} />) : <p className="empty">{c.t("issues.none")}</p>}
      </section>
      <section id="activity">
        <h2>{c.t("activity.heading")}</h2>
        <ReviewersTable reviewers={report.activity.reviewers} c={c} />
        <RecentChanges entries={report.activity.entries} c={c} />
      </section>
    </div>
  );
}

export function ProjectReportView({ report, lang, documentHref }: { report: ProjectReport; lang: UiLanguage; documentHref?: (id: number) => string }) {
  const c = reportText(lang, report.people);
  return (
    <div className="report">
      <header>
        <h1>{c.t("projectTitle")}</h1>
        <p className="meta">{c.t("generated", { date: c.date(report.generatedAt) })}</p>
      </header>
      <section id="score"><h2>{c.t("score.heading")}</h2><ScoreCards score={report.score} remaining={report.remaining} c={c} /></section>
      <section id="documents">
        <h2>{c.t("project.documents")}</h2>
        {report.documents.length ? (
          <table data-testid="project-documents">
            <thead>
              <tr>
                <th>#</th><th>{c.t("project.document")}</th><th>{c.t("languages")}</th><th className="n">{c.t("project.words")}</th>
                <th className="n">{c.t("project.issues")}</th><th className="n">{c.t("project.openFindings")}</th><th className="n">{c.t("project.confirmed")}</th>
                <th className="n">{c.t("score.per1000")}</th><th className="n">{c.t("score.quality")}</th><th>{c.t("project.result")}</th>
                <th className="n">{c.t("score.remaining")}: {c.t("score.per1000")}</th>
              </tr>
            </thead>
            <tbody>
              {report.documents.map((d) => {
                const verdict = d.score.pass ? "pass" : "fail";
                return (
                  <tr key={d.id}>
                    <td>{d.id}</td>
                    <td>{documentHref ? <a href={documentHref(d.id)}>{displayLabel(d.title)}</a> : displayLabel(d.title)}</td>
                    <td>{d.targetLang ? `${d.sourceLang} → ${d.targetLang}` : d.sourceLang}</td>
                    <td className="n">{c.num(d.words)}</td><td className="n">{d.issues}</td><td className="n">{d.openFindings}</td>
                    <td className="n">{d.confirmedShare === null ? "–" : `${c.num(d.confirmedShare * 100)} %`}</td>
                    <td className="n">{c.num(d.score.penaltyPer1000, 2)}</td><td className="n">{c.num(d.score.qualityScore, 2)}</td>
                    <td><span className={`badge ${verdict}`} data-result={verdict}>{c.t(`score.${verdict}`)}</span></td>
                    <td className="n">{c.num(d.remaining.penaltyPer1000, 2)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : <p className="empty">{c.t("project.none")}</p>}
      </section>
      <section id="categories">
        <h2>{c.t("charts.categories")}</h2>
        <CategorySeverityChart counts={report.counts} c={c} />
        <CountsTable counts={report.counts} c={c} />
        <Totals report={report} c={c} />
      </section>
      <section id="alignment"><h2>{c.t("alignment.heading")}</h2><AlignmentSection alignment={report.alignment} c={c} /></section>
      <section id="activity"><h2>{c.t("activity.heading")}</h2><ReviewersTable reviewers={report.activity.reviewers} c={c} /></section>
    </div>
  );
}
