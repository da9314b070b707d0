// The respondent write path against a real database: draft, submit, amend, stale revision,
// double submit, closed cycle, bad input — and that nobody else can use it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  copyPreviousAnswers,
  discardAmendment,
  saveDraft,
  startAmendment,
  submitReport,
} from "@/lib/services/respondent-reports";
import { confirmSubmission } from "@/lib/services/review";
import { findOwnSubmission } from "@/lib/data/respondent";
import type { TRespondentViewer } from "@/lib/data/respondent";
import { FUNCTION1_MET } from "@/tests/factories/questionnaire";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { loadViewer } from "@/lib/auth/viewer";

let world: TWorld;
let clinic: TRespondentViewer;
let cycleId: string;
const complete = { ...FUNCTION1_MET, i_rota: "2", ro_beds: "0" };

async function newRespondent(code: string, name: string) {
  const institution = await db.institution.create({
    data: { code, name, kind: "CLINIC", prefectureCode: "18", municipalityCode: "182079" },
  });
  const user = await db.user.create({
    data: { email: `${code}@example.jp`, name, role: "INSTITUTION", institutionId: institution.id },
  });
  return (await loadViewer(user.id)) as Extract<TRespondentViewer, { role: "institution" }>;
}

beforeAll(async () => {
  world = await buildWorld();
  clinic = await newRespondent("1810888881", "新規クリニック");
  cycleId = world.cycles.fukuiClinicCycle.id;
});

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string; fieldErrors?: Record<string, string[]> },
  );

describe("drafts", () => {
  it("the first save creates the draft at version 1, later saves need the version they started from", async () => {
    const first = await saveDraft(clinic, cycleId, { draftVersion: 0, answers: { f1_notice: true } });
    expect(first.draftVersion).toBe(1);
    const second = await saveDraft(clinic, cycleId, { draftVersion: 1, answers: { f1_notice: true, f1_areas: ["1"] } });
    expect(second.draftVersion).toBe(2);
    const stored = await findOwnSubmission(clinic, cycleId);
    expect(stored).toMatchObject({ status: "DRAFT", draftVersion: 2, answers: { f1_notice: true, f1_areas: ["1"] } });
  });

  it("refuses a stale save (second tab) and keeps the newer draft", async () => {
    const error = await errorOf(saveDraft(clinic, cycleId, { draftVersion: 1, answers: { f1_notice: false } }));
    expect(error).toMatchObject({ code: "STALE_REVISION", message: expect.stringContaining("別の画面") });
    expect((await findOwnSubmission(clinic, cycleId))?.answers).toEqual({ f1_notice: true, f1_areas: ["1"] });
  });

  it("a save sent again after its answer was lost gets its receipt again, and writes nothing", async () => {
    const own = await findOwnSubmission(clinic, cycleId);
    const stored = await db.submission.findUniqueOrThrow({ where: { id: own!.id } });
    // Version 2 was written from version 1 with these answers (the first test); the retry says so.
    const replayed = await saveDraft(clinic, cycleId, {
      draftVersion: 1,
      answers: { f1_areas: ["1"], f1_notice: true },
    });
    expect(replayed).toEqual({ submissionId: stored.id, draftVersion: 2, savedAt: stored.updatedAt.toISOString() });
    // Two versions behind, or other answers at that version: another window's work, still stale.
    const older = await errorOf(
      saveDraft(clinic, cycleId, { draftVersion: 0, answers: { f1_notice: true, f1_areas: ["1"] } }),
    );
    expect(older).toMatchObject({ code: "STALE_REVISION" });
    const explained = await errorOf(
      saveDraft(clinic, cycleId, {
        draftVersion: 1,
        answers: { f1_notice: true, f1_areas: ["1"] },
        explanations: { x: "説明" },
      }),
    );
    expect(explained).toMatchObject({ code: "STALE_REVISION" });
    expect(await db.submission.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({
      draftVersion: 2,
      updatedAt: stored.updatedAt,
    });
  });

  it("two tabs creating the first draft at once: one wins, the other is told to reload", async () => {
    const racer = await newRespondent("1810999993", "同時作成テスト");
    const results = await Promise.allSettled([
      saveDraft(racer, cycleId, { draftVersion: 0, answers: { f1_notice: true } }),
      saveDraft(racer, cycleId, { draftVersion: 0, answers: { f1_notice: false } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      code: "STALE_REVISION",
    });
    expect(await db.submission.count({ where: { cycleId, institutionId: racer.institutionId } })).toBe(1);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["an unknown key", { hacked: 1 }, "_form", "定義にない項目が含まれています（hacked）。"],
    ["a wrong type", { f1_notice: "yes" }, "f1_notice", "「はい」か「いいえ」を選んでください。"],
    ["a code not in the item", { i_rota: "99" }, "i_rota", "選択肢にない値です。"],
    ["oversize text", { i_note: "あ".repeat(21) }, "i_note", "20文字以内で入力してください。"],
  ])("rejects %s with a field message and keeps the last good draft", async (_name, answers, key, message) => {
    const error = await errorOf(saveDraft(clinic, cycleId, { draftVersion: 2, answers }));
    expect(error?.code).toBe("INVALID_INPUT");
    expect(error?.fieldErrors?.[key]).toEqual([message]);
    expect((await findOwnSubmission(clinic, cycleId))?.draftVersion).toBe(2);
  });

  it.each([[null], ["text"], [{ answers: {} }], [{ draftVersion: -1, answers: {} }]])(
    "rejects a malformed body %j without a 500",
    async (body) => {
      expect(await errorOf(saveDraft(clinic, cycleId, body))).toMatchObject({ code: "INVALID_INPUT" });
    },
  );

  it("audits each save with only the changed items", async () => {
    const events = await db.auditEvent.findMany({
      where: { action: "submission.save_draft", actorId: clinic.userId },
      orderBy: { id: "asc" },
    });
    expect(events).toHaveLength(2);
    expect(events[1]!.before).toEqual({ f1_areas: null });
    expect(events[1]!.after).toEqual({ f1_areas: ["1"] });
  });
});

describe("submit and amend", () => {
  it("refuses an incomplete report with every missing item", async () => {
    const error = await errorOf(submitReport(clinic, cycleId, { draftVersion: 2, answers: { f1_notice: true } }));
    expect(error?.code).toBe("INVALID_INPUT");
    expect(Object.keys(error?.fieldErrors ?? {}).sort()).toEqual(["f1_areas", "f1_consult"]);
  });

  it("a submit carrying the version from before its own lost save goes through; other answers stay stale", async () => {
    const late = await newRespondent("1810999994", "応答消失テスト");
    await saveDraft(late, cycleId, { draftVersion: 0, answers: complete }); // committed, its answer lost
    const other = await errorOf(
      submitReport(late, cycleId, { draftVersion: 0, answers: { ...complete, f1_consult: false } }),
    );
    expect(other).toMatchObject({ code: "STALE_REVISION" });
    const result = await submitReport(late, cycleId, { draftVersion: 0, answers: complete });
    expect(result).toMatchObject({ revision: 1, alreadySubmitted: false });
    expect(await findOwnSubmission(late, cycleId)).toMatchObject({ status: "SUBMITTED", revision: 1 });
  });

  it("submits revision 1 with its derived status, once, even when clicked twice at the same time", async () => {
    const [a, b] = await Promise.all([
      submitReport(clinic, cycleId, { draftVersion: 2, answers: { ...complete, i_note: "hidden?" } }),
      submitReport(clinic, cycleId, { draftVersion: 2, answers: { ...complete, i_note: "hidden?" } }),
    ]);
    expect([a.revision, b.revision]).toEqual([1, 1]);
    expect([a.alreadySubmitted, b.alreadySubmitted].sort()).toEqual([false, true]);
    const submission = await db.submission.findFirstOrThrow({
      where: { id: a.submissionId },
      include: { revisions: true },
    });
    expect(submission.revisions).toHaveLength(1);
    expect(submission.status).toBe("SUBMITTED");
    expect(submission.derived).toMatchObject({
      functions: { f1: { has: true }, f2i: { has: true }, f2ro: { has: false } },
    });
  });

  it("a submitted report cannot be saved over without starting an amendment", async () => {
    const current = await findOwnSubmission(clinic, cycleId);
    expect(
      await errorOf(saveDraft(clinic, cycleId, { draftVersion: current!.draftVersion, answers: complete })),
    ).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("変更報告"),
    });
  });

  it("a correction before the review becomes revision 2, a 再提出; the revision 1 answers stay frozen", async () => {
    await startAmendment(clinic, cycleId);
    let current = await findOwnSubmission(clinic, cycleId);
    expect(current?.isAmending).toBe(true);
    const amended = { ...complete, i_rota: "3" };
    await saveDraft(clinic, cycleId, { draftVersion: current!.draftVersion, answers: amended });
    current = await findOwnSubmission(clinic, cycleId);
    const result = await submitReport(clinic, cycleId, { draftVersion: current!.draftVersion, answers: amended });
    expect(result.revision).toBe(2);
    const revisions = await db.submissionRevision.findMany({
      where: { submissionId: result.submissionId },
      orderBy: { revision: "asc" },
    });
    expect(revisions.map((r) => (r.answers as { i_rota: string }).i_rota)).toEqual(["2", "3"]);
    // Not yet accepted by the prefecture: sent again, a 再提出 — not a 変更報告.
    expect(revisions.map((r) => r.kind)).toEqual(["INITIAL", "RESUBMISSION"]);
    const actions = (
      await db.auditEvent.findMany({ where: { entityId: result.submissionId }, orderBy: { id: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["submission.submit", "submission.start_amendment", "submission.resubmit"]),
    );
    expect(actions).not.toContain("submission.amend");
  });

  it("discarding an amendment restores the last submitted answers", async () => {
    await startAmendment(clinic, cycleId);
    const current = await findOwnSubmission(clinic, cycleId);
    await saveDraft(clinic, cycleId, { draftVersion: current!.draftVersion, answers: { ...complete, i_rota: "0" } });
    await discardAmendment(clinic, cycleId);
    const after = await findOwnSubmission(clinic, cycleId);
    expect(after).toMatchObject({ isAmending: false, status: "SUBMITTED", revision: 2 });
    expect((after!.answers as { i_rota: string }).i_rota).toBe("3");
  });

  it("a change after the prefecture confirmed the report is a 変更報告", async () => {
    const current = await findOwnSubmission(clinic, cycleId);
    await confirmSubmission(world.viewers.fukuiPrefecture, current!.id, { revision: current!.revision });
    await startAmendment(clinic, cycleId);
    const amending = await findOwnSubmission(clinic, cycleId);
    const changed = { ...complete, i_rota: "0" };
    await saveDraft(clinic, cycleId, { draftVersion: amending!.draftVersion, answers: changed });
    const saved = await findOwnSubmission(clinic, cycleId);
    const result = await submitReport(clinic, cycleId, { draftVersion: saved!.draftVersion, answers: changed });
    const latest = await db.submissionRevision.findUniqueOrThrow({
      where: { submissionId_revision: { submissionId: result.submissionId, revision: result.revision } },
    });
    expect(latest.kind).toBe("AMENDMENT");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: result.submissionId },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({ action: "submission.amend", summary: `変更報告を提出（第${result.revision}版）` });
  });
});

describe("the window and the scope", () => {
  it("refuses every write after the deadline, until the prefecture reopens the respondent", async () => {
    await db.reportingCycle.update({ where: { id: cycleId }, data: { closesAt: new Date(Date.now() - 60_000) } });
    const current = await findOwnSubmission(clinic, cycleId);
    expect(await errorOf(startAmendment(clinic, cycleId))).toMatchObject({
      code: "CYCLE_CLOSED",
      message: expect.stringContaining("提出期限"),
    });
    expect(
      await errorOf(saveDraft(clinic, cycleId, { draftVersion: current!.draftVersion, answers: complete })),
    ).toMatchObject({ code: "CYCLE_CLOSED" });
    await db.submission.update({
      where: { id: current!.id },
      data: { reopenedUntil: new Date(Date.now() + 86_400_000) },
    });
    await expect(startAmendment(clinic, cycleId)).resolves.toBeTruthy();
    await db.reportingCycle.update({
      where: { id: cycleId },
      data: { closesAt: new Date(Date.now() + 30 * 86_400_000) },
    });
  });

  it.each<keyof TWorld["viewers"]>(["fukuiPrefecture", "tannanCouncil", "admin"])(
    "%s cannot write a respondent's report",
    async (key) => {
      expect(await errorOf(saveDraft(world.viewers[key], cycleId, { draftVersion: 0, answers: {} }))).toMatchObject({
        code: "FORBIDDEN",
      });
    },
  );

  it("a hub cannot answer the clinic report, and a clinic cannot answer another prefecture's cycle", async () => {
    expect(await errorOf(saveDraft(world.viewers.tannanHub, cycleId, { draftVersion: 0, answers: {} }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await errorOf(saveDraft(clinic, world.cycles.ishikawaClinicCycle.id, { draftVersion: 0, answers: {} })),
    ).toMatchObject({ code: "NOT_FOUND" });
  });

  it("copy of last year's answers finds nothing when there is no earlier cycle", async () => {
    const current = await findOwnSubmission(clinic, cycleId);
    expect(
      await errorOf(copyPreviousAnswers(clinic, cycleId, { draftVersion: current!.draftVersion, answers: {} })),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
