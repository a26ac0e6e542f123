// GET /api/documents/[id]/comments?linkId= → { comments } oldest first (replies carry parentId);
// POST { linkId, body, parentId? } → 201 { comment } | 400 | 404.
import { db } from "@/lib/db/client";
import { documentExists } from "@/lib/db/documents";
import { addComment, CommentError, listComments } from "@/lib/db/comments";
import { addCommentSchema, listCommentsQuery } from "@/lib/validations/comments";
import { errorResponse, guard, jsonBody, zodMessage } from "../respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(params);
  if ("response" in g) return g.response;
  const parsed = listCommentsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "invalid", message: zodMessage(parsed.error.issues) }, { status: 400 });
  if (!(await documentExists(db(), g.documentId))) return Response.json({ error: "notFound", message: `There is no document ${g.documentId}.` }, { status: 404 });
  return Response.json({ comments: await listComments(db(), g.documentId, parsed.data.linkId) });
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await guard(params, "edit");
  if ("response" in g) return g.response;
  try {
    const parsed = addCommentSchema.safeParse(await jsonBody(request));
    if (!parsed.success) return Response.json({ error: "invalid", message: zodMessage(parsed.error.issues) }, { status: 400 });
    const comment = await addComment(db(), { documentId: g.documentId, linkId: parsed.data.linkId, parentId: parsed.data.parentId, body: parsed.data.body, authorId: g.session.uid });
    return Response.json({ comment }, { status: 201 });
  } catch (err) {
    if (err instanceof CommentError) return Response.json({ error: err.notFound ? "notFound" : "invalid", message: err.message }, { status: err.notFound ? 404 : 400 });
    return errorResponse(err);
  }
}
