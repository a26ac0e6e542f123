import Link from "next/link";
import { can } from "@/lib/auth/roles";
import { t, type UiLanguage } from "@/lib/i18n";
import { logout } from "../_server/actions";
import { LanguageSwitch } from "./language-switch";

export function Header({ lang, user }: { lang: UiLanguage; user: { name: string; role: string } | null }) {
  return (
    <header className="app-header">
      <a className="skip" href="#main">{t(lang, "nav.skip")}</a>
      <Link href="/" className="brand">{t(lang, "appName")}</Link>
      {user && (
        <nav aria-label={t(lang, "nav.documents")}>
          <Link href="/">{t(lang, "nav.documents")}</Link>
          {can(user.role, "import") && <Link href="/import">{t(lang, "nav.import")}</Link>}
          <Link href="/report">{t(lang, "nav.report")}</Link>
          {can(user.role, "manageAccounts") && <Link href="/accounts">{t(lang, "nav.accounts")}</Link>}
        </nav>
      )}
      <div className="header-tools">
        <LanguageSwitch />
        {user && (
          <form action={logout} className="logout">
            <span className="user">{user.name}</span>
            <button type="submit">{t(lang, "nav.logout")}</button>
          </form>
        )}
      </div>
    </header>
  );
}
