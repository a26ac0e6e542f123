// Shared by the review route handlers: session and id checks, and one mapping of the review
// layer's errors to HTTP (400 invalid, 404 gone, 409 stale view, 503 database busy) with a message for the reviewer.
import { ConflictError, InvalidOperationError } from "@/lib/review/errors";
import { NotFoundError } from "@/lib/db/documents";
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from "@/lib/db/errors";
import type { SessionPayload } from "@/lib/auth/session";
import { mediaType } from "@/lib/auth/request-origin";
import type { Permission } from "@/lib/auth/roles";
import { authorize } from "../../../_server/session";

export type Guarded = { session: SessionPayload; documentId: number } | { response: Response };

export async function guard(params: Promise<{ id: string }>, permission: Permission = "read"): Promise<Guarded> {
  const auth = await authorize(permission);
  if ("response" in auth) return auth;
  const { session } = auth;
  const documentId = Number((await params).id);
  if (!Number.isSafeInteger(documentId) || documentId <= 0) return { response: Response.json({ error: "notFound", message: "There is no such document." }, { status: 404 }) };
  return { session, documentId };
}

/** The body of a JSON request. Only application/json is read: a form or text/plain body (what another site can send without asking) is refused. */
export async function jsonBody(request: Request): Promise<unknown> {
  requireJson(request);
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidOperationError("The request body is not JSON.");
  }
}

export function requireJson(request: Request): void {
  const type = mediaType(request.headers.get("content-type"));
  if (type !== "application/json") {
    throw new UnsupportedMediaTypeError(`This request must be sent as application/json${type ? `, not ${type}` : " (it had no Content-Type)"}.`);
  }
}

export class UnsupportedMediaTypeError extends Error {}

export function errorResponse(err: unknown): Response {
  if (err instanceof ConflictError) {
    return Response.json({
      error: "conflict", message: err.message, entity: err.entity, entityId: err.entityId, changedBy: err.changedBy, changedAt: err.changedAt,
      documentVersion: err.documentVersion, current: err.current,
    }, { status: 409 });
  }
  if (err instanceof InvalidOperationError) {
    // A harmless no-op is not an error: the answer says nothing changed, and the page shows a quiet notice.
    if (err.code === "nothingToChange") return Response.json({ noop: true, error: err.code, message: err.message }, { status: 200 });
    const status = err.code === "notFound" ? 404 : 400;
    return Response.json({ error: err.code, message: err.message }, { status });
  }
  if (err instanceof UnsupportedMediaTypeError) return Response.json({ error: "unsupportedMediaType", message: err.message }, { status: 415 });
  if (err instanceof NotFoundError) return Response.json({ error: "notFound", message: err.message }, { status: 404 });
  // Another process (the CLI, a second server) held the write lock past the busy timeout: nothing was written.
  if (isDatabaseBusy(err)) return Response.json({ error: "busy", message: DATABASE_BUSY_MESSAGE }, { status: 503, headers: { "Retry-After": "2" } });
  throw err;
}

export function zodMessage(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join(".") || "body"}: ${i.message}`).join("; ");
}
