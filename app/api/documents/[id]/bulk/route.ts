// POST /api/documents/[id]/bulk { operation: BulkOperation, expectedVersion } (lib/review/types.ts)
// → 200 { patch, undo, changed, skipped } | 200 { noop } | 400 invalid | 404 gone | 409 stale view.
import { db } from "@/lib/db/client";
import { applyBulk } from "@/lib/db/review-bulk";
import { bulkRequestSchema } from "@/lib/validations/search";
import { errorResponse, guard, jsonBody, zodMessage } from "../respond";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(params, "edit");
  if ("response" in g) return g.response;
  try {
    const parsed = bulkRequestSchema.safeParse(await jsonBody(request));
    if (!parsed.success) return Response.json({ error: "invalid", message: zodMessage(parsed.error.issues) }, { status: 400 });
    return Response.json(await applyBulk(db(), { documentId: g.documentId, reviewerId: g.session.uid, ...parsed.data }));
  } catch (err) {
    return errorResponse(err);
  }
}
