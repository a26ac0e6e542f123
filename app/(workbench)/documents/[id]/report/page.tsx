import Link from "next/link";
import { notFound } from "next/navigation";
import { displayLabel } from "@/lib/text-hygiene";
import { db } from "@/lib/db/client";
import { loadSnapshot, NotFoundError } from "@/lib/db/documents";
import { displayNames } from "@/lib/db/reviewers";
import { buildQualityReport } from "@/lib/report";
import { DocumentReport, ReportStyle } from "@/report-ui";
import { Downloads } from "../../../../_components/downloads";
import { uiLanguage } from "../../../../_server/session";
import { reportQuerySchema } from "@/lib/validations/downloads";

export const dynamic = "force-dynamic";

// The same report components as the HTML download (report-ui/), with links back to the
// document, to the hidden findings and to the downloads.
export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const documentId = Number((await params).id);
  // ?minConfidence=0 lists the doubtful findings too; anything else invalid falls back to the default.
  const asked = reportQuerySchema.pick({ minConfidence: true }).safeParse(await searchParams);
  const minConfidence = asked.success ? asked.data.minConfidence : undefined;
  if (!Number.isInteger(documentId) || documentId <= 0) notFound();
  const lang = await uiLanguage();
  const snapshot = await loadSnapshot(db(), documentId).catch((err) => { if (err instanceof NotFoundError) notFound(); throw err; });
  const report = buildQualityReport(snapshot, { minConfidence, displayNames: await displayNames(db()) });
  return (
    <section className="page report-page">
      <p><Link href={`/documents/${documentId}`}>← {displayLabel(snapshot.document.title)}</Link></p>
      <DocumentReport report={report} lang={lang} showHiddenHref={`/documents/${documentId}/report?minConfidence=0`} />
      <Downloads documentId={documentId} lang={lang} bilingual={snapshot.document.targetLang !== null} />
      {/* last, so the print rules' `.report-page > p:first-child` (the back link) still matches */}
      <ReportStyle />
    </section>
  );
}
