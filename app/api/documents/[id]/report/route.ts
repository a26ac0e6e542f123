// GET /api/documents/[id]/report?format=html|csv|json[&lang=en|de][&threshold=10][&minConfidence=0.5]: the report as a download.
import { db } from "@/lib/db/client";
import { loadSnapshot, NotFoundError } from "@/lib/db/documents";
import { displayNames } from "@/lib/db/reviewers";
import { buildQualityReport, renderFindingsCsv, REPORT_MIME_TYPES, reportFileName } from "@/lib/report";
import { renderReportHtml } from "@/report-ui/html";
import { queryIssues, reportQuerySchema } from "@/lib/validations/downloads";
import { apiError } from "../../../../_server/api-error";
import { authorize, uiLanguage } from "../../../../_server/session";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize("read");
  if ("response" in auth) return auth.response;
  const query = reportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return apiError(400, "invalid", `Bad report request: ${queryIssues(query.error)}.`);
  const { format, threshold, minConfidence } = query.data;
  const lang = query.data.lang ?? (await uiLanguage());
  try {
    const report = buildQualityReport(await loadSnapshot(db(), Number((await params).id)), { threshold, minConfidence, displayNames: await displayNames(db()) });
    const body = format === "html" ? await renderReportHtml(report, lang) : format === "csv" ? renderFindingsCsv(report, lang, { bom: true }) : JSON.stringify(report, null, 2);
    const name = reportFileName(report, format);
    return new Response(body, { headers: { "content-type": REPORT_MIME_TYPES[format], "content-disposition": `attachment; filename="${name}"` } });
  } catch (err) {
    if (err instanceof NotFoundError) return apiError(404, "notFound", err.message);
    throw err;
  }
}
