import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { loadSnapshot, NotFoundError } from "@/lib/db/documents";
import { displayNames } from "@/lib/db/reviewers";
import { commentCounts } from "@/lib/db/comments";
import type { DocumentSnapshot, RevisionRecord } from "@/lib/document";
import { requireSession, uiLanguage } from "../../../_server/session";
import { t } from "@/lib/i18n";
import { DEFAULT_MIN_CONFIDENCE } from "@/lib/artifacts/confidence";
import { can } from "@/lib/auth/roles";
import { ReviewPage } from "./review-page";
import { toWire } from "./wire";
import type { Touched } from "./use-review";

export const dynamic = "force-dynamic";

/**
 * Who last wrote each corrected sentence, from the revision log (its `after` windows list
 * the segment rows a change wrote: `source` / `target`, or `segments` in older entries).
 * Only corrected sentences are sent to the page.
 */
function lastWriters(snapshot: DocumentSnapshot): Touched {
  const corrected = new Set([...snapshot.source, ...snapshot.target].filter((s) => s.text !== s.originalText).map((s) => s.id));
  const out: Touched = {};
  if (corrected.size === 0) return out;
  const rowsOf = (r: RevisionRecord): unknown[] => {
    const after = r.after as Record<string, { rows?: unknown } | undefined> | null;
    if (!after || typeof after !== "object") return [];
    const edits = (after as { edits?: unknown }).edits; // sentences changed in place by replace all / accept all
    return ["source", "target", "segments"].flatMap((k) => (Array.isArray(after[k]?.rows) ? (after[k]!.rows as unknown[]) : [])).concat(Array.isArray(edits) ? edits : []);
  };
  for (const r of snapshot.revisions) {
    if (r.undone) continue;
    for (const row of rowsOf(r)) {
      const id = (row as { id?: unknown }).id;
      if (typeof id === "number" && corrected.has(id)) out[id] = { author: r.author, at: r.createdAt };
    }
  }
  return out;
}

export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const documentId = Number(id);
  if (!Number.isInteger(documentId) || documentId <= 0) notFound();
  const [session, lang, snapshot, reviewers, comments] = await Promise.all([
    requireSession(),
    uiLanguage(),
    loadSnapshot(db(), documentId).catch((err) => { if (err instanceof NotFoundError) notFound(); throw err; }),
    displayNames(db()),
    commentCounts(db(), documentId),
  ]);
  // The revision log can be long and the page never shows it raw; the history panel pages it.
  return (
    <>
      <nav className="document-links" aria-label="document">
        <Link href={`/documents/${documentId}/report`} data-testid="report-link">{t(lang, "downloads.reportPage")}</Link>
      </nav>
      {!can(session.role, "edit") && <p className="review-notice info" role="note" data-testid="read-only">{t(lang, "roles.readOnly")}</p>}
      <ReviewPage initial={toWire(snapshot)} me={{ login: session.login, name: session.name }} reviewers={reviewers} touched={lastWriters(snapshot)} minConfidence={DEFAULT_MIN_CONFIDENCE} commentCounts={comments} />
    </>
  );
}
