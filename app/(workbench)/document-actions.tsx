"use client";
// Rename (reviewers) and delete (admins) on a row of the document list, restore in the trash (admins).
// Deleting asks first and only moves the document to the trash, restorable for 30 days. The API
// checks the role again and answers 403 to anyone else.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { readApiError } from "../_components/api-error";

async function send(url: string, method: string, body?: unknown): Promise<string | null> {
  const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) });
  if (res.ok) return null;
  return (await readApiError(res)).message;
}

export function DocumentActions({ id, title, canRename, canDelete, deleteLabel }: { id: number; title: string; canRename: boolean; canDelete: boolean; deleteLabel: string }) {
  const { t } = useTranslation("common");
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    const problem = await work();
    setBusy(false);
    setError(problem);
    if (!problem) { setRenaming(false); router.refresh(); }
  };
  const rename = (e: FormEvent) => { e.preventDefault(); void run(() => send(`/api/documents/${id}`, "PATCH", { title: draft })); };
  const remove = () => { if (window.confirm(t("documents.confirmDelete", { title }))) void run(() => send(`/api/documents/${id}`, "DELETE")); };

  return (
    <span className="document-actions">
      {renaming ? (
        <form onSubmit={rename} className="inline">
          <label className="visually-hidden" htmlFor={`title-${id}`}>{t("documents.newTitle")}</label>
          <input id={`title-${id}`} value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => { if (e.key === "Escape") setRenaming(false); }} autoFocus data-testid="rename-input" />
          <button type="submit" disabled={busy}>{t("documents.save")}</button>
          <button type="button" className="secondary" onClick={() => setRenaming(false)}>{t("documents.cancel")}</button>
        </form>
      ) : (
        <>
          {canRename && <button type="button" className="secondary" onClick={() => { setDraft(title); setRenaming(true); }} data-testid="rename">{t("documents.rename")}</button>}
          {canDelete && <button type="button" className="secondary" aria-label={deleteLabel} onClick={remove} disabled={busy} data-testid="delete">{t("documents.delete")}</button>}
        </>
      )}
      {error && <span role="alert" className="error">{error}</span>}
    </span>
  );
}

export function RestoreButton({ id, label }: { id: number; label: string }) {
  const { t } = useTranslation("common");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const restore = async () => {
    const problem = await send(`/api/documents/${id}/restore`, "POST");
    setError(problem);
    if (!problem) router.refresh();
  };
  return (
    <>
      <button type="button" className="secondary" aria-label={label} onClick={() => void restore()} data-testid="restore">{t("documents.restore")}</button>
      {error && <span role="alert" className="error">{error}</span>}
    </>
  );
}
