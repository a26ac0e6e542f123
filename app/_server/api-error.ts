// The one error shape of the API: `{ error, message, ...details }`, where `error` is a stable code
// (camelCase: "invalid", "notFound", "conflict", "busy", ...) for programs and the UI's translations,
// and `message` plain English that says what was wrong and what to do. Details such as an import's
// `problems` or a conflict's `current` row ride along; the browser reads them with app/_components/api-error.ts.
export function apiError(status: number, error: string, message: string, details: Record<string, unknown> = {}, init: ResponseInit = {}): Response {
  return Response.json({ ...details, error, message }, { ...init, status });
}
