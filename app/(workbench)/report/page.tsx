import { db } from "@/lib/db/client";
import { listDocuments, loadSnapshot } from "@/lib/db/documents";
import { displayNames } from "@/lib/db/reviewers";
import { t } from "@/lib/i18n";
import { buildProjectReport } from "@/lib/report";
import { ProjectReportView, ReportStyle } from "@/report-ui";
import { uiLanguage } from "../../_server/session";

export const dynamic = "force-dynamic";

// The same report components as the HTML download (report-ui/), with each document linked to its report.
export default async function ProjectReportPage() {
  const lang = await uiLanguage();
  const snapshots = [];
  for (const d of await listDocuments(db())) snapshots.push(await loadSnapshot(db(), d.id));
  const report = buildProjectReport(snapshots, { displayNames: await displayNames(db()) });
  return (
    <section className="page report-page">
      <ProjectReportView report={report} lang={lang} documentHref={(id) => `/documents/${id}/report`} />
      <p className="report-links">
        {t(lang, "downloads.report")}: <a href="/api/report?format=html">{t(lang, "downloads.html")}</a> · <a href="/api/report?format=csv">{t(lang, "downloads.csv")}</a> · <a href="/api/report?format=json">{t(lang, "downloads.json")}</a>
      </p>
      <ReportStyle />
    </section>
  );
}
