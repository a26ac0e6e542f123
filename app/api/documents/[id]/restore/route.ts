// POST /api/documents/[id]/restore (admins) → 200 { restored } | 404 not deleted.
import { db } from "@/lib/db/client";
import { restoreDocument } from "@/lib/db/documents";
import { errorResponse, guard, requireJson } from "../respond";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(params, "manageDocuments");
  if ("response" in g) return g.response;
  try {
    requireJson(request);
    if (!(await restoreDocument(db(), g.documentId, g.session.uid))) return Response.json({ error: "notFound", message: `Document ${g.documentId} is not deleted: there is nothing to restore.` }, { status: 404 });
    return Response.json({ restored: g.documentId });
  } catch (err) {
    return errorResponse(err);
  }
}
