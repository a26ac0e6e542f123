"use client";
// The revision log of one link (and its sentences) or of the whole document, newest first,
// with text changes as word diffs. Refetched whenever the document moved on.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WordDiffPart } from "@/lib/review/diff";
import { sentenceRanges } from "@/lib/review/history-detail";
import { findingMessage, isUiLanguage } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import { visibleWordDiff } from "./text-diff";

interface HistoryEntry {
  id: number;
  author: { login: string; name: string } | null;
  createdAt: string;
  operation: string;
  entity: string;
  entityId: number | null;
  undone: boolean;
  target?: number;
  texts?: { segmentId: number; side: "source" | "target"; before: string; after: string; diff: WordDiffPart[] }[];
  links: number[];
  findings?: { id: number; detector: string; category: string; excerpt: string; message: { key: string; params: Record<string, string | number> }; from: string; to: string }[];
  moved?: { side: "source" | "target"; sentences: number[] }[];
}

/** `filter`: "" for the whole document, or e.g. "linkId=5" / "segmentId=9". */
export function HistoryPanel({ documentId, filter, revision }: { documentId: number; filter: string; revision: number }) {
  const { t, i18n } = useTranslation("review");
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [nextBeforeId, setNextBeforeId] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const query = filter ? `${filter}&` : "";

  useEffect(() => {
    let stale = false;
    setFailed(false);
    fetch(`/api/documents/${documentId}/history?${query}limit=50`, { cache: "no-store" })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { entries: HistoryEntry[]; nextBeforeId: number | null };
        if (!stale) { setEntries(body.entries); setNextBeforeId(body.nextBeforeId); }
      })
      .catch(() => { if (!stale) setFailed(true); });
    return () => { stale = true; };
  }, [documentId, query, revision]);

  const more = async () => {
    if (nextBeforeId === null) return;
    const res = await fetch(`/api/documents/${documentId}/history?${query}limit=50&beforeId=${nextBeforeId}`, { cache: "no-store" });
    if (!res.ok) return;
    const body = (await res.json()) as { entries: HistoryEntry[]; nextBeforeId: number | null };
    setEntries((e) => [...(e ?? []), ...body.entries]);
    setNextBeforeId(body.nextBeforeId);
  };

  const time = (iso: string) => formatDateTime(i18n.language, iso, { dateStyle: "short", timeStyle: "medium" });
  const status = (s: string) => t(`finding.${s}`, { defaultValue: s });
  if (failed) return <p className="meta">{t("history.failed")}</p>;
  if (!entries) return <p className="meta" aria-busy="true">{t("history.loading")}</p>;
  if (entries.length === 0) return <p className="meta">{t("history.empty")}</p>;
  return (
    <>
      <ol className="history" data-testid="history-list">
        {entries.map((e) => (
          <li key={e.id} className={e.undone ? "undone" : undefined} data-testid="history-entry">
            <div>
              <strong>{t(`op.${e.operation}`, { defaultValue: e.operation })}</strong>
              {e.undone && <span className="tag">{t("history.undone")}</span>}
            </div>
            <div className="meta">
              {e.author ? e.author.name : t("history.system")} · <time dateTime={e.createdAt}>{time(e.createdAt)}</time>
            </div>
            {e.findings?.map((f) => (
              <div key={f.id} className="history-finding" data-testid="history-finding">
                {t(`category.${f.category}`, { defaultValue: f.category })} “{f.excerpt}”: {findingMessage(isUiLanguage(i18n.language) ? i18n.language : "en", f.message)}{" "}
                <span className="meta">{status(f.from)} → <strong>{status(f.to)}</strong></span>
              </div>
            ))}
            {e.moved?.map((m) => (
              <div key={m.side} className="meta" data-testid="history-moved">
                {t("history.moved", { side: t(`side.${m.side}`), sentences: sentenceRanges(m.sentences), count: m.sentences.length })}
              </div>
            ))}
            {e.texts?.map((x) => (
              <div key={`${x.segmentId}-${x.side}`} className="word-diff history-diff">
                <span className="meta">{t(`side.${x.side}`)}: </span>
                {visibleWordDiff(x.before, x.after).map((p, i) => p.kind === "same" ? <span key={i}>{p.text}</span> : p.kind === "added" ? <ins key={i} className={p.text.trim() ? undefined : "space"}>{p.text}</ins> : <del key={i} className={p.text.trim() ? undefined : "space"}>{p.text}</del>)}
              </div>
            ))}
          </li>
        ))}
      </ol>
      {nextBeforeId !== null && <button type="button" className="secondary" onClick={() => void more()}>{t("history.more")}</button>}
    </>
  );
}
