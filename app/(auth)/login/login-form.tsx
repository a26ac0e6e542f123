"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { createFirstAccount, login, type LoginState } from "./actions";

export function LoginForm({ first, next }: { first: boolean; next?: string }) {
  const { t } = useTranslation("common");
  const [state, action, pending] = useActionState<LoginState, FormData>(first ? createFirstAccount : login, {});
  return (
    <form action={action} className="card form" aria-describedby={state.error ? "login-error" : undefined}>
      <h1>{first ? t("login.firstTitle") : t("login.title")}</h1>
      {first && <p>{t("login.firstIntro")}</p>}
      {state.error && (
        <p id="login-error" role="alert" className="error">{state.error === "failed" ? t("login.failed") : state.error === "throttled" ? t("login.throttled", { seconds: state.seconds }) : state.detail}</p>
      )}
      <label>{t("login.login")}<input name="login" autoComplete="username" required autoFocus /></label>
      {first && <label>{t("login.displayName")}<input name="displayName" autoComplete="name" /></label>}
      <label>{t("login.password")}<input name="password" type="password" autoComplete={first ? "new-password" : "current-password"} required minLength={first ? 8 : 1} /></label>
      {next && <input type="hidden" name="next" value={next} />}
      <button type="submit" disabled={pending}>{first ? t("login.create") : t("login.submit")}</button>
    </form>
  );
}
