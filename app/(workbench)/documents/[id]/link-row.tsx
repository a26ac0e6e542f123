"use client";
// One row of the review list: a link (source and target sentences side by side) or, in a
// single-language text, one sentence. Status, confidence and open findings show at a glance.
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "@/lib/i18n/format";
import type { SegmentRecord } from "@/lib/document";
import type { Side } from "@/lib/types";
import { sentenceKey, type ReviewIndex, type Row } from "./review-model";
import { Correction, SentenceEditor, SentenceText, type SentenceActions } from "./sentence-view";
import type { Touched } from "./use-review";

export interface RowActions extends SentenceActions {
  select(index: number): void;
}

interface Props {
  row: Row;
  index: number;
  bilingual: boolean;
  segments: { source: SegmentRecord[]; target: SegmentRecord[] };
  lookup: ReviewIndex;
  langs: { source: string; target: string | null };
  current: boolean;
  editing: { side: Side; position: number } | null;
  touched: Touched;
  reviewers: Record<string, string>;
  actions: RowActions;
}

function Sentences({ side, positions, props }: { side: Side; positions: number[]; props: Props }) {
  const { t } = useTranslation("review");
  const { segments, lookup, editing, touched, reviewers, actions } = props;
  if (positions.length === 0) {
    return <em className="gap">{t(side === "source" ? "row.addition" : "row.omission")}</em>;
  }
  return (
    <>
      {positions.map((p) => {
        const segment = segments[side][p];
        if (!segment) return null;
        const key = sentenceKey(side, p);
        const isEditing = editing?.side === side && editing.position === p;
        return (
          <div
            key={segment.id}
            className="sentence"
            data-segment-id={segment.id}
            data-side={side}
            data-position={p}
            onFocusCapture={() => actions.focusSentence(side, p)}
            onMouseDown={() => actions.focusSentence(side, p)}
          >
            {isEditing
              ? <SentenceEditor segment={segment} actions={actions} />
              : (
                <>
                  <SentenceText segment={segment} flags={lookup.flagsBySentence.get(key) ?? []} annotations={lookup.annotationsBySentence.get(key) ?? []} actions={actions} />
                  <Correction segment={segment} touched={touched} reviewers={reviewers} />
                </>
              )}
          </div>
        );
      })}
    </>
  );
}

/** Memoised: while scrolling, rows already mounted do not render again. */
export const LinkRow = memo(function LinkRow(props: Props) {
  const { t, i18n } = useTranslation("review");
  const { row, index, bilingual, langs, current, actions } = props;
  const classes = ["link-row", `status-${row.status}`, row.low ? "low" : "", row.openFlags ? "flagged" : "", current ? "current" : "", bilingual ? "" : "single"].filter(Boolean).join(" ");
  const stateLabel = [
    row.status === "confirmed" ? t("status.confirmed") : t("status.automatic"),
    row.low ? t("status.low") : null,
    row.openFlags ? t("status.findings", { count: row.openFlags }) : null,
  ].filter(Boolean).join(", ");
  return (
    <div
      id={`row-${index}`}
      className={classes}
      data-testid={bilingual ? "link-row" : "sentence-row"}
      data-link-id={row.linkId ?? undefined}
      data-status={row.status}
      data-row-index={index}
      tabIndex={current ? 0 : -1}
      aria-current={current ? "true" : undefined}
      aria-label={bilingual ? t("row.label", { n: row.position + 1, state: stateLabel }) : t("row.sentenceLabel", { n: row.position + 1, state: stateLabel })}
      onClick={() => actions.select(index)}
      onFocus={(e) => { if (e.target === e.currentTarget) actions.select(index); }}
    >
      <div className="cell num">
        <span className="row-number">{row.position + 1}</span>
        {bilingual && <span className={`status-badge ${row.status}`} title={t(`status.${row.status}`)} aria-hidden="true">{row.status === "confirmed" ? "✓" : "·"}</span>}
        {row.openFlags > 0 && <span className="flag-count" title={t("status.findings", { count: row.openFlags })} aria-hidden="true">{row.openFlags}</span>}
      </div>
      <div className="cell side source" lang={langs.source}><Sentences side="source" positions={row.source} props={props} /></div>
      {bilingual && <div className="cell side target" lang={langs.target ?? undefined}><Sentences side="target" positions={row.target} props={props} /></div>}
      {bilingual && (
        <div className="cell confidence" title={t("row.confidence")}>
          <span className="num">{formatNumber(i18n.language, row.confidence, 2)}</span>
          <span className="confidence-bar" aria-hidden="true"><span style={{ width: `${Math.round(row.confidence * 100)}%` }} /></span>
        </div>
      )}
    </div>
  );
});
