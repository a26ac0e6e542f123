// GET: the signed-in reviewer's recent import jobs, newest first (the import page offers a retry for
// those that failed, also after a restart of the server).
import { db } from "@/lib/db/client";
import { listImportJobs } from "@/lib/db/import-jobs";
import { authorize } from "../../../_server/session";

export const dynamic = "force-dynamic";

export async function GET() {
  const auth = await authorize("read");
  if ("response" in auth) return auth.response;
  return Response.json(await listImportJobs(db(), auth.session.uid));
}
