"use client";
// Admins' delete and restore buttons on the document list. They call the API (DELETE
// /api/documents/ID, POST …/restore), which checks the role and answers 403 to anyone else.
import { useRouter } from "next/navigation";
import { useState } from "react";

export function DocumentAdminButton({ documentId, action, label, text }: { documentId: number; action: "delete" | "restore"; label: string; text: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setError(null);
    const res = action === "delete"
      ? await fetch(`/api/documents/${documentId}`, { method: "DELETE" })
      : await fetch(`/api/documents/${documentId}/restore`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    setBusy(false);
    if (res.ok) router.refresh();
    else setError(((await res.json().catch(() => ({}))) as { message?: string }).message ?? `The server answered ${res.status}.`);
  }
  return (
    <>
      <button type="button" className="secondary" aria-label={label} disabled={busy} onClick={run}>{text}</button>
      {error && <span role="alert" className="error">{error}</span>}
    </>
  );
}
