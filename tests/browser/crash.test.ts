// kill -9 of the server (issue #14): during reviewers' edits and during a web import. After a
// restart on the same database: no acknowledged edit lost, no half document, no analysis
// process left running, and the app works. Each case runs its own production server
// (the build from global-setup) on its own SQLite file, so that it can be killed.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLinks } from "../../lib/align";
import { SESSION_COOKIE } from "../../lib/auth/session";
import { openSession } from "../../lib/db/sessions";
import { createDb, type Db } from "../../lib/db/client";
import { loadSnapshot } from "../../lib/db/documents";
import { INTERRUPTED_MESSAGE } from "../../lib/db/import-jobs";
import { migrateDatabase } from "../../lib/db/migrate";
import { createReviewer } from "../../lib/db/reviewers";
import { childPids, startServer, type RunningServer } from "../../bench/server";
import { seedDocument } from "../lib/review/seed-document";

const SECRET = "crash-test-secret";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

let dir: string;
let databaseUrl: string;
let db: Db;
let cookie: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bitext-crash-"));
  databaseUrl = `file:${path.join(dir, "crash.db")}`;
  await migrateDatabase(databaseUrl);
  db = createDb(databaseUrl);
  const who = await createReviewer(db, { login: "crash", displayName: "Casey Crash", password: "crash test password" });
  process.env.BITEXT_SECRET = SECRET;
  cookie = `${SESSION_COOKIE}=${(await openSession(db, who.id)).token}`;
  env = { DATABASE_URL: databaseUrl, BITEXT_SECRET: SECRET };
});
afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

/** Every process the server started (the analysis is a thread, not among them). */
function descendants(pid: number): number[] {
  const direct = childPids(pid);
  return [...direct, ...direct.flatMap(descendants)];
}

async function killHard(server: RunningServer) {
  const closed = new Promise((resolve) => server.child.once("close", resolve));
  server.child.kill("SIGKILL");
  await closed;
}

/** The app answers: the document list, and an edit goes through. */
async function appWorks(server: RunningServer, documentId: number) {
  const list = await fetch(`${server.baseURL}/api/documents`, { headers: { cookie } });
  expect(list.status).toBe(200);
  const snap = await loadSnapshot(db, documentId);
  const seg = snap.target[1];
  const res = await fetch(`${server.baseURL}/api/documents/${documentId}/operations`, {
    method: "POST", headers: { cookie, "content-type": "application/json", origin: server.baseURL },
    body: JSON.stringify({ operation: { op: "editText", segmentId: seg.id, text: `${seg.text} (after restart)` }, expectedVersion: seg.version }),
  });
  expect(res.status).toBe(200);
  return (await list.json()) as { id: number }[];
}

describe("kill -9 of the server", () => {
  it("during edits: every acknowledged edit survives, the alignment holds, the app works after restart", async () => {
    const documentId = await seedDocument(db);
    const server = await startServer(env);
    const snap = await loadSnapshot(db, documentId);
    const acked: { revisionId: number; segmentId: number; text: string }[] = [];
    let stop = false;
    const refused: string[] = [];
    const editor = async (k: number) => {
      const seg = snap.target[k];
      let version = seg.version;
      for (let n = 0; !stop; n++) {
        const text = `${seg.text} [${n}]`;
        try {
          const res = await fetch(`${server.baseURL}/api/documents/${documentId}/operations`, {
            method: "POST", headers: { cookie, "content-type": "application/json", origin: server.baseURL },
            body: JSON.stringify({ operation: { op: "editText", segmentId: seg.id, text }, expectedVersion: version }),
          });
          if (res.status !== 200) { refused.push(`${res.status} ${await res.text()}`.slice(0, 300)); continue; }
          const body = await res.json();
          version = body.patch.segments.upsert.find((s: { id: number }) => s.id === seg.id).version;
          acked.push({ revisionId: body.patch.revisionId, segmentId: seg.id, text });
        } catch {
          return; // the server is gone: this request was never acknowledged
        }
      }
    };
    const editors = [0, 1, 2, 3].map(editor);
    // Kill it mid-stream: once some edits were acknowledged (the first ones warm the server up).
    for (let i = 0; i < 1200 && acked.length < 12; i++) await sleep(50);
    await killHard(server);
    stop = true;
    await Promise.all(editors);
    expect(refused.slice(0, 3)).toEqual([]);
    expect(acked.length).toBeGreaterThan(3);

    const restarted = await startServer(env);
    try {
      const after = await loadSnapshot(db, documentId);
      const revisions = new Set(after.revisions.map((r) => r.id));
      expect(acked.filter((a) => !revisions.has(a.revisionId))).toEqual([]);
      // Each sentence reads as its last acknowledged edit, or as an edit committed just before the kill.
      for (const k of [0, 1, 2, 3]) {
        const mine = acked.filter((a) => a.segmentId === snap.target[k].id).at(-1);
        if (!mine) continue;
        const stored = after.target[k].text;
        const n = Number(/\[(\d+)\]$/.exec(stored)?.[1]);
        expect(n).toBeGreaterThanOrEqual(Number(/\[(\d+)\]$/.exec(mine.text)![1]));
      }
      expect(checkLinks(after.links, after.source.length, after.target.length)).toEqual([]);
      await appWorks(restarted, documentId);
    } finally {
      restarted.child.kill("SIGTERM");
    }
  }, 300_000);

  it("during a web import: the analysis dies with it, no half document is left, the job is failed and retryable, the app works after restart", async () => {
    const documentId = await seedDocument(db);
    const en = Array.from({ length: 4000 }, (_, i) => `In ${1990 + (i % 30)}, the company announced plan number ${i}, and ${i % 97} people agreed.${i % 6 === 5 ? "\n\n" : " "}`).join("");
    const de = Array.from({ length: 4000 }, (_, i) => `Im Jahr ${1990 + (i % 30)} kündigte das Unternehmen Plan Nummer ${i} an, und ${i % 97} Menschen stimmten zu.${i % 6 === 5 ? "\n\n" : " "}`).join("");
    const startImport = async (server: RunningServer) => {
      const form = new FormData();
      form.set("sourceLang", "en");
      form.set("targetLang", "de");
      form.set("acceptWarnings", "1");
      form.set("sourceText", en);
      form.set("targetText", de);
      const res = await fetch(`${server.baseURL}/api/import`, { method: "POST", body: form, headers: { cookie, origin: server.baseURL } });
      expect(res.status).toBe(202);
      return (await res.json()).job as string;
    };
    const waitForStage = async (server: RunningServer, job: string, stages: string[]) => {
      for (let i = 0; i < 6000; i++) {
        const j = await (await fetch(`${server.baseURL}/api/import/jobs/${job}`, { headers: { cookie } })).json();
        if (stages.includes(j.stage)) return j;
        if (!["queued", "running"].includes(j.state)) throw new Error(`the import ended (${j.state}: ${j.error}) before reaching ${stages}`);
        await sleep(20);
      }
      throw new Error(`the import never reached ${stages}`);
    };

    // 1. Killed while the analysis runs: the analysis (a worker thread of the server) must not outlive
    //    it, nor any process the server started.
    const first = await startServer(env);
    const job = await startImport(first);
    await waitForStage(first, job, ["segment", "align", "check"]);
    const started = descendants(first.child.pid!);
    await killHard(first);
    for (let i = 0; i < 50 && started.some(alive); i++) await sleep(100);
    expect(started.filter(alive)).toEqual([]);

    // 2. Killed while the document is being written: after the restart it is gone.
    const second = await startServer(env);
    const again = await startImport(second);
    await waitForStage(second, again, ["store"]);
    await killHard(second);
    expect(await db.document.count({ where: { state: "importing" } })).toBe(1);

    const third = await startServer(env);
    try {
      expect(await db.document.count({ where: { state: "importing" } })).toBe(0);
      const documents = await appWorks(third, documentId);
      expect(documents.map((d) => d.id)).toEqual((await db.document.findMany({ where: { state: "ready" }, select: { id: true }, orderBy: { id: "asc" } })).map((d) => d.id));
      expect(await db.segment.count({ where: { document: { state: { not: "ready" } } } })).toBe(0);

      // Both jobs are failed with a message that says what happened, and can be retried.
      for (const id of [job, again]) {
        const j = await (await fetch(`${third.baseURL}/api/import/jobs/${id}`, { headers: { cookie } })).json();
        expect(j).toMatchObject({ state: "failed", retryable: true, error: INTERRUPTED_MESSAGE.running });
      }
      const retry = await fetch(`${third.baseURL}/api/import/jobs/${again}/retry`, { method: "POST", headers: { cookie, origin: third.baseURL } });
      expect(retry.status).toBe(202);
      const done = await waitForStage(third, again, ["done"]);
      expect(done.state).toBe("done");
      const stored = await loadSnapshot(db, done.documentId);
      expect([stored.source.length, stored.target.length]).toEqual([4000, 4000]);
    } finally {
      third.child.kill("SIGTERM");
    }
  }, 600_000);
});
