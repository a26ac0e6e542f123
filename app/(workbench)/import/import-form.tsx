"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { readApiError } from "../../_components/api-error";

interface Problem { code: string; side?: string; params: Record<string, string | number>; message: string }
interface Job { id: string; state: "queued" | "running" | "done" | "failed" | "cancelled"; stage: string; progress: number; title: string | null; createdAt: string; documentId?: number; problems?: Problem[]; error?: string; retryable: boolean }

/** Each poll waits on the server for the job to change (up to this long), so a short import is seen done at once. */
const POLL_WAIT_MS = 4000;
/** Polls that may fail in a row (the server restarting) before the form gives up. */
const POLL_FAILURES = 25;

const LANGS = ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "ru", "zh", "ja", "ko"];

export function ImportForm() {
  const { t } = useTranslation("common");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [single, setSingle] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [warnings, setWarnings] = useState<Problem[]>([]);
  const [job, setJob] = useState<Job | null>(null);
  const messages = useRef<HTMLDivElement>(null);
  // Errors, warnings and progress appear below a long form: bring them into view when they change.
  const shown = `${problems.length}/${warnings.length}/${job ? "job" : ""}`;
  useEffect(() => { messages.current?.scrollIntoView({ block: "nearest", behavior: "smooth" }); }, [shown]);

  const describe = (p: Problem) => {
    const params = { ...p.params } as Record<string, string | number>;
    if (typeof params.declared === "string") params.declaredName = t(`languages.${params.declared}`, { defaultValue: params.declared });
    if (typeof params.detected === "string") params.detectedName = t(`languages.${params.detected}`, { defaultValue: params.detected });
    if (typeof params.sourceLang === "string") params.sourceName = t(`languages.${params.sourceLang}`, { defaultValue: params.sourceLang });
    if (typeof params.targetLang === "string") params.targetName = t(`languages.${params.targetLang}`, { defaultValue: params.targetLang });
    return t(`import.errors.${p.code}`, { ...params, defaultValue: p.message });
  };

  const [interrupted, setInterrupted] = useState<Job[]>([]);

  // Imports of this reviewer that a stopped server left failed: they can be run again from here.
  useEffect(() => {
    let live = true;
    fetch("/api/import/jobs", { cache: "no-store" })
      .then((res) => (res.ok ? (res.json() as Promise<Job[]>) : []))
      .then((jobs) => { if (live) setInterrupted(jobs.filter((j) => j.state === "failed" && j.retryable)); })
      .catch(() => undefined);
    return () => { live = false; };
  }, []);

  async function poll(id: string) {
    let seen = "";
    for (let failures = 0; ;) {
      let current: Job;
      try {
        const res = await fetch(`/api/import/jobs/${id}?wait=${seen ? POLL_WAIT_MS : 0}&seen=${encodeURIComponent(seen)}`, { cache: "no-store" });
        if (!res.ok && res.status !== 404) throw new Error(`HTTP ${res.status}`);
        if (!res.ok) {
          const { message } = await readApiError(res);
          setProblems([{ code: "failed", params: { detail: message }, message }]);
          setBusy(false);
          setJob(null);
          return;
        }
        const body = await res.json();
        current = body as Job;
        // Unchanged after a wait: the server could not wait for it (it runs elsewhere); ask again more slowly.
        const unchanged = !!seen && body.token === seen;
        seen = body.token ?? "";
        failures = 0;
        if (unchanged) await new Promise((r) => setTimeout(r, 400));
      } catch {
        // The server is restarting (or the network hiccups): keep asking for a while.
        if (++failures > POLL_FAILURES) {
          setProblems([{ code: "failed", params: { detail: "the server does not answer" }, message: "" }]);
          setBusy(false);
          return;
        }
        await new Promise((r) => setTimeout(r, 400));
        continue;
      }
      setJob(current);
      if (current.state === "done") { router.push(`/documents/${current.documentId}`); return; }
      if (current.state === "cancelled") {
        setProblems([{ code: "cancelled", params: {}, message: t("import.cancelled") }]);
        setBusy(false);
        setJob(null);
        return;
      }
      if (current.state === "failed") {
        setProblems(current.problems ?? [{ code: "failed", params: { detail: current.error ?? "" }, message: current.error ?? "" }]);
        setBusy(false);
        return;
      }
    }
  }

  async function cancel() {
    if (job) await fetch(`/api/import/jobs/${job.id}`, { method: "DELETE" });
  }

  /** The texts (pasted and attached) change places; the languages stay, as they were declared for the boxes. */
  function swapSides() {
    const f = form.current;
    if (!f) return;
    const field = <T extends HTMLInputElement | HTMLTextAreaElement>(name: string) => f.elements.namedItem(name) as T | null;
    const [sourceText, targetText] = [field<HTMLTextAreaElement>("sourceText"), field<HTMLTextAreaElement>("targetText")];
    if (sourceText && targetText) [sourceText.value, targetText.value] = [targetText.value, sourceText.value];
    const [sourceFile, targetFile] = [field<HTMLInputElement>("sourceFile"), field<HTMLInputElement>("targetFile")];
    if (sourceFile && targetFile) {
      const copy = (files: FileList | null) => { const d = new DataTransfer(); for (const file of files ?? []) d.items.add(file); return d.files; };
      const [a, b] = [copy(sourceFile.files), copy(targetFile.files)];
      sourceFile.files = b;
      targetFile.files = a;
    }
    void submit(false);
  }

  async function retry(id: string) {
    setBusy(true); setProblems([]); setWarnings([]);
    setInterrupted((list) => list.filter((j) => j.id !== id));
    const res = await fetch(`/api/import/jobs/${id}/retry`, { method: "POST" });
    if (res.status === 202) { setJob((await res.json()) as Job); return poll(id); }
    setBusy(false);
    const { message } = await readApiError(res);
    setProblems([{ code: "failed", params: { detail: message }, message }]);
  }

  async function submit(acceptWarnings: boolean) {
    if (!form.current) return;
    const data = new FormData(form.current);
    if (acceptWarnings) data.set("acceptWarnings", "1");
    setBusy(true); setProblems([]); setWarnings([]); setJob(null);
    const res = await fetch("/api/import", { method: "POST", body: data });
    if (res.status === 202) return poll(((await res.json()) as { job: string }).job);
    setBusy(false);
    const refused = await readApiError(res);
    if (refused.error === "warnings") setWarnings(refused.warnings as Problem[]);
    else setProblems((refused.problems as Problem[] | undefined) ?? [{ code: "failed", params: { detail: refused.message }, message: refused.message }]);
  }

  return (
    <form ref={form} className="import-form" onSubmit={(e) => { e.preventDefault(); void submit(false); }} aria-busy={busy}>
      <label className="wide">{t("import.docTitle")}
        <input name="title" placeholder={t("import.docTitlePlaceholder")} />
      </label>
      <label className="check"><input type="checkbox" name="single" checked={single} onChange={(e) => setSingle(e.target.checked)} /> {t("import.single")}</label>
      <div className={single ? "sides one" : "sides"}>
        <fieldset>
          <legend>{t("import.sourceText")}</legend>
          <label>{t("import.sourceLang")}
            <select name="sourceLang" defaultValue="en">{LANGS.map((l) => <option key={l} value={l}>{t(`languages.${l}`)} ({l})</option>)}</select>
          </label>
          <label>{t("import.paste")}<textarea name="sourceText" rows={12} data-testid="source-text" /></label>
          <label>{t("import.file")}<input type="file" name="sourceFile" accept=".txt,text/plain" data-testid="source-file" /></label>
        </fieldset>
        {!single && (
          <fieldset>
            <legend>{t("import.targetText")}</legend>
            <label>{t("import.targetLang")}
              <select name="targetLang" defaultValue="de">{LANGS.map((l) => <option key={l} value={l}>{t(`languages.${l}`)} ({l})</option>)}</select>
            </label>
            <label>{t("import.paste")}<textarea name="targetText" rows={12} data-testid="target-text" /></label>
            <label>{t("import.file")}<input type="file" name="targetFile" accept=".txt,text/plain" data-testid="target-file" /></label>
          </fieldset>
        )}
      </div>
      <label className="check"><input type="checkbox" name="presegmented" /> {t("import.presegmented")}</label>

      <div ref={messages} data-testid="import-messages">
      {problems.length > 0 && (
        <div role="alert" className="error-box" data-testid="import-errors">
          <h2>{t("import.errorsTitle")}</h2>
          <ul>{problems.map((p, i) => <li key={i}>{describe(p)}</li>)}</ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div role="alert" className="warning-box" data-testid="import-warnings">
          <h2>{t("import.warningsTitle")}</h2>
          <ul>{warnings.map((p, i) => <li key={i}>{describe(p)}</li>)}</ul>
          {warnings.some((w) => w.code === "swappedSides") && <button type="button" onClick={swapSides} disabled={busy} data-testid="swap-sides">{t("import.swapSides")}</button>}{" "}
          <button type="button" onClick={() => void submit(true)} disabled={busy}>{t("import.acceptWarnings")}</button>
        </div>
      )}
      {job?.state === "failed" && job.retryable && (
        <button type="button" onClick={() => void retry(job.id)} disabled={busy} data-testid="import-retry">{t("import.retry")}</button>
      )}
      {interrupted.length > 0 && !job && (
        <div className="warning-box" data-testid="import-interrupted">
          <h2>{t("import.interruptedTitle")}</h2>
          <ul>{interrupted.map((j) => (
            <li key={j.id}>
              {t("import.interruptedItem", { title: j.title ?? "", date: new Date(j.createdAt).toLocaleString() })}: {j.error}{" "}
              <button type="button" onClick={() => void retry(j.id)} disabled={busy} data-testid="import-retry">{t("import.retry")}</button>
            </li>
          ))}</ul>
        </div>
      )}
      {job && job.state !== "failed" && (
        <div className="progress" role="status" aria-live="polite">
          <progress max={1} value={job.progress} /> {t(`import.stage.${job.stage}`)} ({Math.round(job.progress * 100)} %)
          {(job.state === "queued" || job.state === "running") && (
            <button type="button" onClick={() => void cancel()} data-testid="import-cancel">{t("import.cancel")}</button>
          )}
        </div>
      )}
      </div>
      <button type="submit" disabled={busy}>{busy ? t("import.importing") : t("import.submit")}</button>
    </form>
  );
}
