import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listReviewers } from "@/lib/db/reviewers";
import { t } from "@/lib/i18n";
import { displayLabel } from "@/lib/text-hygiene";
import { requireSession, uiLanguage } from "../../_server/session";
import { AccountRow } from "./account-row";

export const dynamic = "force-dynamic";

export default async function AccountsPage() {
  const [session, lang] = await Promise.all([requireSession(), uiLanguage()]);
  if (!can(session.role, "manageAccounts")) {
    return <section className="page"><h1>{t(lang, "accounts.title")}</h1><p role="alert" className="error">{t(lang, "accounts.adminsOnly")}</p></section>;
  }
  const accounts = await listReviewers(db());
  return (
    <section className="page">
      <h1>{t(lang, "accounts.title")}</h1>
      <p>{t(lang, "accounts.intro")}</p>
      <table className="documents" data-testid="account-list">
        <thead>
          <tr>
            <th scope="col">{t(lang, "accounts.login")}</th>
            <th scope="col">{t(lang, "accounts.name")}</th>
            <th scope="col">{t(lang, "accounts.role")}</th>
            <th scope="col">{t(lang, "accounts.status")}</th>
            <th scope="col"><span className="visually-hidden">{t(lang, "documents.actions")}</span></th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => <AccountRow key={a.login} account={{ ...a, displayName: displayLabel(a.displayName) }} self={a.login === session.login} />)}
        </tbody>
      </table>
    </section>
  );
}
