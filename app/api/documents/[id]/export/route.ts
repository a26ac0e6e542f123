// GET /api/documents/[id]/export?format=tmx|xliff|tsv|moses|json[&unpaired=skip|empty][&confirmedOnly=1][&minConfidence=0.5]
import { db } from "@/lib/db/client";
import { loadSnapshot, NotFoundError } from "@/lib/db/documents";
import { ExportError, exportDocument } from "@/lib/formats";
import { exportQuerySchema, queryIssues } from "@/lib/validations/downloads";
import { apiError } from "../../../../_server/api-error";
import { authorize, uiLanguage } from "../../../../_server/session";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize("read");
  if ("response" in auth) return auth.response;
  const documentId = Number((await params).id);
  const query = exportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return apiError(400, "invalid", `Bad export request: ${queryIssues(query.error)}.`);
  try {
    const snapshot = await loadSnapshot(db(), documentId);
    const { format, ...options } = query.data;
    const file = exportDocument(snapshot, format, { ...options, noteLang: await uiLanguage() });
    return new Response(file.data as BodyInit, {
      headers: { "content-type": file.mimeType, "content-disposition": `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}` },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return apiError(404, "notFound", err.message);
    if (err instanceof ExportError) return apiError(422, "notExportable", err.message);
    throw err;
  }
}
