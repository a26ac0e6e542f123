"use client";
// Reviewers' comments on the current link: each with its author and time, replies under what they
// answer, a box to add one. Reported to the page (onCount) so the "commented" filter knows.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/i18n/format";

interface Comment { id: number; linkId: number; parentId: number | null; author: { login: string; name: string } | null; body: string; createdAt: string }

export function CommentsPanel({ documentId, linkId, onCount }: { documentId: number; linkId: number; onCount(linkId: number, count: number): void }) {
  const { t, i18n } = useTranslation("review");
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [replyTo, setReplyTo] = useState<number | null>(null);

  useEffect(() => {
    let stale = false;
    fetch(`/api/documents/${documentId}/comments?linkId=${linkId}`, { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((b: { comments: Comment[] }) => { if (!stale) setComments(b.comments); })
      .catch(() => { if (!stale) setError(t("comments.failed")); });
    return () => { stale = true; };
  }, [documentId, linkId, t]);

  async function post(body: string, parentId: number | null): Promise<boolean> {
    setError(null);
    const res = await fetch(`/api/documents/${documentId}/comments`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ linkId, body, parentId }) });
    const answer = await res.json().catch(() => ({}));
    if (res.status !== 201) { setError(answer.message ?? t("comments.failed")); return false; }
    const next = [...(comments ?? []), answer.comment as Comment];
    setComments(next);
    setReplyTo(null);
    onCount(linkId, next.length);
    return true;
  }

  const time = (iso: string) => formatDateTime(i18n.language, iso, { dateStyle: "medium", timeStyle: "short" });
  const item = (c: Comment) => (
    <li key={c.id} data-testid="comment" data-comment-id={c.id}>
      <div className="meta"><strong>{c.author?.name ?? t("history.system")}</strong> · <time dateTime={c.createdAt}>{time(c.createdAt)}</time></div>
      <p className="comment-body">{c.body}</p>
      {(comments ?? []).some((r) => r.parentId === c.id) && <ul className="replies">{(comments ?? []).filter((r) => r.parentId === c.id).map(item)}</ul>}
      {c.parentId === null && (replyTo === c.id
        ? <CommentBox label={t("comments.reply")} onCancel={() => setReplyTo(null)} onSave={(body) => post(body, c.id)} />
        : <button type="button" className="link-button" onClick={() => setReplyTo(c.id)}>{t("comments.reply")}</button>)}
    </li>
  );
  return (
    <section aria-label={t("comments.title")} data-testid="comments">
      <h3>{t("comments.title")}{comments && comments.length > 0 ? ` (${comments.length})` : ""}</h3>
      {error && <p className="error" role="alert">{error}</p>}
      {comments === null ? <p className="meta" aria-busy="true">{t("history.loading")}</p>
        : comments.length === 0 ? <p className="meta">{t("comments.none")}</p>
        : <ul className="comments">{comments.filter((c) => c.parentId === null).map(item)}</ul>}
      <CommentBox label={t("comments.add")} onSave={(body) => post(body, null)} />
    </section>
  );
}

function CommentBox({ label, onSave, onCancel }: { label: string; onSave(body: string): Promise<boolean>; onCancel?(): void }) {
  const { t } = useTranslation("review");
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <form className="comment-box" onSubmit={(e) => { e.preventDefault(); setBusy(true); void onSave(body).then((ok) => { setBusy(false); if (ok) setBody(""); }); }}>
      <textarea aria-label={label} value={body} onChange={(e) => setBody(e.target.value)} rows={2} data-testid="comment-input" />
      <div className="editor-actions">
        <button type="submit" disabled={busy || !body.trim()}>{label}</button>
        {onCancel && <button type="button" className="secondary" onClick={onCancel}>{t("comments.cancel")}</button>}
      </div>
    </form>
  );
}
