import { z } from "zod";
import { textProblem } from "../text-hygiene";
import { ROLES } from "../auth/roles";

export const loginSchema = z.object({
  login: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(200),
  next: z.string().optional(),
});

export const firstAccountSchema = z.object({
  login: z.string().trim().min(2).max(40),
  displayName: z.string().trim().max(80).superRefine((v, ctx) => {
    const problem = textProblem(v, "The display name");
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }).optional(),
  password: z.string().min(8).max(200),
});

/** Only paths of this app may be redirected to after login (see lib/auth/request-origin). */
export { safeNext } from "../auth/request-origin";

/** PATCH /api/accounts/[login]: an admin changes an account's role or disables / enables it. */
export const accountUpdateSchema = z.object({
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional(),
}).refine((v) => v.role !== undefined || v.disabled !== undefined, { message: "say what to change: role and/or disabled" });
