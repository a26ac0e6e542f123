// POST /api/documents/[id]/restore: takes the document out of the trash.
import { db } from "@/lib/db/client";
import { restoreDocument } from "@/lib/db/documents";
import { errorResponse, guard, requireJson } from "../respond";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(params);
  if ("response" in g) return g.response;
  try {
    requireJson(request);
    await restoreDocument(db(), g.documentId, g.session.uid);
    return Response.json({ ok: true });
  } catch (err) {
    return errorResponse(err);
  }
}
