// GET /api/documents/[id]: the document for the review page (revisions come from /history).
// With ?since=<version> and nothing changed since, a tiny "unchanged" answer for polling.
// PATCH {title} (reviewers) renames it; DELETE (admins) moves it to the trash until an admin
// restores it (POST …/restore) or TRASH_DAYS pass.
import { db } from "@/lib/db/client";
import { deleteDocument, documentVersion, InvalidTitleError, loadSnapshot, renameDocument, TRASH_DAYS } from "@/lib/db/documents";
import { displayNames } from "@/lib/db/reviewers";
import { renameDocumentSchema } from "@/lib/validations/documents";
import { undoState } from "@/lib/db/review";
import { errorResponse, guard, jsonBody, zodMessage } from "./respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(params);
  if ("response" in g) return g.response;
  try {
    const since = new URL(request.url).searchParams.get("since");
    if (since !== null && /^\d+$/.test(since)) {
      const version = await documentVersion(db(), g.documentId);
      if (version === Number(since)) return Response.json({ unchanged: true, version, undo: await undoState(db(), g.documentId, g.session.uid) });
    }
    const snapshot = await loadSnapshot(db(), g.documentId);
    return Response.json({
      snapshot: { ...snapshot, revisions: [] },
      reviewers: await displayNames(db()),
      me: { login: g.session.login, name: g.session.name },
      undo: await undoState(db(), g.documentId, g.session.uid),
    });
  } catch (err) {
    return errorResponse(err);
  }
}

export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(params, "edit");
  if ("response" in g) return g.response;
  try {
    const body = renameDocumentSchema.safeParse(await jsonBody(request));
    if (!body.success) return Response.json({ error: "invalid", message: `Bad rename request: ${zodMessage(body.error.issues)}.` }, { status: 400 });
    await renameDocument(db(), g.documentId, body.data.title, g.session.uid);
    return Response.json({ ok: true });
  } catch (err) {
    if (err instanceof InvalidTitleError) return Response.json({ error: "invalid", message: err.message }, { status: 400 });
    return errorResponse(err);
  }
}

export async function DELETE(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(params, "manageDocuments");
  if ("response" in g) return g.response;
  if (!(await deleteDocument(db(), g.documentId, { author: g.session.uid }))) return Response.json({ error: "notFound", message: `There is no document ${g.documentId} to delete (or it is deleted already).` }, { status: 404 });
  return Response.json({ deleted: g.documentId, keptDays: TRASH_DAYS });
}
