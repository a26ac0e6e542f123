// The parts of a quality report: score, counts, issues in context, alignment, activity.
import { FLAG_STATUSES } from "../lib/document";
import { SEVERITIES, type CategoryCount, type QualityReport, type ReportIssue, type ReviewerActivity, type ScoreSummary, type AlignmentSummary, type ActivityEntry } from "../lib/report/types";
import { SEVERITY_COLORS, ShareBar } from "./charts";
import type { ReportText } from "./text";

/** How many change entries a report lists; the JSON download has them all. */
export const MAX_ENTRIES = 200;

function ScoreGroup({ score: s, c, kind }: { score: ScoreSummary; c: ReportText; kind: "delivered" | "remaining" }) {
  const verdict = s.pass ? "pass" : "fail";
  return (
    <div className="score-group" data-testid={`score-${kind}`}>
      <h3>{c.t(`score.${kind}`)}</h3>
      <div className="cards">
        <div className="card"><span>{c.t("score.quality")}</span><b className={verdict} data-testid={`quality-${kind}`}>{c.num(s.qualityScore, 2)}</b></div>
        <div className="card"><span>{c.t("score.per1000")}</span><b>{c.num(s.penaltyPer1000, 2)}</b></div>
        <div className="card"><span>{c.t("score.penalty")}</span><b>{c.num(s.penalty)}</b></div>
        <div className="card"><span>{c.t("score.counted")}</span><b data-testid={`counted-${kind}`}>{c.num(s.counted)}</b></div>
        <div className="card"><span>{"\u00a0"}</span><b><span className={`badge ${verdict}`} data-result={verdict}>{c.t(`score.${verdict}`)}</span></b></div>
      </div>
      <small className="explain">{c.t(`score.${kind}Hint`)}</small>
    </div>
  );
}

/** The two figures of a report: the translation as delivered, and what remains open after review. */
export function ScoreCards({ score: s, remaining, c }: { score: ScoreSummary; remaining: ScoreSummary; c: ReportText }) {
  return (
    <div data-testid="score">
      <ScoreGroup score={s} c={c} kind="delivered" />
      <ScoreGroup score={remaining} c={c} kind="remaining" />
      <div className="cards">
        <div className="card"><span>{c.t("score.threshold")}</span><b>{c.num(s.threshold, 2)}</b></div>
        <div className="card"><span>{c.t("score.words")}</span><b>{c.num(s.words)}</b></div>
      </div>
      <small className="explain">{c.t("score.explanation", { threshold: c.num(s.threshold, 2) })}</small>
    </div>
  );
}

export function CountsTable({ counts, c }: { counts: CategoryCount[]; c: ReportText }) {
  const categories = [...new Set(counts.map((x) => x.category))];
  if (!categories.length) return null;
  const cell = (cat: string, s: string) => counts.filter((x) => x.category === cat && x.severity === s).reduce((n, x) => n + x.findings + x.annotations, 0);
  return (
    <table className="counts">
      <thead>
        <tr>
          <th>{c.t("table.category")}</th>
          {SEVERITIES.map((s) => <th key={s} className="n">{c.t(`severity.${s}`)}</th>)}
          <th className="n">{c.t("table.total")}</th><th className="n">{c.t("table.penalty")}</th>
        </tr>
      </thead>
      <tbody>
        {categories.map((cat) => {
          const inCat = counts.filter((x) => x.category === cat);
          return (
            <tr key={cat}>
              <td>{c.t(`category.${cat}`)}</td>
              {SEVERITIES.map((s) => <td key={s} className="n">{cell(cat, s) || ""}</td>)}
              <td className="n">{inCat.reduce((n, x) => n + x.findings + x.annotations, 0)}</td>
              <td className="n">{inCat.reduce((n, x) => n + x.penalty, 0)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Findings by status and annotations, and how many doubtful findings the report leaves out. */
export function Totals({ report, c, showHiddenHref }: { report: Pick<QualityReport, "totals" | "minConfidence">; c: ReportText; showHiddenHref?: string }) {
  const { totals } = report;
  return (
    <>
      <p className="muted">
        {c.t("totals.findings")}: {FLAG_STATUSES.map((s) => `${c.t(`issues.status.${s}`)} ${totals.findings[s]}`).join(" · ")}
        {" — "}{c.t("totals.annotations")}: {totals.annotations}
      </p>
      {totals.hidden > 0 && (
        <p className="muted" data-testid="hidden-findings">
          {c.t("totals.hidden", { count: totals.hidden, min: c.num(report.minConfidence, 0, 2) })}
          {showHiddenHref && <>{" "}<a href={showHiddenHref}>{c.t("totals.showHidden")}</a></>}
        </p>
      )}
    </>
  );
}

function Highlighted({ text, span, excerpt }: { text: string; span: [number, number]; excerpt: string }) {
  if (!excerpt || text.slice(span[0], span[1]) !== excerpt) return <>{text}</>;
  return <>{text.slice(0, span[0])}<mark>{excerpt}</mark>{text.slice(span[1])}</>;
}

export function IssueCard({ issue: i, c }: { issue: ReportIssue; c: ReportText }) {
  const side = (name: "source" | "target") => {
    const texts = i.context[name];
    return (
      <div>
        <span className="label">{c.t(`issues.${name}`)}</span>
        {texts.length === 0 ? <span className="muted">—</span> : texts.map((text, k) => (
          <span key={k}>{k > 0 && " "}{i.side === name && k === i.context.at ? <Highlighted text={text} span={i.span} excerpt={i.excerpt} /> : text}</span>
        ))}
      </div>
    );
  };
  const where = i.linkPosition !== null ? c.t("issues.link", { n: i.linkPosition + 1 }) : c.t("issues.sentence", { n: i.sentence + 1 });
  const who = (login: string | null) => (login === null ? c.t("issues.someone") : c.person(login));
  const decision = i.kind === "annotation"
    ? c.t("issues.annotatedBy", { who: who(i.author), date: c.date(i.decidedAt) })
    : i.status === "open" ? c.t("issues.undecided")
    : i.status === "fixed" ? `${c.t("issues.status.fixed")}, ${c.date(i.decidedAt)}`
    : c.t("issues.decided", { status: c.t(`issues.status.${i.status}`), who: who(i.decidedBy), date: c.date(i.decidedAt) });
  const counting = i.sameSpanAs ? c.t(i.sameSpanAs.kind === "annotation" ? "issues.sameSpanAnnotation" : "issues.sameSpanFinding")
    : !i.counted ? c.t("issues.notCounted") : i.remaining ? c.t("issues.stillOpen") : c.t("issues.resolved");
  return (
    <article className={`issue ${i.status}`} style={{ borderLeftColor: SEVERITY_COLORS[i.severity] }} data-kind={i.kind} data-id={i.id}>
      <header>
        <b>{c.t(`severity.${i.severity}`)}</b><span>{c.t(`category.${i.category}`)}</span>
        <span className="muted">{c.t(`issues.${i.kind}`)} · {where}</span>
      </header>
      <div className="pair">{side("source")}{side("target")}</div>
      {i.message && <p>{c.finding(i.message)}{i.detector && <>{" "}<span className="muted">({c.t("issues.detector")}: {i.detector})</span></>}</p>}
      {i.comment && <p><b>{c.t("issues.comment")}:</b> {i.comment}</p>}
      {i.suggestion !== null && <p><b>{c.t("issues.suggestion")}:</b> “{i.suggestion}”</p>}
      <p className="muted" data-testid="issue-decision">{c.t("issues.decision")}: {decision} · {counting}</p>
    </article>
  );
}

export function ReviewersTable({ reviewers, c }: { reviewers: ReviewerActivity[]; c: ReportText }) {
  if (!reviewers.length) return <p className="empty">{c.t("activity.none")}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>{c.t("activity.reviewer")}</th><th className="n">{c.t("activity.changes")}</th><th className="n">{c.t("activity.undone")}</th>
          <th>{c.t("activity.operations")}</th><th>{c.t("activity.first")}</th><th>{c.t("activity.last")}</th>
        </tr>
      </thead>
      <tbody>
        {reviewers.map((r) => (
          <tr key={r.reviewer ?? ""}>
            <td>{r.reviewer !== null ? c.person(r.reviewer) : <span className="muted">{c.t("activity.nobody")}</span>}</td>
            <td className="n">{r.changes}</td><td className="n">{r.undone}</td>
            <td>{Object.entries(r.operations).sort((a, b) => b[1] - a[1]).map(([op, n]) => `${c.operation(op)} ×${n}`).join(", ")}</td>
            <td>{c.date(r.first)}</td><td>{c.date(r.last)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RecentChanges({ entries: all, c }: { entries: ActivityEntry[]; c: ReportText }) {
  const entries = all.slice(0, MAX_ENTRIES);
  if (!entries.length) return null;
  return (
    <>
      <h3>{c.t("activity.recent")}</h3>
      <table>
        <thead><tr><th>{c.t("activity.when")}</th><th>{c.t("activity.reviewer")}</th><th>{c.t("activity.operations")}</th><th>{c.t("activity.entity")}</th></tr></thead>
        <tbody>
          {entries.map((e, k) => (
            <tr key={k} className={e.undone ? "muted" : undefined}>
              <td>{c.date(e.at)}</td>
              <td>{e.reviewer !== null ? c.person(e.reviewer) : <span className="muted">{c.t("activity.nobody")}</span>}</td>
              <td>{c.operation(e.operation)}{e.undone && ` (${c.t("activity.undone")})`}</td>
              <td>{c.t(`entities.${e.entity}`)}{e.entityId !== null && ` ${e.entityId}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {all.length > entries.length && <p className="muted">{c.t("activity.more", { count: all.length - entries.length })}</p>}
    </>
  );
}

export function AlignmentSection({ alignment: a, corrections, c }: { alignment: AlignmentSummary | null; corrections?: QualityReport["corrections"]; c: ReportText }) {
  if (!a) return <p className="empty">{c.t("alignment.single")}</p>;
  return (
    <>
      <table className="alignment">
        <tbody>
          <tr><th>{c.t("alignment.links")}</th><td className="n">{a.links}</td></tr>
          <tr><th>{c.t("alignment.sentences")}</th><td className="n">{a.sourceSentences} / {a.targetSentences}</td></tr>
          <tr><th>{c.t("alignment.confirmed")}</th><td className="n">{a.confirmed} ({c.num(a.confirmedShare * 100)} %) <ShareBar share={a.confirmedShare} label={c.t("alignment.confirmed")} /></td></tr>
          <tr><th>{c.t("alignment.lowConfidence", { threshold: c.num(a.lowConfidenceThreshold, 2) })}</th><td className="n">{a.lowConfidence}</td></tr>
          <tr><th>{c.t("alignment.meanConfidence")}</th><td className="n">{c.num(a.meanConfidence, 2)}</td></tr>
          <tr><th>{c.t("alignment.omissions")}</th><td className="n">{a.omissions}</td></tr>
          <tr><th>{c.t("alignment.additions")}</th><td className="n">{a.additions}</td></tr>
          {corrections && <tr><th>{c.t("alignment.corrections")}</th><td className="n">{corrections.sourceSegments} / {corrections.targetSegments}</td></tr>}
        </tbody>
      </table>
      <table className="types">
        <thead><tr><th>{c.t("alignment.type")}</th><th className="n">{c.t("alignment.count")}</th></tr></thead>
        <tbody>
          {Object.entries(a.byType).sort((x, y) => y[1] - x[1]).map(([type, n]) => <tr key={type}><td>{type}</td><td className="n">{n}</td></tr>)}
        </tbody>
      </table>
    </>
  );
}
