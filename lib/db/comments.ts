// Comments on a link: reviewers discuss a link (author, time), and reply to each other.
import type { Db } from "./client";
import { textProblem } from "../text-hygiene";

export const MAX_COMMENT_CHARS = 4000;

export class CommentError extends Error {
  constructor(message: string, readonly notFound = false) { super(message); }
}

export interface LinkCommentRecord {
  id: number;
  linkId: number;
  parentId: number | null;
  author: { login: string; name: string } | null;
  body: string;
  createdAt: string;
}

type Row = { id: number; linkId: number; parentId: number | null; body: string; createdAt: Date; author: { login: string; displayName: string } | null };
const record = (r: Row): LinkCommentRecord => ({
  id: r.id, linkId: r.linkId, parentId: r.parentId, body: r.body, createdAt: r.createdAt.toISOString(),
  author: r.author ? { login: r.author.login, name: r.author.displayName } : null,
});
const include = { author: { select: { login: true, displayName: true } } } as const;

/** The comments of a document (or of one link), oldest first: replies follow what they answer. */
export async function listComments(db: Db, documentId: number, linkId?: number): Promise<LinkCommentRecord[]> {
  const rows = await db.linkComment.findMany({ where: { documentId, ...(linkId !== undefined ? { linkId } : {}) }, orderBy: { id: "asc" }, include });
  return rows.map(record);
}

/** Links of a document with comments, and how many each has (the review page's "commented" filter). */
export async function commentCounts(db: Db, documentId: number): Promise<Record<number, number>> {
  const groups = await db.linkComment.groupBy({ by: ["linkId"], where: { documentId }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.linkId, g._count._all]));
}

export async function addComment(db: Db, input: { documentId: number; linkId: number; authorId: number | null; body: string; parentId?: number | null }): Promise<LinkCommentRecord> {
  const body = input.body.trim();
  if (!body) throw new CommentError("A comment cannot be empty: write what you want to say about this link.");
  if (body.length > MAX_COMMENT_CHARS) throw new CommentError(`A comment may have ${MAX_COMMENT_CHARS} characters; this one has ${body.length}. Shorten it or split it into replies.`);
  const problem = textProblem(body, "The comment");
  if (problem) throw new CommentError(problem);
  const doc = await db.document.findFirst({ where: { id: input.documentId, deletedAt: null, state: "ready" }, select: { id: true } });
  if (!doc) throw new CommentError(`There is no document ${input.documentId}.`, true);
  const link = await db.link.findFirst({ where: { id: input.linkId, documentId: input.documentId }, select: { id: true } });
  if (!link) throw new CommentError(`Link ${input.linkId} does not exist in this document (any more): reload the document.`, true);
  if (input.parentId != null) {
    const parent = await db.linkComment.findFirst({ where: { id: input.parentId, documentId: input.documentId, linkId: input.linkId }, select: { id: true } });
    if (!parent) throw new CommentError(`Comment ${input.parentId} is not a comment on this link: reply to a comment shown with it.`, true);
  }
  const row = await db.linkComment.create({ data: { documentId: input.documentId, linkId: input.linkId, parentId: input.parentId ?? null, authorId: input.authorId, body }, include });
  return record(row);
}
