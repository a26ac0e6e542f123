// GET /api/accounts (admins): every account with its role and status.
import { db } from "@/lib/db/client";
import { listReviewers } from "@/lib/db/reviewers";
import { authorize } from "../../_server/session";

export const dynamic = "force-dynamic";

export async function GET() {
  const auth = await authorize("manageAccounts");
  if ("response" in auth) return auth.response;
  return Response.json(await listReviewers(db()));
}
