// Reading the API's one error shape (app/_server/api-error.ts) in the browser: `{ error, message, ...details }`.
export interface ApiErrorBody { error: string; message: string; [detail: string]: unknown }

/** The error body of a failed response; a body in another shape (a proxy's page, a crash) becomes a message with the status. */
export async function readApiError(res: Response): Promise<ApiErrorBody> {
  const body = (await res.json().catch(() => null)) as Partial<ApiErrorBody> | null;
  if (body && typeof body.error === "string" && typeof body.message === "string") return body as ApiErrorBody;
  return { error: "http", message: `The server answered ${res.status}.` };
}
