// A login attempt: throttled per account and per address, then the password check.
import type { Db } from "./client";
import { authenticate } from "./reviewers";
import { waitMessage, type LoginThrottle } from "../auth/throttle";

export type LoginOutcome =
  | { ok: true; reviewer: NonNullable<Awaited<ReturnType<typeof authenticate>>> }
  | { ok: false; reason: "failed" }
  | { ok: false; reason: "throttled"; waitMs: number; message: string };

export async function attemptLogin(db: Db, throttle: LoginThrottle, input: { login: string; password: string; address: string | null }, clock: () => number = Date.now): Promise<LoginOutcome> {
  const waitMs = throttle.waitFor(input.login, input.address, clock());
  if (waitMs > 0) return { ok: false, reason: "throttled", waitMs, message: waitMessage(waitMs) };
  const reviewer = await authenticate(db, input.login, input.password);
  if (!reviewer) {
    throttle.fail(input.login, input.address, clock());
    return { ok: false, reason: "failed" };
  }
  throttle.succeed(input.login);
  return { ok: true, reviewer };
}
