// POST /api/import (multipart form): checks the input, then starts a background import.
// 400 bad input, 413 too large, 409 warnings the user has to accept, 202 job started. Errors in the API's
// shape (app/_server/api-error.ts) with the input's `problems` (or `warnings`) as details.
import { mediaType } from "@/lib/auth/request-origin";
import { db } from "@/lib/db/client";
import { ImportError, ImportWarning, prepareImport, type ImportProblem, type RawSide } from "@/lib/import";
import { startImportJob } from "@/lib/import/jobs";
import { maxRequestBytes, requestTooLarge } from "@/lib/import/limits";
import { importFormSchema } from "@/lib/validations/import";
import { apiError } from "../../_server/api-error";
import { authorize } from "../../_server/session";

export const dynamic = "force-dynamic";

async function side(form: FormData, prefix: "source" | "target", lang: string, fallbackLabel: string): Promise<RawSide> {
  const file = form.get(`${prefix}File`);
  const pasted = String(form.get(`${prefix}Text`) ?? "");
  if (file instanceof File && file.size > 0) return { label: file.name || fallbackLabel, lang, bytes: new Uint8Array(await file.arrayBuffer()), ignoredText: pasted };
  return { label: fallbackLabel, lang, text: pasted };
}

/** The API's error shape; `problems` lists each thing wrong with the input (the form translates them by code). */
function refused(status: number, error: string, problems: (ImportProblem | { code: "request"; params: Record<string, string>; message: string })[]) {
  return apiError(status, error, problems.map((p) => p.message).join("\n"), { problems });
}

export async function POST(request: Request) {
  const auth = await authorize("import");
  if ("response" in auth) return auth.response;
  const { session } = auth;
  // The same limit as the proxy's (next.config.js, proxy.ts): a body over it is refused, never cut short.
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxRequestBytes()) return refused(413, "tooLarge", [requestTooLarge(length)]);
  if (mediaType(request.headers.get("content-type")) !== "multipart/form-data") {
    return refused(415, "unsupportedMediaType", [{ code: "request", params: { detail: "send the form as multipart/form-data" }, message: "The request was not a multipart form." }]);
  }
  let form: FormData;
  try {
    const body = await request.arrayBuffer();
    if (body.byteLength > maxRequestBytes()) return refused(413, "tooLarge", [requestTooLarge(body.byteLength)]);
    form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return refused(400, "invalid", [{ code: "request", params: { detail: "send the form as multipart/form-data" }, message: "The request was not a form." }]);
  }
  const parsed = importFormSchema.safeParse(Object.fromEntries([...form].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return refused(400, "invalid", [{ code: "request", params: { detail }, message: detail }]);
  }
  const input = parsed.data;
  const source = await side(form, "source", input.sourceLang, "Source text");
  const target = input.single ? null : await side(form, "target", input.targetLang!, "Translation");
  let prepared;
  try {
    prepared = prepareImport({ title: input.title, source, target, presegmented: input.presegmented, acceptWarnings: input.acceptWarnings });
  } catch (err) {
    if (err instanceof ImportWarning) return apiError(409, "warnings", err.message, { warnings: err.warnings });
    if (err instanceof ImportError) return refused(err.tooLarge ? 413 : 400, err.tooLarge ? "tooLarge" : "invalid", err.problems);
    throw err;
  }
  const job = await startImportJob(db(), prepared.job, session.uid);
  return Response.json({ job: job.id }, { status: 202 });
}
