// GET /api/documents/[id]: the document for the review page (revisions come from /history).
// With ?since=<version> and nothing changed since, a tiny "unchanged" answer for polling.
import { db } from "@/lib/db/client";
import { loadSnapshot } from "@/lib/db/documents";
import { undoState } from "@/lib/db/review";
import { errorResponse, guard } from "./respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(params);
  if ("response" in g) return g.response;
  try {
    const since = new URL(request.url).searchParams.get("since");
    if (since !== null && /^\d+$/.test(since)) {
      const doc = await db().document.findUnique({ where: { id: g.documentId }, select: { version: true } });
      if (doc && doc.version === Number(since)) return Response.json({ unchanged: true, version: doc.version, undo: await undoState(db(), g.documentId, g.session.uid) });
    }
    const snapshot = await loadSnapshot(db(), g.documentId);
    const reviewers = await db().reviewer.findMany({ select: { login: true, displayName: true } });
    return Response.json({
      snapshot: { ...snapshot, revisions: [] },
      reviewers: Object.fromEntries(reviewers.map((r) => [r.login, r.displayName])),
      me: { login: g.session.login, name: g.session.name },
      undo: await undoState(db(), g.documentId, g.session.uid),
    });
  } catch (err) {
    return errorResponse(err);
  }
}
