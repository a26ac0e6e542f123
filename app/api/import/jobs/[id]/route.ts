// GET: an import job's progress (from the database: any request, also after a restart). DELETE: cancel
// it (nothing of a cancelled import is kept).
import { db } from "@/lib/db/client";
import { cancelImportJob, getImportJob, importJobChange, type ImportJob } from "@/lib/import/jobs";
import { apiError } from "../../../../_server/api-error";
import { authorize } from "../../../../_server/session";

export const dynamic = "force-dynamic";

const GONE = "No such import job (finished jobs are kept for a day, failed ones for a week).";
/** The longest a poll waits for a change. */
const MAX_WAIT_MS = 5000;

const token = (job: ImportJob) => `${job.state}:${job.stage}:${job.progress}`;

// ?seen=<token of the job as last read>&wait=<ms>: answers when the job has changed or the wait is over
// (a long poll: the import form learns that a short import is done without polling every few ms).
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize("read");
  if ("response" in auth) return auth.response;
  const id = (await params).id;
  const query = new URL(request.url).searchParams;
  const wait = Math.min(MAX_WAIT_MS, Math.max(0, Number(query.get("wait")) || 0));
  const change = importJobChange(id, wait);
  try {
    let job = await getImportJob(db(), id);
    if (!job) return apiError(404, "notFound", GONE);
    if (wait && query.get("seen") === token(job)) {
      await change.changed;
      job = (await getImportJob(db(), id)) ?? job;
    }
    return Response.json({ ...job, token: token(job) });
  } finally {
    change.dispose();
  }
}

export async function DELETE(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize("import");
  if ("response" in auth) return auth.response;
  const { session } = auth;
  const job = await getImportJob(db(), (await params).id);
  if (!job) return apiError(404, "notFound", GONE);
  if (job.author !== null && job.author !== session.uid) return apiError(403, "forbidden", "Only the reviewer who started an import can cancel it.");
  if (!(await cancelImportJob(db(), job.id))) return apiError(409, "ended", `This import has already ended (${job.state}).`, { job });
  return Response.json(await getImportJob(db(), job.id), { status: 202 });
}
