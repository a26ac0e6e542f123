// GET /api/report?format=html|csv|json: the project-wide report over all documents.
import { db } from "@/lib/db/client";
import { listDocuments, loadSnapshot } from "@/lib/db/documents";
import { displayNames } from "@/lib/db/reviewers";
import { buildProjectReport, buildQualityReport, renderFindingsCsv, REPORT_MIME_TYPES, reportFileName } from "@/lib/report";
import { renderProjectReportHtml } from "@/report-ui/html";
import { queryIssues, reportQuerySchema } from "@/lib/validations/downloads";
import { apiError } from "../../_server/api-error";
import { authorize, uiLanguage } from "../../_server/session";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const auth = await authorize("read");
  if ("response" in auth) return auth.response;
  const query = reportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return apiError(400, "invalid", `Bad report request: ${queryIssues(query.error)}.`);
  const { format, threshold, minConfidence } = query.data;
  const lang = query.data.lang ?? (await uiLanguage());
  const snapshots = [];
  for (const d of await listDocuments(db())) snapshots.push(await loadSnapshot(db(), d.id));
  const options = { threshold, minConfidence, displayNames: await displayNames(db()) };
  const project = buildProjectReport(snapshots, options);
  const body = format === "html" ? await renderProjectReportHtml(project, lang)
    : format === "csv" ? renderFindingsCsv(snapshots.map((s) => buildQualityReport(s, options)), lang, { bom: true })
    : JSON.stringify(project, null, 2);
  return new Response(body, { headers: { "content-type": REPORT_MIME_TYPES[format], "content-disposition": `attachment; filename="${reportFileName(project, format)}"` } });
}
