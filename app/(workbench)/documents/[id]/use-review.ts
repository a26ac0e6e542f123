"use client";
// The page's connection to the review API (lib/review/README.md): one queue of changes so
// that each request is built from the snapshot as the previous one left it, patches applied
// in place, and a stale view (409) answered with a clear message and a fresh snapshot.
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentSnapshot } from "@/lib/document";
import { applyPatch, changedPlace, type ChangedPlace, type ReviewPatch, type UndoState } from "@/lib/review/patch";
import type { BulkRequest, ReviewOperation } from "@/lib/review/types";

export interface OperationRequestBody {
  operation: ReviewOperation;
  expectedVersion: number;
  expectedVersions?: { links?: Record<number, number>; segments?: Record<number, number> };
}

/** Who last changed a sentence's text, for the correction shown under it. */
export type Touched = Record<number, { author: string | null; at: string }>;

export interface Notice { kind: "error" | "conflict" | "info"; text: string; id: number }

/** Where the reviewer's latest change landed; `replay`: it was an undo or redo (the reviewer may be elsewhere). */
export interface Landed { place: ChangedPlace; replay: boolean; id: number }

interface ErrorBody { error?: string; message?: string; entity?: string; changedBy?: { login: string; name: string } | null; changedAt?: string | null }

export function useReview(initial: DocumentSnapshot, me: { login: string; name: string }, initialTouched: Touched) {
  const { t, i18n } = useTranslation("review");
  const [snapshot, setSnapshot] = useState(initial);
  const [undo, setUndo] = useState<UndoState | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState(0);
  const [touched, setTouched] = useState<Touched>(initialTouched);
  /** Bumped whenever the server state moved, so open history panels refetch. */
  const [revision, setRevision] = useState(0);
  const [landed, setLanded] = useState<Landed | null>(null);
  const landedId = useRef(0);
  const current = useRef(initial);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const noticeId = useRef(0);
  const url = `/api/documents/${initial.document.id}`;

  const say = useCallback((kind: Notice["kind"], text: string) => setNotice({ kind, text, id: ++noticeId.current }), []);

  const replace = useCallback((next: DocumentSnapshot) => { current.current = next; setSnapshot(next); setRevision((r) => r + 1); }, []);

  const reload = useCallback(async () => {
    const res = await fetch(url, { cache: "no-store" });
    if (!res.ok) return false;
    const body = (await res.json()) as { snapshot: DocumentSnapshot; undo: UndoState };
    replace({ ...body.snapshot, revisions: [] });
    setUndo(body.undo);
    return true;
  }, [url, replace]);

  const applyResult = useCallback((patch: ReviewPatch, nextUndo: UndoState, replay: boolean) => {
    const before = current.current;
    const next = applyPatch(before, patch);
    const place = changedPlace(next, patch);
    if (place) setLanded({ place, replay, id: ++landedId.current });
    const oldText = new Map([...before.source, ...before.target].map((s) => [s.id, s.text]));
    const changed = patch.segments.upsert.filter((s) => oldText.get(s.id) !== s.text);
    if (changed.length) {
      setTouched((prev) => {
        const copy = { ...prev };
        for (const s of changed) copy[s.id] = { author: me.login, at: s.updatedAt };
        return copy;
      });
    }
    replace(next);
    setUndo(nextUndo);
  }, [me.login, replace]);

  const describeError = useCallback((status: number, body: ErrorBody): Notice["kind"] => {
    if (status === 409) {
      const when = body.changedAt ? new Date(body.changedAt).toLocaleTimeString(i18n.language === "de" ? "de-DE" : "en-GB", { hour: "2-digit", minute: "2-digit" }) : null;
      const entity = t(`entity.${body.entity ?? "document"}`, { defaultValue: t("entity.document") });
      const text = body.changedBy && when
        ? t("conflict.byWhom", { entity, name: body.changedBy.name, time: when })
        : t("conflict.generic", { entity });
      say("conflict", text);
      return "conflict";
    }
    if (status === 401) say("error", t("errors.loggedOut"));
    else if (status === 404) say("error", t("errors.notFound", { detail: body.message ?? "" }));
    else if (body.error === "nothingToUndo") say("info", t("errors.nothingToUndo"));
    else if (body.error === "nothingToRedo") say("info", t("errors.nothingToRedo"));
    else say("error", t("errors.refused", { detail: body.message ?? `HTTP ${status}` }));
    return "error";
  }, [i18n.language, say, t]);

  /** Sends one request after the ones before it; refreshes the view when it was stale. */
  const send = useCallback((path: string, body: () => unknown | null, replay = false): Promise<boolean> => {
    const job = queue.current.then(async () => {
      const payload = body();
      if (payload === null) return false;
      setPending((n) => n + 1);
      try {
        const res = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });
        const data = await res.json().catch(() => ({}));
        if (res.ok && data.noop) { say("info", t("errors.nothingToChange")); return false; }
        if (res.ok) { applyResult(data.patch, data.undo, replay); return true; }
        const kind = describeError(res.status, data);
        if (kind === "conflict" || res.status === 404) await reload();
        return false;
      } catch {
        say("error", t("errors.network"));
        return false;
      } finally {
        setPending((n) => n - 1);
      }
    });
    queue.current = job.catch(() => false);
    return job;
  }, [url, applyResult, describeError, reload, say, t]);

  /** `build` sees the latest snapshot; it returns null (with a notice) when the change no longer applies. */
  const operate = useCallback((build: (s: DocumentSnapshot) => OperationRequestBody | null) => {
    setNotice((n) => (n?.kind === "conflict" ? n : null));
    return send("/operations", () => build(current.current));
  }, [send]);

  /** Search-and-replace and bulk decisions (POST …/bulk): one revision, one undo step each. */
  const bulk = useCallback((build: (s: DocumentSnapshot) => BulkRequest | null) => {
    setNotice((n) => (n?.kind === "conflict" ? n : null));
    return send("/bulk", () => build(current.current));
  }, [send]);

  const undoLast = useCallback(() => send("/undo", () => ({}), true), [send]);
  const redoLast = useCallback(() => send("/redo", () => ({}), true), [send]);

  // Undo state is per reviewer and not part of the page's server render; the cheap form of
  // the GET answers it, and polling on focus catches other reviewers' changes early.
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      try {
        const res = await fetch(`${url}?since=${current.current.document.version}`, { cache: "no-store" });
        if (!res.ok || stopped) return;
        const body = await res.json();
        if (body.unchanged) setUndo(body.undo);
        else if (body.snapshot) { replace({ ...body.snapshot, revisions: [] }); setUndo(body.undo); }
      } catch { /* offline for a moment: the next check or change will tell */ }
    };
    void check();
    const onVisible = () => { if (document.visibilityState === "visible") void check(); };
    document.addEventListener("visibilitychange", onVisible);
    return () => { stopped = true; document.removeEventListener("visibilitychange", onVisible); };
  }, [url, replace]);

  return { snapshot, undo, notice, setNotice, say, pending: pending > 0, touched, revision, landed, operate, bulk, undoLast, redoLast, reload, current };
}
