"use client";
// One account on the admins' account page: its role and whether it may log in, changed
// through PATCH /api/accounts/[login] (which checks the admin role again).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { readApiError } from "../../_components/api-error";

export interface AccountView { login: string; displayName: string; role: string; status: "active" | "disabled" | "no password (imported)" }

export function AccountRow({ account, self }: { account: AccountView; self: boolean }) {
  const { t } = useTranslation("common");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function update(change: { role?: string; disabled?: boolean }) {
    setBusy(true);
    setError(null);
    const res = await fetch(`/api/accounts/${encodeURIComponent(account.login)}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(change) });
    setBusy(false);
    if (res.ok) router.refresh();
    else setError((await readApiError(res)).message);
  }
  const status = account.status === "active" ? t("accounts.active") : account.status === "disabled" ? t("accounts.disabled") : t("accounts.noPassword");
  return (
    <tr data-testid="account-row" data-login={account.login}>
      <td>{account.login}</td>
      <td>{account.displayName}</td>
      <td>
        <select aria-label={t("accounts.roleLabel", { login: account.login })} value={account.role} disabled={busy || self} onChange={(e) => update({ role: e.target.value })}>
          {["admin", "reviewer", "viewer"].map((r) => <option key={r} value={r}>{t(`accounts.roles.${r}`)}</option>)}
        </select>
      </td>
      <td>{status}</td>
      <td>
        {!self && account.status !== "no password (imported)" && (
          <button type="button" className="secondary" disabled={busy} onClick={() => update({ disabled: account.status !== "disabled" })}>
            {account.status === "disabled" ? t("accounts.enable") : t("accounts.disable")}
          </button>
        )}
        {error && <span role="alert" className="error">{error}</span>}
      </td>
    </tr>
  );
}
