// GET /api/documents/[id]/history?linkId=&segmentId=&limit=&beforeId= → { entries, nextBeforeId }, newest first.
import { db } from "@/lib/db/client";
import { documentHistory } from "@/lib/db/review-history";
import { historyQuerySchema } from "@/lib/validations/review";
import { errorResponse, guard, zodMessage } from "../respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(params);
  if ("response" in g) return g.response;
  try {
    const parsed = historyQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return Response.json({ error: "invalid", message: zodMessage(parsed.error.issues) }, { status: 400 });
    const exists = await db().document.findUnique({ where: { id: g.documentId, state: "ready" }, select: { id: true } }); // an import in progress is not there yet
    if (!exists) return Response.json({ error: "notFound", message: `There is no document ${g.documentId}.` }, { status: 404 });
    return Response.json(await documentHistory(db(), g.documentId, parsed.data));
  } catch (err) {
    return errorResponse(err);
  }
}
