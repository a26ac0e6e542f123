import Link from "next/link";
import { db } from "@/lib/db/client";
import { listDocuments, loadSnapshot } from "@/lib/db/documents";
import { t } from "@/lib/i18n";
import { buildProjectReport } from "@/lib/report";
import { ReportCharts } from "../../_components/report-charts";
import { uiLanguage } from "../../_server/session";
import { displayLabel } from "@/lib/text-hygiene";

export const dynamic = "force-dynamic";

export default async function ProjectReportPage() {
  const lang = await uiLanguage();
  const snapshots = [];
  for (const d of await listDocuments(db())) snapshots.push(await loadSnapshot(db(), d.id));
  const report = buildProjectReport(snapshots);
  const r = (key: string, params?: Record<string, unknown>) => t(lang, `report:${key}`, params);
  return (
    <section className="page report-page">
      <h1>{r("projectTitle")}</h1>
      <div className={`score-card ${report.score.pass ? "pass" : "fail"}`}>
        <strong>{report.score.pass ? r("score.pass") : r("score.fail")}</strong>
        <span>{r("score.quality")}: {report.score.qualityScore.toFixed(1)}</span>
        <span>{r("score.per1000")}: {report.score.penaltyPer1000.toFixed(1)} / {report.threshold}</span>
        <span>{r("score.words")}: {report.score.words}</span>
      </div>
      <ReportCharts counts={report.counts} distribution={[]} />
      <h2>{r("project.documents")}</h2>
      <table data-testid="project-documents">
        <thead><tr>
          <th scope="col">{r("project.document")}</th><th scope="col" className="num">{r("project.words")}</th>
          <th scope="col" className="num">{r("project.issues")}</th><th scope="col" className="num">{r("project.openFindings")}</th>
          <th scope="col" className="num">{r("score.per1000")}</th><th scope="col">{r("project.result")}</th>
        </tr></thead>
        <tbody>
          {report.documents.map((d) => (
            <tr key={d.id}>
              <td><Link href={`/documents/${d.id}/report`}>{displayLabel(d.title)}</Link></td>
              <td className="num">{d.words}</td><td className="num">{d.issues}</td><td className="num">{d.openFindings}</td>
              <td className="num">{d.score.penaltyPer1000.toFixed(1)}</td><td>{d.score.pass ? r("score.pass") : r("score.fail")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="report-links">
        {t(lang, "downloads.report")}: <a href="/api/report?format=html">{t(lang, "downloads.html")}</a> · <a href="/api/report?format=csv">{t(lang, "downloads.csv")}</a> · <a href="/api/report?format=json">{t(lang, "downloads.json")}</a>
      </p>
    </section>
  );
}
