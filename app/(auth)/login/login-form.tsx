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
      {/* After an action React resets the form to the default values: the typed login comes back, the password does not. */}
      <label>{t("login.login")}<input name="login" autoComplete="username" required autoFocus={!state.login} defaultValue={state.login} key={`login-${state.login ?? ""}`} /></label>
      {first && <label>{t("login.displayName")}<input name="displayName" autoComplete="name" defaultValue={state.displayName} key={`name-${state.displayName ?? ""}`} /></label>}
      <label>{t("login.password")}<input name="password" key={`password-${state.attempt ?? 0}`} autoFocus={!!state.login} type="password" autoComplete={first ? "new-password" : "current-password"} required minLength={first ? 8 : 1} /></label>
      {next && <input type="hidden" name="next" value={next} />}
      <button type="submit" disabled={pending}>{first ? t("login.create") : t("login.submit")}</button>
    </form>
  );
}
