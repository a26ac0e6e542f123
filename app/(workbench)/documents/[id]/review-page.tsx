"use client";
// The review page: windowed side-by-side list, alignment map, side panel, keyboard map.
// Every change goes through useReview (server-side, versioned, undoable); this component
// decides what the reviewer meant and builds the request from the latest snapshot.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "@/lib/i18n/format";
import { HINT_GAP, hintPosition, type Box } from "./hint-position";
import type { AnnotationRecord, DocumentSnapshot, SegmentRecord } from "@/lib/document";
import type { MqmCategory, Severity, Side } from "@/lib/types";
import { AlignmentMap } from "./alignment-map";
import { HistoryPanel } from "./history-panel";
import { LinkPanel, findingText, type AnnotationDraft, type PanelActions } from "./link-panel";
import { LinkRow, type RowActions } from "./link-row";
import { buildIndex, buildWorkIndex, findRow, isDoubtful, isProblem, matchesFilter, visibleRows, type Filter } from "./review-model";
import { commandFor, ShortcutsOverlay, type Command } from "./shortcuts";
import { useReview, type OperationRequestBody, type Touched } from "./use-review";
import { createRangeStore } from "./visible-range";
import { nextSelection, selectOffsets, sentenceTextElement, wordSpans, type WordSelection } from "./keyboard-selection";
import { SearchPanel, type SearchPanelHandle } from "./search-panel";
import type { SearchHit, SearchQuery } from "@/lib/review/types";
import { VirtualList, type VirtualListHandle } from "./virtual-list";
import { fromWire, type WireSnapshot } from "./wire";
import { displayLabel } from "@/lib/text-hygiene";

interface Props {
  initial: WireSnapshot;
  me: { login: string; name: string };
  reviewers: Record<string, string>;
  touched: Touched;
  /** Open findings below this confidence are hidden until the reviewer asks for them. */
  minConfidence: number;
  /** Link id → number of comments. */
  commentCounts?: Record<number, number>;
}

const LINK_COMMANDS = new Set<Command>(["mergeNext", "mergePrevious", "splitLink", "shiftSourceUp", "shiftSourceDown", "shiftTargetUp", "shiftTargetDown", "gapSource", "gapTarget", "confirm", "confirmThrough", "realign"]);

/** Offsets of the current selection within one sentence's text, or null. */
function selectionInSentence(): AnnotationDraft | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const elementOf = (n: Node) => (n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement);
  const textEl = elementOf(range.startContainer)?.closest(".sentence-text");
  if (!textEl || textEl !== elementOf(range.endContainer)?.closest(".sentence-text")) return null;
  const sentence = textEl.closest<HTMLElement>(".sentence");
  if (!sentence) return null;
  const before = document.createRange();
  before.selectNodeContents(textEl);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const quote = range.toString();
  if (!quote.trim()) return null;
  return { segmentId: Number(sentence.dataset.segmentId), side: sentence.dataset.side as Side, position: Number(sentence.dataset.position), start, end: start + quote.length, quote };
}

export function ReviewPage({ initial, me, reviewers, touched: initialTouched, minConfidence, commentCounts: initialComments }: Props) {
  const { t, i18n } = useTranslation("review");
  const [expanded] = useState(() => fromWire(initial));
  const review = useReview(expanded, me, initialTouched);
  const { snapshot, operate, say } = review;
  const bilingual = snapshot.document.targetLang !== null;
  const [showDoubtful, setShowDoubtful] = useState(false);
  const lookup = useMemo(() => buildIndex(snapshot, showDoubtful ? 0 : minConfidence), [snapshot, showDoubtful, minConfidence]);
  const { rows } = lookup;

  const [filter, setFilter] = useState<Filter>("all");
  const [commentCounts, setCommentCounts] = useState<Record<number, number>>(initialComments ?? {});
  const work = useMemo(() => buildWorkIndex(snapshot, rows, review.touched, commentCounts), [snapshot, rows, review.touched, commentCounts]);
  const onComments = useCallback((linkId: number, count: number) => setCommentCounts((c) => ({ ...c, [linkId]: count })), []);
  const shown = useMemo(() => visibleRows(lookup, filter, work), [lookup, filter, work]);
  const [currentKey, setCurrentKey] = useState<number | null>(rows[0]?.key ?? null);
  const lastIndex = useRef(0);
  const keyIndex = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows]);
  let current = currentKey !== null ? keyIndex.get(currentKey) ?? -1 : -1;
  if (current < 0) current = Math.min(lastIndex.current, rows.length - 1);
  lastIndex.current = Math.max(0, current);
  const row = current >= 0 ? rows[current] : null;

  const [editing, setEditing] = useState<{ side: Side; position: number } | null>(null);
  const activeSentence = useRef<{ side: Side; position: number } | null>(null);
  const [draft, setDraft] = useState<AnnotationDraft | null>(null);
  const [help, setHelp] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [docHistory, setDocHistory] = useState(false);
  const [hint, setHint] = useState<{ flagIds: number[]; anchor: Box } | null>(null);
  const hintBox = useRef<HTMLDivElement | null>(null);
  const hintTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [rangeStore] = useState(createRangeStore);
  const list = useRef<VirtualListHandle>(null);
  const filterSelect = useRef<HTMLSelectElement>(null);
  const [searchOpen, setSearchOpen] = useState(false);
  const searchPanel = useRef<SearchPanelHandle>(null);
  const [searchTick, setSearchTick] = useState(0);
  useEffect(() => { if (searchTick) searchPanel.current?.focus(); }, [searchTick]);
  /** Words selected from the keyboard (Shift+arrows) in a sentence of the current row. */
  const wordSelection = useRef<WordSelection | null>(null);
  const focusWanted = useRef(false);
  const [focusTick, setFocusTick] = useState(0);
  /** Set once hydrated: tests and the benchmark wait for it before typing. */
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  // Keep the current row's key when rows are rebuilt, and fall back to the same place.
  useEffect(() => { if (row && row.key !== currentKey) setCurrentKey(row.key); }, [row, currentKey]);

  const listPosition = useCallback((rowIndex: number) => {
    let lo = 0, hi = shown.length - 1;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (shown[mid] === rowIndex) return mid; if (shown[mid] < rowIndex) lo = mid + 1; else hi = mid - 1; }
    return -1;
  }, [shown]);

  const goTo = useCallback((rowIndex: number, focus = true) => {
    if (rowIndex < 0 || rowIndex >= rows.length) return;
    activeSentence.current = null;
    setCurrentKey(rows[rowIndex].key);
    lastIndex.current = rowIndex;
    if (!matchesFilter(rows[rowIndex], filter, work)) setFilter("all");
    focusWanted.current = focus;
    setFocusTick((n) => n + 1);
  }, [rows, filter, work]);

  // After a move: scroll the row into view (the windowed list mounts it) and focus it.
  useEffect(() => {
    if (focusTick === 0) return;
    const pos = listPosition(current);
    if (pos < 0) return;
    list.current?.scrollToIndex(pos);
    // A row far away is mounted by the windowed list only a frame or two after the scroll:
    // keep trying for a few frames, or the focus would stay on the page (or a button).
    let frame = 0;
    const settle = (tries: number) => {
      frame = requestAnimationFrame(() => {
        list.current?.scrollToIndex(pos);
        const el = document.getElementById(`row-${current}`);
        if (el && focusWanted.current) el.focus({ preventScroll: true });
        if (!el && tries > 0) settle(tries - 1);
      });
    };
    settle(10);
    return () => cancelAnimationFrame(frame);
    // only when a move was requested
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusTick]);

  const refocus = useCallback(() => { focusWanted.current = true; setFocusTick((n) => n + 1); }, []);

  // The selection follows the change: after an operation, undo or redo the link it changed is
  // the current one, scrolled into view, with the focus in the list (not left on a button or
  // the page, where the next key would act on a link the reviewer cannot see). An undo or redo
  // may land outside the filter: then the filter is lifted, as for any move; an operation on a
  // row that now falls outside it keeps the filter.
  useEffect(() => {
    const landed = review.landed;
    if (!landed) return;
    const index = "linkId" in landed.place ? lookup.rowOfLink.get(landed.place.linkId) ?? -1 : lookup.rowOfSentence[landed.place.side][landed.place.position] ?? -1;
    if (index < 0 || index >= rows.length) return;
    const focus = editing === null && draft === null;
    if (landed.replay || matchesFilter(rows[index], filter)) { goTo(index, focus); return; }
    setCurrentKey(rows[index].key);
    lastIndex.current = index;
    // only when a change landed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [review.landed]);

  // ---- building requests from the latest snapshot -------------------------------------------
  const linkRequest = useCallback((linkId: number, make: (s: DocumentSnapshot, li: number) => OperationRequestBody | string) => {
    return operate((s) => {
      const li = s.links.findIndex((l) => l.id === linkId);
      if (li < 0) { say("error", t("errors.linkGone")); return null; }
      const result = make(s, li);
      if (typeof result === "string") { say("error", result); return null; }
      return result;
    });
  }, [operate, say, t]);

  const withNeighbour = useCallback((op: OperationRequestBody["operation"], dir: 1 | -1, why: string) => (s: DocumentSnapshot, li: number): OperationRequestBody | string => {
    const link = s.links[li];
    const other = s.links[li + dir];
    if (!other) return why;
    return { operation: op, expectedVersion: link.version, expectedVersions: { links: { [other.id]: other.version } } };
  }, []);

  const segmentRequest = useCallback((segmentId: number, side: Side, make: (s: DocumentSnapshot, seg: SegmentRecord) => OperationRequestBody | string) => {
    return operate((s) => {
      const seg = s[side].find((x) => x.id === segmentId);
      if (!seg) { say("error", t("errors.sentenceGone")); return null; }
      const r = make(s, seg);
      if (typeof r === "string") { say("error", r); return null; }
      return r;
    });
  }, [operate, say, t]);

  const joinSentence = useCallback((side: Side, position: number) => {
    const seg = snapshot[side][position];
    if (!seg) return Promise.resolve(false);
    return segmentRequest(seg.id, side, (s, cur) => {
      const next = s[side][cur.position + 1];
      if (!next) return t("errors.noNextSentence");
      return { operation: { op: "joinWithNext", segmentId: cur.id }, expectedVersion: cur.version, expectedVersions: { segments: { [next.id]: next.version } } };
    });
  }, [snapshot, segmentRequest, t]);

  const runCommand = useCallback((command: Command) => {
    if (LINK_COMMANDS.has(command)) {
      if (!row || row.linkId === null) { say("info", t("errors.noLinks")); return; }
    }
    const linkId = row?.linkId ?? 0;
    const shift = (side: Side, which: "first" | "last") => {
      const dir = which === "first" ? -1 : 1;
      return linkRequest(linkId, (s, li) => {
        if (s.links[li][side].length === 0) return t("errors.shiftEmpty", { side: t(`side.${side}`) });
        return withNeighbour({ op: "shift", linkId, side, which }, dir, t(dir < 0 ? "errors.noPrevious" : "errors.noNext"))(s, li);
      });
    };
    switch (command) {
      case "next": { const pos = listPosition(current); if (pos + 1 < shown.length) goTo(shown[pos + 1]); else if (pos < 0 && shown.length) goTo(shown[0]); return; }
      case "previous": { const pos = listPosition(current); if (pos > 0) goTo(shown[pos - 1]); return; }
      case "nextProblem":
      case "previousProblem": {
        const test = filter === "all" ? isProblem : (r: (typeof rows)[number]) => matchesFilter(r, filter, work);
        const found = findRow(rows, current, command === "nextProblem" ? 1 : -1, test);
        if (found >= 0) goTo(found); else say("info", t(command === "nextProblem" ? "errors.noNextProblem" : "errors.noPreviousProblem"));
        return;
      }
      case "mergeNext": void linkRequest(linkId, withNeighbour({ op: "mergeWithNext", linkId }, 1, t("errors.noNext"))); return;
      case "mergePrevious": void linkRequest(linkId, withNeighbour({ op: "mergeWithPrevious", linkId }, -1, t("errors.noPrevious"))); return;
      case "splitLink":
        void linkRequest(linkId, (s, li) => {
          const l = s.links[li];
          if (l.source.length + l.target.length <= 2 || (l.source.length <= 1 && l.target.length <= 1)) return t("errors.cannotSplit");
          return { operation: { op: "splitLink", linkId }, expectedVersion: l.version };
        });
        return;
      case "shiftSourceUp": void shift("source", "first"); return;
      case "shiftSourceDown": void shift("source", "last"); return;
      case "shiftTargetUp": void shift("target", "first"); return;
      case "shiftTargetDown": void shift("target", "last"); return;
      case "gapSource":
      case "gapTarget": {
        const side: Side = command === "gapSource" ? "source" : "target";
        void linkRequest(linkId, (s, li) => {
          const l = s.links[li];
          if (l[side].length === 0 || l[side === "source" ? "target" : "source"].length === 0) return t("errors.gapAlready");
          return { operation: { op: "insertGap", linkId, side }, expectedVersion: l.version };
        });
        return;
      }
      case "confirm":
        void linkRequest(linkId, (s, li) => {
          const l = s.links[li];
          return { operation: l.status === "confirmed" ? { op: "unconfirm", linkId } : { op: "confirm", linkId }, expectedVersion: l.version };
        });
        return;
      case "confirmThrough": void linkRequest(linkId, (s) => ({ operation: { op: "confirmThrough", linkId }, expectedVersion: s.document.version })); return;
      case "realign":
        void linkRequest(linkId, (s) => ({ operation: { op: "realignFrom", linkId }, expectedVersion: s.document.version })).then((ok) => { if (ok) say("info", t("notice.realigned")); });
        return;
      case "editTarget":
      case "editSource": {
        if (!row) return;
        const preferred: Side = command === "editSource" || !bilingual ? "source" : "target";
        const active = activeSentence.current;
        const target = active && row[active.side].includes(active.position) && command === "editTarget" ? active
          : row[preferred].length ? { side: preferred, position: row[preferred][0] }
            : row.source.length ? { side: "source" as Side, position: row.source[0] } : { side: "target" as Side, position: row.target[0] };
        setEditing(target);
        return;
      }
      case "joinSentence": {
        if (!row) return;
        const active = activeSentence.current;
        const at = active && row[active.side].includes(active.position) ? active
          : row.target.length && bilingual ? { side: "target" as Side, position: row.target[row.target.length - 1] } : { side: "source" as Side, position: row.source[row.source.length - 1] };
        void joinSentence(at.side, at.position);
        return;
      }
      case "selectWordNext": case "selectWordBack": case "selectionLeft": case "selectionRight":
      case "selectNextSentence": case "selectPreviousSentence": {
        if (!row) return;
        const sentences = ([...(bilingual ? ["target", "source"] : ["source"])] as Side[]).flatMap((side) => row[side].map((position) => ({ side, position })));
        if (!sentences.length) return;
        const previous = wordSelection.current;
        const inRow = (x: { side: Side; position: number } | null) => !!x && sentences.some((c) => c.side === x.side && c.position === x.position);
        let at = inRow(previous) ? { side: previous!.side, position: previous!.position } : inRow(activeSentence.current) ? activeSentence.current! : sentences[0];
        let action: Parameters<typeof nextSelection>[3] = command === "selectWordNext" ? "extend" : command === "selectWordBack" ? "shrink" : command === "selectionLeft" ? "move-left" : "move-right";
        let base = inRow(previous) ? previous : null;
        if (command === "selectNextSentence" || command === "selectPreviousSentence") {
          const k = sentences.findIndex((c) => c.side === at.side && c.position === at.position);
          at = sentences[Math.max(0, Math.min(sentences.length - 1, k + (command === "selectNextSentence" ? 1 : -1)))];
          action = "extend";
          base = null;
        }
        if (!base && action !== "extend") return;
        const words = wordSpans(snapshot[at.side][at.position]?.text ?? "");
        const next = nextSelection(base, at, words.length, action);
        const element = sentenceTextElement(current, at.side, at.position);
        if (!next || !element) return;
        wordSelection.current = next;
        activeSentence.current = at;
        selectOffsets(element, words[next.first][0], words[next.last][1]);
        return;
      }
      case "search": setSearchOpen(true); setSearchTick((n) => n + 1); return;
      case "annotate": {
        const d = selectionInSentence();
        if (!d) { say("info", t("errors.selectFirst")); return; }
        const ri = lookup.rowOfSentence[d.side][d.position];
        if (ri >= 0 && ri !== current) goTo(ri, false);
        setDraft(d);
        return;
      }
      case "undo": void review.undoLast(); return;
      case "redo": void review.redoLast(); return;
      case "history": setHistoryOpen((o) => !o); return;
      case "filter": filterSelect.current?.focus(); return;
      case "help": setHelp((h) => !h); return;
    }
  }, [row, current, shown, rows, filter, work, bilingual, lookup, snapshot, goTo, listPosition, linkRequest, withNeighbour, joinSentence, say, t, review]);

  const saveEdit = useCallback(async (segment: SegmentRecord, text: string) => {
    if (text === segment.text) { setEditing(null); refocus(); return true; }
    const ok = await segmentRequest(segment.id, segment.side, (_s, cur) => ({ operation: { op: "editText", segmentId: cur.id, text }, expectedVersion: cur.version }));
    if (ok) { setEditing(null); refocus(); }
    return ok;
  }, [segmentRequest, refocus]);

  const splitSentence = useCallback(async (segment: SegmentRecord, text: string, at: number) => {
    if (at <= 0 || at >= text.length || !text.slice(0, at).trim() || !text.slice(at).trim()) { say("error", t("errors.splitWhere")); return; }
    if (text !== segment.text) {
      const saved = await segmentRequest(segment.id, segment.side, (_s, cur) => ({ operation: { op: "editText", segmentId: cur.id, text }, expectedVersion: cur.version }));
      if (!saved) return;
    }
    const ok = await segmentRequest(segment.id, segment.side, (_s, cur) => ({ operation: { op: "splitSentence", segmentId: cur.id, at }, expectedVersion: cur.version }));
    if (ok) { setEditing(null); refocus(); }
  }, [segmentRequest, say, t, refocus]);

  const decideFlag = useCallback((flagId: number, decision: "accepted" | "dismissed" | "open") => {
    setHint(null);
    void operate((s) => {
      const flag = s.flags.find((f) => f.id === flagId);
      if (!flag) { say("error", t("errors.findingGone")); return null; }
      const seg = s[flag.side][flag.sentence];
      if (!seg) { say("error", t("errors.sentenceGone")); return null; }
      return { operation: { op: "decideFlag", flagId, decision, from: flag.status }, expectedVersion: seg.version };
    });
  }, [operate, say, t]);

  const acceptSimilar = useCallback((flagId: number, count: number) => {
    void review.bulk((s) => ({ operation: { op: "acceptSimilar", flagId }, expectedVersion: s.document.version }))
      .then((ok) => { if (ok) say("info", t("bulk.accepted", { count })); });
  }, [review, say, t]);
  const dismissDetector = useCallback((detector: string, count: number) => {
    void review.bulk((s) => ({ operation: { op: "dismissDetector", detector }, expectedVersion: s.document.version }))
      .then((ok) => { if (ok) say("info", t("bulk.dismissed", { count })); });
  }, [review, say, t]);

  const showMatch = useCallback((hit: SearchHit) => {
    const ri = lookup.rowOfSentence[hit.side][hit.position];
    if (ri < 0) return;
    goTo(ri, false);
    // Mark the match with the page's selection once the windowed list has mounted its row.
    let frames = 0;
    const mark = () => {
      const element = sentenceTextElement(ri, hit.side, hit.position);
      if (element) { wordSelection.current = null; selectOffsets(element, hit.start, hit.end); } else if (++frames < 30) requestAnimationFrame(mark);
    };
    requestAnimationFrame(mark);
  }, [lookup, goTo]);
  const replaceOne = useCallback((hit: SearchHit, query: SearchQuery, replacement: string) => review.bulk((s) => {
    const seg = s[hit.side].find((x) => x.id === hit.segmentId);
    if (!seg) { say("error", t("errors.sentenceGone")); return null; }
    return { operation: { op: "replace", segmentId: seg.id, start: hit.start, end: hit.end, query, replacement }, expectedVersion: seg.version };
  }), [review, say, t]);
  const replaceAll = useCallback(async (query: SearchQuery, replacement: string, count: number) => {
    if (!window.confirm(t("search.confirmAll", { count }))) return false;
    const ok = await review.bulk((s) => ({ operation: { op: "replaceAll", query, replacement }, expectedVersion: s.document.version }));
    if (ok) say("info", t("search.replacedAll"));
    return ok;
  }, [review, say, t]);

  const rowActions: RowActions = useMemo(() => ({
    select: (index: number) => { if (rows[index]) { setCurrentKey(rows[index].key); lastIndex.current = index; } },
    focusSentence: (side, position) => { activeSentence.current = { side, position }; },
    showHint: (flagIds, anchor) => {
      if (hintTimer.current) clearTimeout(hintTimer.current);
      const r = anchor.getBoundingClientRect();
      setHint({ flagIds, anchor: { top: r.top, bottom: r.bottom, left: r.left } });
    },
    hideHint: () => {
      if (hintTimer.current) clearTimeout(hintTimer.current);
      hintTimer.current = setTimeout(() => setHint(null), 250);
    },
    decideFlag,
    noSuggestion: () => say("info", t("finding.noSuggestion")),
    saveEdit,
    splitSentence: (segment, text, at) => { void splitSentence(segment, text, at); },
    cancelEdit: () => { setEditing(null); refocus(); },
  }), [rows, decideFlag, saveEdit, splitSentence, refocus, say, t]);

  const panelActions: PanelActions = useMemo(() => ({
    command: runCommand,
    startEdit: (side, position) => setEditing({ side, position }),
    joinSentence: (side, position) => { void joinSentence(side, position); },
    decideFlag,
    acceptSimilar,
    dismissDetector,
    addAnnotation: async (d, category: MqmCategory, severity: Severity, comment) => {
      const ok = await segmentRequest(d.segmentId, d.side, (_s, cur) => {
        if (cur.text.slice(d.start, d.end) !== d.quote) return t("errors.selectionChanged");
        return { operation: { op: "addAnnotation", segmentId: cur.id, start: d.start, end: d.end, category, severity, comment }, expectedVersion: cur.version };
      });
      if (ok) { setDraft(null); wordSelection.current = null; window.getSelection()?.removeAllRanges(); refocus(); }
      return ok;
    },
    updateAnnotation: (a: AnnotationRecord, fields) => operate((s) => {
      const cur = s.annotations.find((x) => x.id === a.id);
      if (!cur) { say("error", t("errors.annotationGone")); return null; }
      return { operation: { op: "updateAnnotation", annotationId: a.id, ...fields }, expectedVersion: cur.version };
    }),
    deleteAnnotation: (a: AnnotationRecord) => {
      if (!window.confirm(t("annotation.confirmDelete"))) return;
      void operate((s) => {
        const cur = s.annotations.find((x) => x.id === a.id);
        if (!cur) { say("error", t("errors.annotationGone")); return null; }
        return { operation: { op: "deleteAnnotation", annotationId: a.id }, expectedVersion: cur.version };
      });
    },
    cancelDraft: () => { setDraft(null); refocus(); },
  }), [runCommand, joinSentence, decideFlag, acceptSimilar, dismissDetector, segmentRequest, operate, say, t, refocus]);

  // ---- keyboard -------------------------------------------------------------------------------
  const commandRef = useRef(runCommand);
  commandRef.current = runCommand;
  const refocusRef = useRef(refocus);
  refocusRef.current = refocus;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const target = e.target as HTMLElement | null;
      // Escape in the filter, the search or another field of the page goes back to the list (the
      // sentence editor and the annotation form handle their own Escape: they close themselves).
      if (e.key === "Escape" && target?.closest("input, textarea, select") && !target.closest(".overlay, .sentence-editor, .annotation-form")) {
        e.preventDefault();
        refocusRef.current();
        return;
      }
      if (target?.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], .overlay")) return;
      if (target?.closest("button, a") && (e.key === "Enter" || e.key === " ")) return;
      const command = commandFor(e);
      if (!command) {
        if (e.key === "Escape") { setHint(null); setDraft(null); wordSelection.current = null; }
        return;
      }
      e.preventDefault();
      commandRef.current(command);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const onRange = useCallback((a: number, b: number) => rangeStore.set(a, b), [rangeStore]);
  const segments = useMemo(() => ({ source: snapshot.source, target: snapshot.target }), [snapshot.source, snapshot.target]);
  const langs = useMemo(() => ({ source: snapshot.document.sourceLang, target: snapshot.document.targetLang }), [snapshot.document.sourceLang, snapshot.document.targetLang]);
  const itemKey = useCallback((i: number) => rows[shown[i]]?.key ?? -i - 1, [rows, shown]);
  const renderItem = useCallback((i: number) => {
    const ri = shown[i];
    return (
      <LinkRow
        row={rows[ri]}
        index={ri}
        bilingual={bilingual}
        segments={segments}
        lookup={lookup}
        langs={langs}
        current={ri === current}
        editing={ri === current ? editing : null}
        touched={review.touched}
        reviewers={reviewers}
        actions={rowActions}
      />
    );
  }, [shown, rows, bilingual, segments, langs, lookup, current, editing, review.touched, reviewers, rowActions]);

  // Placed once its size is known: above the marked words when below would leave the window.
  useLayoutEffect(() => {
    const el = hintBox.current;
    if (!hint || !el) return;
    const { top, left } = hintPosition(hint.anchor, { width: el.offsetWidth, height: el.offsetHeight }, { width: window.innerWidth, height: window.innerHeight });
    el.style.top = `${top}px`;
    el.style.left = `${left}px`;
  }, [hint]);
  // A hint belongs to the list as it was: another filter shows other rows.
  useEffect(() => { setHint(null); }, [filter, showDoubtful]);
  const hintFlags = hint ? snapshot.flags.filter((f) => hint.flagIds.includes(f.id) && f.status === "open" && (showDoubtful || !isDoubtful(f, minConfidence))) : [];
  const name = (code: string) => t(`common:languages.${code}`, { defaultValue: code });
  const doc = snapshot.document;

  return (
    <section className="review" data-testid="review" data-version={doc.version} data-ready={ready ? "true" : undefined}>
      <header className="review-head">
        <h1>{displayLabel(doc.title)}</h1>
        <p className="meta" data-testid="review-summary">
          {bilingual ? `${name(doc.sourceLang)} → ${name(doc.targetLang!)}` : name(doc.sourceLang)}
          {" · "}{bilingual ? t("summary.links", { count: rows.length }) : t("summary.sentences", { count: rows.length })}
          {bilingual && <>{" · "}{t("summary.confirmed", { count: lookup.confirmed, total: rows.length })}</>}
          {" · "}{t("summary.findings", { count: lookup.openFindings })}
        </p>
      </header>

      <div className="review-toolbar" role="toolbar" aria-label={t("toolbar.label")}>
        <label className="inline">
          <span>{t("filter.label")}</span>
          <select ref={filterSelect} value={filter} onChange={(e) => setFilter(e.target.value as Filter)} data-testid="filter">
            <option value="all">{t("filter.all")}</option>
            <option value="flagged">{t("filter.flagged")}</option>
            {bilingual && <option value="unconfirmed">{t("filter.unconfirmed")}</option>}
            {bilingual && <option value="low">{t("filter.low")}</option>}
            <option value="edited">{t("filter.edited")}</option>
            {bilingual && <option value="commented">{t("filter.commented")}</option>}
            {work.byReviewer.size > 0 && (
              <optgroup label={t("filter.byReviewer")}>
                {[...work.byReviewer.keys()].sort().map((login) => <option key={login} value={`reviewer:${login}`}>{reviewers[login] ?? login}</option>)}
              </optgroup>
            )}
            {lookup.categories.length > 0 && (
              <optgroup label={t("filter.category")}>
                {lookup.categories.map((c) => <option key={c} value={`category:${c}`}>{t(`category.${c}`, { defaultValue: c })}</option>)}
              </optgroup>
            )}
          </select>
        </label>
        <span className="meta" aria-live="polite">{t("filter.count", { shown: shown.length, total: rows.length })}</span>
        {(showDoubtful || lookup.hiddenFindings > 0) && (
          <label className="inline" title={t("filter.doubtfulHint", { min: formatNumber(i18n.language, minConfidence, 0, 2) })}>
            <input type="checkbox" checked={showDoubtful} onChange={(e) => setShowDoubtful(e.target.checked)} data-testid="show-doubtful" />
            <span>{showDoubtful ? t("filter.doubtfulShown", { min: formatNumber(i18n.language, minConfidence, 0, 2) }) : t("filter.doubtful", { count: lookup.hiddenFindings, min: formatNumber(i18n.language, minConfidence, 0, 2) })}</span>
          </label>
        )}
        <button type="button" className="secondary" onClick={() => runCommand("previousProblem")}>{t("command.previousProblem")}</button>
        <button type="button" className="secondary" onClick={() => runCommand("nextProblem")}>{t("command.nextProblem")}</button>
        <button type="button" className="secondary" onMouseDown={(e) => e.preventDefault()} onClick={() => runCommand("annotate")}>{t("command.annotate")}</button>
        <button type="button" className="secondary" aria-expanded={searchOpen} aria-keyshortcuts="/" data-testid="open-search" onClick={() => runCommand("search")}>{t("search.open")}</button>
        <span className="spacer" />
        <button type="button" className="secondary" disabled={!review.undo?.undo} onClick={() => void review.undoLast()} title={review.undo?.undo ? t(`op.${review.undo.undo.operation}`, { defaultValue: review.undo.undo.operation }) : undefined}>{t("command.undo")}</button>
        <button type="button" className="secondary" disabled={!review.undo?.redo} onClick={() => void review.redoLast()} title={review.undo?.redo ? t(`op.${review.undo.redo.operation}`, { defaultValue: review.undo.redo.operation }) : undefined}>{t("command.redo")}</button>
        <button type="button" className="secondary" aria-expanded={docHistory} onClick={() => setDocHistory((o) => !o)}>{t("toolbar.documentHistory")}</button>
        <button type="button" className="secondary" onClick={() => setHelp(true)} aria-keyshortcuts="?">{t("toolbar.shortcuts")}</button>
        <span className="saving" role="status" aria-live="polite">{review.pending ? t("toolbar.saving") : ""}</span>
      </div>

      {review.notice && (
        <div key={review.notice.id} className={`review-notice ${review.notice.kind}`} role={review.notice.kind === "info" ? "status" : "alert"} data-testid="review-notice" data-kind={review.notice.kind}>
          <span>{review.notice.text}</span>
          <button type="button" className="link-button" onClick={() => review.setNotice(null)} aria-label={t("notice.close")}>×</button>
        </div>
      )}

      {searchOpen && (
        <SearchPanel
          ref={searchPanel}
          documentId={doc.id}
          bilingual={bilingual}
          show={showMatch}
          replaceOne={replaceOne}
          replaceAll={replaceAll}
          canEdit
          onClose={() => { setSearchOpen(false); refocus(); }}
        />
      )}

      {docHistory && (
        <section className="doc-history" aria-label={t("toolbar.documentHistory")} data-testid="document-history">
          <h2>{t("toolbar.documentHistory")}</h2>
          <HistoryPanel documentId={doc.id} filter="" revision={review.revision} />
        </section>
      )}

      <div className={`review-body${bilingual ? "" : " single"}`}>
        {bilingual && (
          <AlignmentMap rows={rows} nSource={snapshot.source.length} nTarget={snapshot.target.length} current={current} shown={shown} range={rangeStore} onPick={goTo} />
        )}
        <div className="review-list-wrap">
          <div className={`list-head${bilingual ? "" : " single"}`} aria-hidden="true">
            <span>#</span>
            <span>{t("side.source", { context: bilingual ? undefined : "single" })} ({doc.sourceLang})</span>
            {bilingual && <span>{t("side.target")} ({doc.targetLang})</span>}
            {bilingual && <span className="num">{t("row.confidenceShort")}</span>}
          </div>
          <VirtualList
            ref={list}
            className="review-list"
            label={bilingual ? t("list.links") : t("list.sentences")}
            count={shown.length}
            itemKey={itemKey}
            renderItem={renderItem}
            onRangeChange={onRange}
          />
        </div>
        <LinkPanel
          row={row}
          snapshot={snapshot}
          lookup={lookup}
          bilingual={bilingual}
          reviewers={reviewers}
          draft={draft}
          historyOpen={historyOpen}
          setHistoryOpen={setHistoryOpen}
          revision={review.revision}
          actions={panelActions}
          onComments={onComments}
        />
      </div>

      {hint && hintFlags.length > 0 && (
        <div
          className="finding-hint"
          role="tooltip"
          data-testid="finding-hint"
          ref={hintBox}
          style={{ top: hint.anchor.bottom + HINT_GAP, left: hint.anchor.left }}
          onMouseEnter={() => { if (hintTimer.current) clearTimeout(hintTimer.current); }}
          onMouseLeave={() => rowActions.hideHint()}
        >
          {hintFlags.map((f) => (
            <div key={f.id} className="hint-finding">
              <div><span className={`sev sev-${f.severity}`}>{t(`severity.${f.severity}`)}</span> {t(`category.${f.category}`, { defaultValue: f.category })}</div>
              <p>{findingText(i18n.language, f)}</p>
              {f.suggestion !== undefined && <p>{t("finding.suggestion")}: <strong>{f.suggestion}</strong></p>}
              <div className="editor-actions">
                {f.suggestion !== undefined && <button type="button" onClick={() => decideFlag(f.id, "accepted")}>{t("finding.accept")}</button>}
                <button type="button" className="secondary" onClick={() => decideFlag(f.id, "dismissed")}>{t("finding.dismiss")}</button>
              </div>
            </div>
          ))}
          <p className="meta">{t("finding.keys")}</p>
        </div>
      )}
      {help && <ShortcutsOverlay onClose={() => setHelp(false)} />}
      <span hidden data-testid="ui-language">{i18n.language}</span>
    </section>
  );
}
