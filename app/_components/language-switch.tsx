"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useTranslation } from "react-i18next";
import { setLanguage } from "../_server/actions";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation("common");
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <label className="lang-switch">
      <span>{t("nav.language")}</span>
      <select
        value={i18n.language}
        disabled={pending}
        onChange={(e) => { const lang = e.target.value; start(async () => { await setLanguage(lang); router.refresh(); }); }}
      >
        <option value="en">English</option>
        <option value="de">Deutsch</option>
      </select>
    </label>
  );
}
