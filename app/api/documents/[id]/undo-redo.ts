// The one handler behind POST /api/documents/[id]/undo and /redo → 200 { patch, undo, revision } |
// 400 nothing to undo or redo | 409 someone else changed it since.
import { db } from "@/lib/db/client";
import { redo, undo } from "@/lib/db/review";
import { documentHistory } from "@/lib/db/review-history";
import { errorResponse, guard, requireJson } from "./respond";

const STEPS = { undo, redo };

export function historyStep(step: keyof typeof STEPS) {
  return async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
    const g = await guard(params, "edit");
    if ("response" in g) return g.response;
    try {
      requireJson(request);
      const result = await STEPS[step](db(), g.documentId, g.session.uid);
      const { entries } = await documentHistory(db(), g.documentId, { beforeId: result.revisionId + 1, limit: 1 });
      return Response.json({ patch: result.patch, undo: result.undo, revision: entries[0] ?? null });
    } catch (err) {
      return errorResponse(err);
    }
  };
}
