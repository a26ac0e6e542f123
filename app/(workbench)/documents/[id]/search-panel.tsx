"use client";
// Find (and replace in the target) over the whole document: the server searches every sentence
// (the list is windowed, so the browser's own find sees only the rows mounted), the results are
// listed with their context, and stepping through them moves the list to each one.
import { forwardRef, useCallback, useImperativeHandle, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SearchHit, SearchQuery, SearchResult, SearchSide } from "@/lib/review/types";

export interface SearchPanelHandle { focus(): void }

interface Props {
  documentId: number;
  bilingual: boolean;
  /** Makes the match's row current, scrolls the list to it and marks the match (focus stays in the panel). */
  show(hit: SearchHit): void;
  replaceOne(hit: SearchHit, query: SearchQuery, replacement: string): Promise<boolean>;
  replaceAll(query: SearchQuery, replacement: string, count: number): Promise<boolean>;
  canEdit: boolean;
  onClose(): void;
}

export const SearchPanel = forwardRef<SearchPanelHandle, Props>(function SearchPanel({ documentId, bilingual, show, replaceOne, replaceAll, canEdit, onClose }, ref) {
  const { t } = useTranslation("review");
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => { input.current?.focus(); input.current?.select(); } }), []);
  const [text, setText] = useState("");
  const [side, setSide] = useState<SearchSide>(bilingual ? "both" : "source");
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [regex, setRegex] = useState(false);
  const [replacement, setReplacement] = useState("");
  const [result, setResult] = useState<SearchResult | null>(null);
  const [index, setIndex] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const query: SearchQuery = { text, side, caseSensitive, wholeWord, regex };
  /** The query the results belong to: stepping after a change of the fields searches again first. */
  const searched = useRef<string>("");
  const key = JSON.stringify(query);

  const run = useCallback(async (q: SearchQuery): Promise<SearchResult | null> => {
    if (!q.text) { setResult(null); setError(null); return null; }
    setBusy(true);
    try {
      const params = new URLSearchParams({ q: q.text, side: q.side, case: q.caseSensitive ? "1" : "0", word: q.wholeWord ? "1" : "0", regex: q.regex ? "1" : "0" });
      const res = await fetch(`/api/documents/${documentId}/search?${params}`, { cache: "no-store" });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) { setError(body.message ?? `HTTP ${res.status}`); setResult(null); return null; }
      setError(null);
      setResult(body);
      searched.current = JSON.stringify(q);
      return body as SearchResult;
    } catch {
      setError(t("errors.network"));
      return null;
    } finally {
      setBusy(false);
    }
  }, [documentId, t]);

  const go = useCallback((r: SearchResult, i: number) => {
    if (!r.hits.length) { setIndex(-1); return; }
    const k = ((i % r.hits.length) + r.hits.length) % r.hits.length;
    setIndex(k);
    show(r.hits[k]);
    document.getElementById(`search-hit-${k}`)?.scrollIntoView({ block: "nearest" });
  }, [show]);

  const step = useCallback(async (dir: 1 | -1) => {
    let r = result;
    if (!r || searched.current !== key) { r = await run(query); if (r) go(r, dir > 0 ? 0 : r.hits.length - 1); return; }
    go(r, index + dir);
    // the query object is rebuilt every render; `key` stands for it
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result, key, index, run, go]);

  const current = result && index >= 0 ? result.hits[index] : null;
  const again = async (at: number) => { const r = await run(query); if (r) go(r, Math.min(at, r.hits.length - 1)); };

  return (
    <section className="search-panel" aria-label={t("search.label")} data-testid="search-panel"
      onKeyDown={(e) => { if (e.key === "Escape" && e.target instanceof HTMLElement && e.target.closest("button")) { e.preventDefault(); onClose(); } }}>
      <form className="search-row" role="search" onSubmit={(e) => { e.preventDefault(); void step(1); }}>
        <label className="inline">
          <span>{t("search.find")}</span>
          <input ref={input} type="search" value={text} onChange={(e) => setText(e.target.value)} data-testid="search-input"
            onKeyDown={(e) => { if (e.key === "Enter" && e.shiftKey) { e.preventDefault(); void step(-1); } }} aria-keyshortcuts="/" />
        </label>
        {bilingual && (
          <label className="inline">
            <span>{t("search.in")}</span>
            <select value={side} onChange={(e) => setSide(e.target.value as SearchSide)} data-testid="search-side">
              <option value="both">{t("search.both")}</option>
              <option value="source">{t("side.source")}</option>
              <option value="target">{t("side.target")}</option>
            </select>
          </label>
        )}
        <label className="inline"><input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} data-testid="search-case" />{t("search.case")}</label>
        <label className="inline"><input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} data-testid="search-word" />{t("search.word")}</label>
        <label className="inline"><input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} data-testid="search-regex" />{t("search.regex")}</label>
        <button type="submit" className="secondary" disabled={!text}>{t("search.next")}</button>
        <button type="button" className="secondary" disabled={!text} onClick={() => void step(-1)}>{t("search.previous")}</button>
        <span className="meta" role="status" aria-live="polite" data-testid="search-count">
          {busy ? t("search.searching") : result ? (result.total ? t("search.position", { n: index + 1, count: result.total }) : t("search.none")) : ""}
        </span>
        <span className="spacer" />
        <button type="button" className="link-button" onClick={onClose} aria-label={t("search.close")}>×</button>
      </form>
      {canEdit && (bilingual ? side !== "source" : true) && (
        <div className="search-row">
          <label className="inline">
            <span>{bilingual ? t("search.replaceTarget") : t("search.replaceWith")}</span>
            <input type="text" value={replacement} onChange={(e) => setReplacement(e.target.value)} data-testid="replace-input" />
          </label>
          <button type="button" className="secondary" data-testid="replace-one" disabled={!current || (bilingual && current.side !== "target") || busy}
            onClick={async () => { if (current && await replaceOne(current, query, replacement)) await again(index); }}>{t("search.replace")}</button>
          <button type="button" className="secondary" data-testid="replace-all" disabled={!result?.total || busy || searched.current !== key}
            onClick={async () => {
              const count = bilingual ? result!.hits.filter((h) => h.side === "target").length : result!.total;
              if (await replaceAll(query, replacement, count)) await again(0);
            }}>{t("search.replaceAll")}</button>
          {regex && <small className="meta">{t("search.groups")}</small>}
        </div>
      )}
      {error && <p className="search-error" role="alert" data-testid="search-error">{error}</p>}
      {result && result.hits.length > 0 && (
        <ol className="search-results" data-testid="search-results" aria-label={t("search.results")}>
          {result.hits.map((h, i) => (
            <li key={`${h.segmentId}-${h.start}`} id={`search-hit-${i}`} aria-current={i === index ? "true" : undefined}>
              <button type="button" className="link-button" onClick={() => go(result, i)} data-testid="search-hit">
                <span className="meta">{bilingual ? `${t(`side.${h.side}`)} ${h.position + 1}` : h.position + 1}</span>{" "}
                {h.before}<mark>{h.match}</mark>{h.after}
              </button>
            </li>
          ))}
          {result.truncated && <li className="meta">{t("search.truncated", { shown: result.hits.length, count: result.total })}</li>}
        </ol>
      )}
    </section>
  );
});
