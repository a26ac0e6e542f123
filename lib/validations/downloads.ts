import { z } from "zod";
import { EXPORT_FORMATS } from "../formats";
import { REPORT_FORMATS } from "../report";

const yes = z.enum(["1", "true", "yes", "0", "false", "no"]).optional().transform((v) => v === "1" || v === "true" || v === "yes");

export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  unpaired: z.enum(["skip", "empty"]).optional(),
  confirmedOnly: yes,
  minConfidence: z.coerce.number().min(0).max(1).optional(),
});

export const reportQuerySchema = z.object({
  format: z.enum(REPORT_FORMATS).default("html"),
  lang: z.enum(["en", "de"]).optional(),
  threshold: z.coerce.number().min(0).max(100_000).optional(),
  minConfidence: z.coerce.number().min(0).max(1).optional(),
});

export function queryIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ");
}
