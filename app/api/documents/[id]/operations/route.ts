// POST /api/documents/[id]/operations { operation, expectedVersion, expectedVersions? }
// → 200 { patch, undo } | 400 invalid | 404 gone | 409 stale view (see lib/review/README.md).
import { db } from "@/lib/db/client";
import { applyOperation } from "@/lib/db/review";
import { operationRequestSchema } from "@/lib/validations/review";
import { errorResponse, guard, jsonBody, zodMessage } from "../respond";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(params, "edit");
  if ("response" in g) return g.response;
  try {
    const parsed = operationRequestSchema.safeParse(await jsonBody(request));
    if (!parsed.success) return Response.json({ error: "invalid", message: zodMessage(parsed.error.issues) }, { status: 400 });
    const { operation, expectedVersion, expectedVersions } = parsed.data;
    const versions = expectedVersions && {
      links: Object.fromEntries(Object.entries(expectedVersions.links ?? {}).map(([k, v]) => [Number(k), v])),
      segments: Object.fromEntries(Object.entries(expectedVersions.segments ?? {}).map(([k, v]) => [Number(k), v])),
    };
    const result = await applyOperation(db(), { documentId: g.documentId, reviewerId: g.session.uid, operation, expectedVersion, expectedVersions: versions });
    return Response.json(result);
  } catch (err) {
    return errorResponse(err);
  }
}
