// POST: run a failed import again from its stored input (a job that was running when the server
// stopped, or one that failed for a reason other than its input). Same job id; 202 when queued.
import { db } from "@/lib/db/client";
import { getImportJob, retryImportJob } from "@/lib/import/jobs";
import { apiError } from "../../../../../_server/api-error";
import { authorize } from "../../../../../_server/session";

export const dynamic = "force-dynamic";

export async function POST(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize("import");
  if ("response" in auth) return auth.response;
  const { session } = auth;
  const job = await getImportJob(db(), (await params).id);
  if (!job) return apiError(404, "notFound", "No such import job (failed jobs are kept for a week).");
  if (job.author !== null && job.author !== session.uid) return apiError(403, "forbidden", "Only the reviewer who started an import can retry it.");
  const queued = await retryImportJob(db(), job.id);
  if (!queued) {
    const why = job.state === "failed" ? "its input was not kept (the input itself was refused: correct it and import again)" : `it has not failed (${job.state})`;
    return apiError(409, "notRetryable", `This import cannot be retried: ${why}.`, { job });
  }
  return Response.json(queued, { status: 202 });
}
