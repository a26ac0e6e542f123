import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { loadSnapshot, NotFoundError } from "@/lib/db/documents";
import { t } from "@/lib/i18n";
import { buildQualityReport, findingMessage } from "@/lib/report";
import { Downloads } from "../../../../_components/downloads";
import { ReportCharts } from "../../../../_components/report-charts";
import { uiLanguage } from "../../../../_server/session";
import { reportQuerySchema } from "@/lib/validations/downloads";
import { displayLabel } from "@/lib/text-hygiene";

export const dynamic = "force-dynamic";

export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const documentId = Number((await params).id);
  // ?minConfidence=0 lists the doubtful findings too; anything else invalid falls back to the default.
  const asked = reportQuerySchema.pick({ minConfidence: true }).safeParse(await searchParams);
  const minConfidence = asked.success ? asked.data.minConfidence : undefined;
  if (!Number.isInteger(documentId) || documentId <= 0) notFound();
  const lang = await uiLanguage();
  const snapshot = await loadSnapshot(db(), documentId).catch((err) => { if (err instanceof NotFoundError) notFound(); throw err; });
  const report = buildQualityReport(snapshot, { minConfidence });
  const r = (key: string, params?: Record<string, unknown>) => t(lang, `report:${key}`, params);
  const { score, alignment } = report;
  return (
    <section className="page report-page">
      <p><Link href={`/documents/${documentId}`}>← {displayLabel(snapshot.document.title)}</Link></p>
      <h1>{r("title")}: {displayLabel(snapshot.document.title)}</h1>
      <div className={`score-card ${score.pass ? "pass" : "fail"}`} data-testid="score">
        <strong>{score.pass ? r("score.pass") : r("score.fail")}</strong>
        <span>{r("score.quality")}: {score.qualityScore.toFixed(1)}</span>
        <span>{r("score.per1000")}: {score.penaltyPer1000.toFixed(1)} / {score.threshold}</span>
        <span>{r("score.words")}: {score.words}</span>
        <span>{r("score.counted")}: {score.counted}</span>
      </div>
      <p className="meta">{r("score.explanation", { threshold: score.threshold })}</p>
      {report.totals.hidden > 0 && (
        <p className="meta" data-testid="hidden-findings">
          {r("totals.hidden", { count: report.totals.hidden, min: report.minConfidence })}{" "}
          <Link href={`/documents/${documentId}/report?minConfidence=0`}>{r("totals.showHidden")}</Link>
        </p>
      )}
      <ReportCharts counts={report.counts} distribution={report.distribution} />
      {alignment && (
        <>
          <h2>{r("alignment.heading")}</h2>
          <table className="compact">
            <tbody>
              <tr><th scope="row">{r("alignment.links")}</th><td className="num">{alignment.links}</td></tr>
              <tr><th scope="row">{r("alignment.confirmed")}</th><td className="num">{alignment.confirmed} ({Math.round(alignment.confirmedShare * 100)} %)</td></tr>
              <tr><th scope="row">{r("alignment.lowConfidence", { threshold: alignment.lowConfidenceThreshold })}</th><td className="num">{alignment.lowConfidence}</td></tr>
              <tr><th scope="row">{r("alignment.omissions")}</th><td className="num">{alignment.omissions}</td></tr>
              <tr><th scope="row">{r("alignment.additions")}</th><td className="num">{alignment.additions}</td></tr>
              <tr><th scope="row">{r("alignment.type")}</th><td>{Object.entries(alignment.byType).map(([k, v]) => `${k}: ${v}`).join(", ")}</td></tr>
            </tbody>
          </table>
        </>
      )}
      <h2>{r("issues.heading")}</h2>
      {report.issues.length === 0 ? <p>{r("issues.none")}</p> : (
        <table data-testid="report-issues">
          <thead>
            <tr>
              <th scope="col">{r("table.category")}</th><th scope="col">{r("issues.message")}</th>
              <th scope="col">{r("issues.source")}</th><th scope="col">{r("issues.target")}</th>
              <th scope="col">{r("issues.suggestion")}</th><th scope="col">{r("issues.decision")}</th>
            </tr>
          </thead>
          <tbody>
            {report.issues.map((i) => (
              <tr key={`${i.kind}-${i.id}`} className={i.counted ? "" : "muted"}>
                <td>{r(`category.${i.category}`)}<br /><small>{r(`severity.${i.severity}`)}</small></td>
                <td>{i.kind === "finding" && i.message ? findingMessage(lang, i.message) : i.comment}<br /><q>{i.excerpt}</q></td>
                <td>{i.context.source.join(" ")}</td>
                <td>{i.context.target.join(" ")}</td>
                <td>{i.suggestion ?? ""}</td>
                <td>{i.kind === "annotation" ? r("issues.annotatedBy", { who: i.author ?? r("issues.someone"), date: i.decidedAt ?? "" }) : r(`issues.status.${i.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Downloads documentId={documentId} lang={lang} bilingual={snapshot.document.targetLang !== null} />
    </section>
  );
}
