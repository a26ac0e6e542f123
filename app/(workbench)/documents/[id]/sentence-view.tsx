"use client";
// One sentence: its text with findings and annotations marked on their spans (as React text,
// never HTML), the correction as a word diff against the imported text, or the editor.
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { AnnotationRecord, FlagRecord, SegmentRecord } from "@/lib/document";
import { visibleWordDiff } from "./text-diff";
import type { Side } from "@/lib/types";
import type { Touched } from "./use-review";

export interface SentenceActions {
  focusSentence(side: Side, position: number): void;
  /** The findings on a marked span (several detectors may flag the same words). */
  showHint(flagIds: number[], anchor: HTMLElement): void;
  hideHint(): void;
  decideFlag(flagId: number, decision: "accepted" | "dismissed"): void;
  /** Enter on a finding that has no suggestion: say so rather than do nothing. */
  noSuggestion(): void;
  saveEdit(segment: SegmentRecord, text: string): Promise<boolean>;
  splitSentence(segment: SegmentRecord, text: string, at: number): void;
  cancelEdit(): void;
}

interface Piece { start: number; end: number; flags: FlagRecord[]; annotations: AnnotationRecord[] }

/** Cuts the text at every span boundary so overlapping findings and annotations all show. */
export function pieces(length: number, flags: FlagRecord[], annotations: AnnotationRecord[]): Piece[] {
  const cuts = new Set<number>([0, length]);
  const clamp = (n: number) => Math.max(0, Math.min(length, n));
  for (const x of [...flags, ...annotations]) { cuts.add(clamp(x.span[0])); cuts.add(clamp(x.span[1])); }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [start, end] = [sorted[i], sorted[i + 1]];
    if (end <= start) continue;
    const covers = (x: { span: [number, number] }) => x.span[0] <= start && x.span[1] >= end;
    out.push({ start, end, flags: flags.filter(covers), annotations: annotations.filter(covers) });
  }
  return out;
}

const SEVERITY_ORDER = ["neutral", "minor", "major", "critical"];
const worst = (items: { severity: string }[]) => items.reduce((w, x) => (SEVERITY_ORDER.indexOf(x.severity) > SEVERITY_ORDER.indexOf(w) ? x.severity : w), "neutral");

export function SentenceText({ segment, flags, annotations, actions }: { segment: SegmentRecord; flags: FlagRecord[]; annotations: AnnotationRecord[]; actions: SentenceActions }) {
  const { t } = useTranslation("review");
  const open = flags.filter((f) => f.status === "open");
  const text = segment.text;
  // Enter accepts the first finding on the span that has a fix; Delete dismisses the first one.
  const onMarkKey = (e: KeyboardEvent, flags: FlagRecord[]) => {
    const fixable = flags.find((f) => f.suggestion !== undefined);
    if (e.key === "Enter") { e.preventDefault(); e.stopPropagation(); if (fixable) actions.decideFlag(fixable.id, "accepted"); else actions.noSuggestion(); }
    else if (e.key === "Delete" || e.key === "Backspace") { e.preventDefault(); e.stopPropagation(); actions.decideFlag(flags[0].id, "dismissed"); }
    else if (e.key === "Escape") actions.hideHint();
  };
  return (
    <span className="sentence-text" data-testid="sentence-text">
      {pieces(text.length, open, annotations).map((p) => {
        const part = text.slice(p.start, p.end);
        const annotated = p.annotations.length > 0;
        const annotationTitle = p.annotations.map((a) => `${t(`category.${a.category}`, { defaultValue: a.category })} · ${t(`severity.${a.severity}`)}${a.comment ? ` — ${a.comment}` : ""}`).join("\n");
        if (p.flags.length) {
          const flag = p.flags[0];
          const ids = p.flags.map((f) => f.id);
          return (
            <mark
              key={p.start}
              className={`flag sev-${worst(p.flags)}${annotated ? " annotated" : ""}`}
              tabIndex={0}
              data-flag-id={flag.id}
              data-flag-ids={ids.join(" ")}
              data-testid="finding-mark"
              aria-label={t("finding.markLabel", { text: part, category: p.flags.map((f) => t(`category.${f.category}`, { defaultValue: f.category })).join(", ") })}
              onMouseEnter={(e) => actions.showHint(ids, e.currentTarget)}
              onMouseLeave={() => actions.hideHint()}
              onFocus={(e) => actions.showHint(ids, e.currentTarget)}
              onBlur={() => actions.hideHint()}
              onKeyDown={(e) => onMarkKey(e, p.flags)}
              title={annotated ? annotationTitle : undefined}
            >{part}</mark>
          );
        }
        if (annotated) {
          return <mark key={p.start} className={`annotation sev-${worst(p.annotations)}`} data-testid="annotation-mark" title={annotationTitle}>{part}</mark>;
        }
        return <span key={p.start}>{part}</span>;
      })}
    </span>
  );
}

export function WordDiff({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation("review");
  return (
    <span className="word-diff" data-testid="word-diff">
      {visibleWordDiff(before, after).map((p, i) =>
        p.kind === "same" ? <span key={i}>{p.text}</span>
          : p.kind === "added" ? <ins key={i} aria-label={t("diff.added", { text: p.text })}>{p.text}</ins>
            : <del key={i} aria-label={t("diff.removed", { text: p.text })}>{p.text}</del>)}
    </span>
  );
}

export function Correction({ segment, touched, reviewers }: { segment: SegmentRecord; touched: Touched; reviewers: Record<string, string> }) {
  const { t, i18n } = useTranslation("review");
  if (segment.text === segment.originalText) return null;
  const who = touched[segment.id];
  const at = new Date(who?.at ?? segment.updatedAt).toLocaleString(i18n.language === "de" ? "de-DE" : "en-GB", { dateStyle: "short", timeStyle: "short" });
  const author = who?.author ? reviewers[who.author] ?? who.author : null;
  return (
    <div className="correction" data-testid="correction">
      <WordDiff before={segment.originalText} after={segment.text} />
      <small className="meta">{author ? t("correction.byAt", { name: author, time: at }) : t("correction.at", { time: at })}</small>
    </div>
  );
}

export function SentenceEditor({ segment, actions }: { segment: SegmentRecord; actions: SentenceActions }) {
  const { t } = useTranslation("review");
  const [text, setText] = useState(segment.text);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => { area.current?.focus(); }, []);
  const split = () => actions.splitSentence(segment, text, area.current?.selectionStart ?? 0);
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Escape") { e.preventDefault(); actions.cancelEdit(); }
    else if (e.key === "Enter" && e.altKey) { e.preventDefault(); split(); }
    else if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); void actions.saveEdit(segment, text); }
  };
  return (
    <div className="sentence-editor" data-testid="sentence-editor">
      <textarea
        ref={area}
        value={text}
        aria-label={t("edit.label", { side: t(`side.${segment.side}`), n: segment.position + 1 })}
        rows={Math.min(8, Math.max(2, Math.ceil(text.length / 60)))}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
      />
      {text !== segment.originalText && <div className="correction preview"><WordDiff before={segment.originalText} after={text} /></div>}
      <div className="editor-actions">
        <button type="button" onClick={() => void actions.saveEdit(segment, text)}>{t("edit.save")}</button>
        <button type="button" className="secondary" onClick={split}>{t("edit.splitAtCaret")}</button>
        <button type="button" className="secondary" onClick={() => actions.cancelEdit()}>{t("edit.cancel")}</button>
        <small className="meta">{t("edit.hint")}</small>
      </div>
    </div>
  );
}
