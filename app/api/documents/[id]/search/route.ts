// GET /api/documents/[id]/search?q=&side=source|target|both&case=1&word=1&regex=1&limit=
// → 200 { hits, total, truncated } | 400 invalid query or regular expression (a clear message) | 404.
import { db } from "@/lib/db/client";
import { searchDocument } from "@/lib/db/review-bulk";
import { searchParamsSchema } from "@/lib/validations/search";
import { errorResponse, guard, zodMessage } from "../respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(params, "read");
  if ("response" in g) return g.response;
  try {
    const parsed = searchParamsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return Response.json({ error: "invalid", message: zodMessage(parsed.error.issues) }, { status: 400 });
    return Response.json(await searchDocument(db(), g.documentId, parsed.data.query, parsed.data.limit));
  } catch (err) {
    return errorResponse(err);
  }
}
