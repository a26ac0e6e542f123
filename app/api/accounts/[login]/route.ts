// PATCH /api/accounts/[login] { role?, disabled? } (admins) → 200 { login, role, disabled }.
// Disabling ends every session of the account. Admins cannot demote or disable themselves
// (an installation must keep an admin who can undo it).
import { db } from "@/lib/db/client";
import { AccountError, setDisabled, setRole, accountState } from "@/lib/db/reviewers";
import { accountUpdateSchema } from "@/lib/validations/auth";
import { authorize } from "../../../_server/session";
import { errorResponse, jsonBody, zodMessage } from "../../documents/[id]/respond";

export const dynamic = "force-dynamic";

export async function PATCH(request: Request, { params }: { params: Promise<{ login: string }> }) {
  const auth = await authorize("manageAccounts");
  if ("response" in auth) return auth.response;
  const login = decodeURIComponent((await params).login);
  try {
    const parsed = accountUpdateSchema.safeParse(await jsonBody(request));
    if (!parsed.success) return Response.json({ error: "invalid", message: zodMessage(parsed.error.issues) }, { status: 400 });
    const { role, disabled } = parsed.data;
    if (login === auth.session.login && ((role !== undefined && role !== "admin") || disabled === true)) {
      return Response.json({ error: "invalid", message: "You cannot take away your own admin role or disable your own account: ask another admin to do it." }, { status: 400 });
    }
    if (role !== undefined) await setRole(db(), login, role);
    if (disabled !== undefined) await setDisabled(db(), login, disabled);
    return Response.json(await accountState(db(), login));
  } catch (err) {
    if (err instanceof AccountError) return Response.json({ error: "notFound", message: err.message }, { status: err.message.startsWith("There is no account") ? 404 : 400 });
    return errorResponse(err);
  }
}
