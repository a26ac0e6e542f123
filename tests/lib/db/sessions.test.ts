// Server-side sessions on a real database: logout, password change and disabling an account
// end sessions (also copies of the cookie); idle and absolute timeouts end them too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate, createReviewer, setDisabled, setPassword } from "../../../lib/db/reviewers";
import { findSession, openSession, revokeSession } from "../../../lib/db/sessions";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../helpers/database";

process.env.BITEXT_SECRET ??= "sessions-test-secret";

const limits = { idleMs: 3_600_000, absoluteMs: 86_400_000 };
const at = (t: Date, ms: number) => new Date(t.getTime() + ms);

describe.each(DATABASE_KINDS)("sessions on %s", (kind) => {
  let t: TestDatabase;
  let n = 0;
  beforeAll(async () => { t = await createTestDatabase(kind); });
  afterAll(async () => { await t?.drop(); });

  async function account() {
    n++;
    return createReviewer(t.db, { login: `session${n}`, displayName: `Session ${n}`, password: "first password" });
  }

  it("a cookie works until logout, and a copy of it taken before logout stops working too", async () => {
    const r = await account();
    const now = new Date();
    const { token } = await openSession(t.db, r.id, now, limits);
    const copy = `${token}`;
    expect(await findSession(t.db, token, now, limits)).toMatchObject({ reviewer: { id: r.id, login: r.login } });
    await revokeSession(t.db, token);
    expect(await findSession(t.db, token, now, limits)).toBeNull();
    expect(await findSession(t.db, copy, now, limits)).toBeNull();
    expect(await findSession(t.db, `${token}.x`, now, limits)).toBeNull();
  });

  it("a password change ends every session of the account, and only of that account", async () => {
    const r = await account();
    const other = await account();
    const now = new Date();
    const a = await openSession(t.db, r.id, now, limits);
    const b = await openSession(t.db, r.id, now, limits);
    const c = await openSession(t.db, other.id, now, limits);
    expect(await setPassword(t.db, r.login, "second password")).toEqual({ login: r.login, revoked: 2 });
    expect(await findSession(t.db, a.token, now, limits)).toBeNull();
    expect(await findSession(t.db, b.token, now, limits)).toBeNull();
    expect(await findSession(t.db, c.token, now, limits)).not.toBeNull();
    expect(await authenticate(t.db, r.login, "first password")).toBeNull();
    expect(await authenticate(t.db, r.login, "second password")).toMatchObject({ id: r.id });
    await expect(setPassword(t.db, r.login, "short")).rejects.toThrow(/at least 8 characters/);
    await expect(setPassword(t.db, "nobody-here", "long enough")).rejects.toThrow(/There is no account "nobody-here"/);
  });

  it("disabling an account ends its sessions and refuses its logins until enabled", async () => {
    const r = await account();
    const now = new Date();
    const { token } = await openSession(t.db, r.id, now, limits);
    expect(await setDisabled(t.db, r.login, true)).toEqual({ login: r.login, revoked: 1 });
    expect(await findSession(t.db, token, now, limits)).toBeNull();
    expect(await authenticate(t.db, r.login, "first password")).toBeNull();
    await setDisabled(t.db, r.login, false);
    expect(await findSession(t.db, token, now, limits)).toBeNull();
    expect(await authenticate(t.db, r.login, "first password")).toMatchObject({ id: r.id });
  });

  it("ends a session after the idle timeout without requests, and at the absolute timeout anyway", async () => {
    const r = await account();
    const start = new Date();
    const idle = await openSession(t.db, r.id, start, limits);
    expect(await findSession(t.db, idle.token, at(start, limits.idleMs - 1000), limits)).not.toBeNull();
    // That request counted as activity: the idle clock starts again from it.
    expect(await findSession(t.db, idle.token, at(start, 2 * limits.idleMs - 2000), limits)).not.toBeNull();
    expect(await findSession(t.db, idle.token, at(start, 3 * limits.idleMs), limits)).toBeNull();

    const busy = await openSession(t.db, r.id, start, limits);
    let now = start;
    while (now.getTime() + limits.idleMs / 2 < start.getTime() + limits.absoluteMs) {
      now = at(now, limits.idleMs / 2);
      expect(await findSession(t.db, busy.token, now, limits)).not.toBeNull();
    }
    expect(await findSession(t.db, busy.token, at(start, limits.absoluteMs), limits)).toBeNull();
  });
});
