"use client";
// The side panel for the current row: every operation as a button (the mouse route to what
// the keyboard does), its findings with accept/dismiss, its annotations, and its history.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AnnotationRecord, DocumentSnapshot, FlagRecord } from "@/lib/document";
import { findingMessage, isUiLanguage } from "@/lib/i18n";
import { formatNumber } from "@/lib/i18n/format";
import type { MqmCategory, Severity, Side } from "@/lib/types";
import { HistoryPanel } from "./history-panel";
import { CommentsPanel } from "./comments-panel";
import { MQM_CATEGORY_LIST, SEVERITY_LIST, sentenceKey, type ReviewIndex, type Row } from "./review-model";
import type { Command } from "./shortcuts";

export interface AnnotationDraft { segmentId: number; side: Side; position: number; start: number; end: number; quote: string }

export interface PanelActions {
  command(c: Command): void;
  startEdit(side: Side, position: number): void;
  joinSentence(side: Side, position: number): void;
  decideFlag(flagId: number, decision: "accepted" | "dismissed" | "open"): void;
  /** Accept every open finding of this one's kind (detector and message) that has a suggestion. */
  acceptSimilar(flagId: number, count: number): void;
  /** Dismiss every open finding of this detector in the document. */
  dismissDetector(detector: string, count: number): void;
  addAnnotation(draft: AnnotationDraft, category: MqmCategory, severity: Severity, comment: string): Promise<boolean>;
  updateAnnotation(a: AnnotationRecord, fields: { category: MqmCategory; severity: Severity; comment: string }): Promise<boolean>;
  deleteAnnotation(a: AnnotationRecord): void;
  cancelDraft(): void;
}

interface Props {
  row: Row | null;
  snapshot: DocumentSnapshot;
  lookup: ReviewIndex;
  bilingual: boolean;
  reviewers: Record<string, string>;
  draft: AnnotationDraft | null;
  historyOpen: boolean;
  setHistoryOpen(open: boolean): void;
  revision: number;
  actions: PanelActions;
  /** A link's comments were loaded or added: their number. */
  onComments(linkId: number, count: number): void;
}

function AnnotationFields({ initial, onSave, onCancel, saveLabel, autoFocus }: {
  initial: { category: MqmCategory; severity: Severity; comment: string };
  onSave(v: { category: MqmCategory; severity: Severity; comment: string }): Promise<boolean>;
  onCancel(): void;
  saveLabel: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation("review");
  const [category, setCategory] = useState(initial.category);
  const [severity, setSeverity] = useState<Severity>(initial.severity);
  const [comment, setComment] = useState(initial.comment);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => { if (autoFocus) first.current?.focus(); }, [autoFocus]);
  return (
    <form
      className="annotation-form"
      data-testid="annotation-form"
      onSubmit={(e) => { e.preventDefault(); void onSave({ category, severity, comment }); }}
      onKeyDown={(e) => { if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); onCancel(); } }}
    >
      <label>{t("annotation.category")}
        <select ref={first} value={category} onChange={(e) => setCategory(e.target.value as MqmCategory)}>
          {MQM_CATEGORY_LIST.map((c) => <option key={c} value={c}>{t(`category.${c}`)}</option>)}
        </select>
      </label>
      <label>{t("annotation.severity")}
        <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
          {SEVERITY_LIST.map((s) => <option key={s} value={s}>{t(`severity.${s}`)}</option>)}
        </select>
      </label>
      <label>{t("annotation.comment")}
        <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <div className="editor-actions">
        <button type="submit">{saveLabel}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t("edit.cancel")}</button>
      </div>
    </form>
  );
}

function FindingItem({ flag, snapshot, reviewers, actions }: { flag: FlagRecord; snapshot: DocumentSnapshot; reviewers: Record<string, string>; actions: PanelActions }) {
  const { t, i18n } = useTranslation("review");
  return (
    <li className={`finding status-${flag.status}`} data-testid="finding-item" data-flag-id={flag.id}>
      <div><span className={`sev sev-${flag.severity}`}>{t(`severity.${flag.severity}`)}</span> {t(`category.${flag.category}`, { defaultValue: flag.category })}</div>
      <p>{findingText(i18n.language, flag)}</p>
      <p className="meta">“{flag.excerpt}”{flag.suggestion !== undefined && <> → “{flag.suggestion}”</>}</p>
      {flag.status === "open" ? (
        <div className="editor-actions">
          {flag.suggestion !== undefined && <button type="button" onClick={() => actions.decideFlag(flag.id, "accepted")}>{t("finding.accept")}</button>}
          <button type="button" className="secondary" onClick={() => actions.decideFlag(flag.id, "dismissed")}>{t("finding.dismiss")}</button>
          <BulkButtons flag={flag} snapshot={snapshot} actions={actions} />
        </div>
      ) : (
        <div className="meta">
          {t(`finding.${flag.status}`)}{flag.decidedBy ? ` · ${reviewers[flag.decidedBy] ?? flag.decidedBy}` : ""}{" "}
          {/* A fix by hand is undone with the edit; a reviewer can still say it was no error. */}
          {flag.status === "fixed"
            ? <button type="button" className="link-button" onClick={() => actions.decideFlag(flag.id, "dismissed")}>{t("finding.dismiss")}</button>
            : <button type="button" className="link-button" onClick={() => actions.decideFlag(flag.id, "open")}>{t("finding.reopen")}</button>}
        </div>
      )}
    </li>
  );
}

/** The same decision for every finding of this kind in the document, when there are others. */
function BulkButtons({ flag, snapshot, actions }: { flag: FlagRecord; snapshot: DocumentSnapshot; actions: PanelActions }) {
  const { t } = useTranslation("review");
  const open = snapshot.flags.filter((f) => f.status === "open" && f.detector === flag.detector);
  const similar = flag.suggestion !== undefined ? open.filter((f) => f.suggestion !== undefined && f.message.key === flag.message.key).length : 0;
  return (
    <>
      {similar > 1 && <button type="button" className="secondary" data-testid="accept-similar" onClick={() => actions.acceptSimilar(flag.id, similar)}>{t("bulk.acceptAll", { count: similar })}</button>}
      {open.length > 1 && <button type="button" className="secondary" data-testid="dismiss-detector" onClick={() => actions.dismissDetector(flag.detector, open.length)}>{t("bulk.dismissAll", { count: open.length })}</button>}
    </>
  );
}

/** The one wording of a finding's message (lib/i18n, as in the reports), in the page's UI language. */
export function findingText(language: string, flag: FlagRecord): string {
  return findingMessage(isUiLanguage(language) ? language : "en", flag.message);
}

function AnnotationItem({ a, snapshot, reviewers, actions }: { a: AnnotationRecord; snapshot: DocumentSnapshot; reviewers: Record<string, string>; actions: PanelActions }) {
  const { t } = useTranslation("review");
  const [editing, setEditing] = useState(false);
  const text = snapshot[a.side][a.sentence]?.text ?? "";
  if (editing) {
    return (
      <li className="annotation-item" data-testid="annotation-item">
        <AnnotationFields
          initial={{ category: a.category, severity: a.severity, comment: a.comment }}
          saveLabel={t("annotation.update")}
          autoFocus
          onCancel={() => setEditing(false)}
          onSave={async (v) => { const ok = await actions.updateAnnotation(a, v); if (ok) setEditing(false); return ok; }}
        />
      </li>
    );
  }
  return (
    <li className="annotation-item" data-testid="annotation-item" data-annotation-id={a.id}>
      <div><span className={`sev sev-${a.severity}`}>{t(`severity.${a.severity}`)}</span> {t(`category.${a.category}`, { defaultValue: a.category })}</div>
      <p className="meta">{t(`side.${a.side}`)}: “{text.slice(a.span[0], a.span[1])}”</p>
      {a.comment && <p>{a.comment}</p>}
      <div className="meta">{a.author ? reviewers[a.author] ?? a.author : ""}</div>
      <div className="editor-actions">
        <button type="button" className="secondary" onClick={() => setEditing(true)}>{t("annotation.edit")}</button>
        <button type="button" className="secondary" onClick={() => actions.deleteAnnotation(a)}>{t("annotation.delete")}</button>
      </div>
    </li>
  );
}

export function LinkPanel({ row, snapshot, lookup, bilingual, reviewers, draft, historyOpen, setHistoryOpen, revision, actions, onComments }: Props) {
  const { t, i18n } = useTranslation("review");
  if (!row) return <aside className="link-panel" aria-label={t("panel.label")}><p className="meta">{t("panel.none")}</p></aside>;
  const sentences = (["source", "target"] as const).flatMap((side) => row[side].map((p) => ({ side, p })));
  const flags = sentences.flatMap(({ side, p }) => lookup.flagsBySentence.get(sentenceKey(side, p)) ?? []);
  const annotations = sentences.flatMap(({ side, p }) => lookup.annotationsBySentence.get(sentenceKey(side, p)) ?? []);
  const btn = (c: Command, extra?: string) => (
    <button type="button" className={`secondary${extra ? ` ${extra}` : ""}`} data-command={c} onClick={() => actions.command(c)}>{t(`command.${c}`)}</button>
  );
  return (
    <aside className="link-panel" aria-label={t("panel.label")} data-testid="link-panel">
      <h2>{bilingual ? t("panel.link", { n: row.position + 1 }) : t("panel.sentence", { n: row.position + 1 })}</h2>
      {bilingual && (
        <p className="meta">
          {row.source.length}–{row.target.length} · {t("row.confidence")} {formatNumber(i18n.language, row.confidence, 2)} · {t(`status.${row.status}`)}
        </p>
      )}
      {bilingual && (
        <section aria-label={t("panel.alignment")}>
          <h3>{t("panel.alignment")}</h3>
          <div className="button-grid">
            {btn("confirm")}{btn("confirmThrough")}
            {btn("mergePrevious")}{btn("mergeNext")}
            {btn("splitLink")}{btn("realign")}
            {btn("shiftSourceUp")}{btn("shiftSourceDown")}
            {btn("shiftTargetUp")}{btn("shiftTargetDown")}
            {btn("gapSource")}{btn("gapTarget")}
          </div>
        </section>
      )}
      <section aria-label={t("panel.sentences")}>
        <h3>{t("panel.sentences")}</h3>
        <ul className="sentence-actions">
          {sentences.map(({ side, p }) => (
            <li key={`${side}${p}`}>
              <span className="meta">{t(`side.${side}`, { context: bilingual ? undefined : "single" })} {p + 1}</span>{" "}
              <button type="button" className="secondary" onClick={() => actions.startEdit(side, p)}>{t("panel.edit")}</button>{" "}
              <button type="button" className="secondary" disabled={p + 1 >= snapshot[side].length} onClick={() => actions.joinSentence(side, p)}>{t("panel.join")}</button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label={t("panel.findings")}>
        <h3>{t("panel.findings")} ({flags.filter((f) => f.status === "open").length})</h3>
        {flags.length === 0 ? <p className="meta">{t("panel.noFindings")}</p> : (
          <ul className="findings">{flags.map((f) => <FindingItem key={f.id} flag={f} snapshot={snapshot} reviewers={reviewers} actions={actions} />)}</ul>
        )}
      </section>
      <section aria-label={t("panel.annotations")}>
        <h3>{t("panel.annotations")} ({annotations.length})</h3>
        {draft && (
          <div className="draft">
            <p className="meta">{t("annotation.new", { context: bilingual ? undefined : "single", side: t(`side.${draft.side}`), quote: draft.quote })}</p>
            <AnnotationFields
              key={`${draft.segmentId}-${draft.start}-${draft.end}`}
              initial={{ category: "Accuracy/Mistranslation", severity: "minor", comment: "" }}
              saveLabel={t("annotation.save")}
              autoFocus
              onCancel={actions.cancelDraft}
              onSave={(v) => actions.addAnnotation(draft, v.category, v.severity, v.comment)}
            />
          </div>
        )}
        {annotations.length === 0 && !draft ? <p className="meta">{t("panel.noAnnotations")}</p> : (
          <ul className="annotations">{annotations.map((a) => <AnnotationItem key={a.id} a={a} snapshot={snapshot} reviewers={reviewers} actions={actions} />)}</ul>
        )}
        <p className="meta">{t("annotation.howTo")}</p>
        <p className="meta">{t("annotation.keyboard")}</p>
      </section>
      {row.linkId !== null && <CommentsPanel key={row.linkId} documentId={snapshot.document.id} linkId={row.linkId} onCount={onComments} />}
      <section aria-label={t("panel.history")}>
        <h3>
          <button type="button" className="link-button" aria-expanded={historyOpen} onClick={() => setHistoryOpen(!historyOpen)}>
            {historyOpen ? "▾" : "▸"} {t("panel.history")}
          </button>
        </h3>
        {historyOpen && <HistoryPanel documentId={snapshot.document.id} filter={row.linkId !== null ? `linkId=${row.linkId}` : `segmentId=${row.key}`} revision={revision} />}
      </section>
    </aside>
  );
}
