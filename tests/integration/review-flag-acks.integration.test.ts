// 確認済み（問題なし） on a real database (docs/decisions/0020, "Acknowledged flags"): an outlier or
// a 前年比大 item the officer accepts leaves the flag filter, the ranking and the bulk guard (the
// bulk UPDATE's own re-check agrees); the acknowledgement survives an outlier re-run of the same
// revision; a correction with the same outlier brings the flag back; undo brings it back too;
// another prefecture's officer gets a 404; every step is audited.
import { beforeAll, describe, expect, it } from "vitest";
import { db, type Prisma } from "@/lib/db";
import { computeOutlierFlags } from "@/lib/services/outlier-flags";
import { acknowledgeFlag, unacknowledgeFlag } from "@/lib/services/review-flag-acks";
import { bulkConfirm } from "@/lib/services/review";
import { startAmendment, submitReport } from "@/lib/services/respondent-reports";
import { getCycleFlagSummary, getSubmissionFlags } from "@/lib/data/review-flags";
import { listRespondents } from "@/lib/data/review";
import { findCycle } from "@/lib/data/cycles";
import { ZRespondentFilter } from "@/lib/prefecture/filters";
import { softWarningBadgeText } from "@/lib/prefecture/soft-warning-filter";
import type { TReviewFlagFilter } from "@/lib/prefecture/review-flags";
import { computeStoredDerived } from "@/lib/questionnaire/snapshot";
import type { TAnswers } from "@/lib/questionnaire/answers";
import { FUNCTION1_MET, miniClinicDefinition } from "@/tests/factories/questionnaire";
import { buildWorld, type TWorld } from "@/tests/factories/world";

let world: TWorld;
let cycleId: string;
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string; fieldErrors?: Record<string, string[]> },
  );
const base = { ...FUNCTION1_MET, i_rota: "2", ro_beds: "0" };
/** 時間外加算 counts of 鯖江市 clinics (zone 丹南): the peers of the world's 鯖江 clinic. */
const PEER_VALUES = [3, 4, 5, 5, 6, 7, 8, 8, 9, 10, 12];
const NOTE = "実数であることを電話で確認";

async function clinicSubmission(
  name: string,
  answers: TAnswers,
  softWarnings?: Prisma.InputJsonValue,
): Promise<string> {
  const institution = await db.institution.create({
    data: {
      code: `181${String(7_200_000 + Math.floor(Math.random() * 90_000))}`,
      name,
      kind: "CLINIC",
      prefectureCode: "18",
      municipalityCode: "182079",
    },
  });
  const derived = computeStoredDerived(miniClinicDefinition(), answers) as unknown as Prisma.InputJsonValue;
  const cycle = world.cycles.fukuiClinicCycle;
  const json = answers as Prisma.InputJsonValue;
  const submission = await db.submission.create({
    data: {
      cycleId: cycle.id,
      questionnaireVersionId: cycle.questionnaireVersionId,
      prefectureCode: "18",
      institutionId: institution.id,
      status: "SUBMITTED",
      answers: json,
      revision: 1,
      derived,
      submittedAt: new Date(),
      softWarnings,
      revisions: { create: { revision: 1, answers: json, derived, softWarnings } },
    },
  });
  return submission.id;
}

/** The report ids the list shows for a flag filter (the list's own where clause). */
async function listed(flag: TReviewFlagFilter): Promise<string[]> {
  const viewer = world.viewers.fukuiPrefecture;
  const cycle = await findCycle(viewer, cycleId);
  const list = await listRespondents(viewer, cycle, ZRespondentFilter.parse({ flag }));
  return list.rows.flatMap((r) => (r.submission ? [r.submission.id] : []));
}

/** The clinic's own amendment through the usual write path: a new revision with these answers. */
async function correct(overtime: number): Promise<number> {
  const clinic = world.viewers.sabaeClinic;
  const { draftVersion } = await startAmendment(clinic, cycleId);
  const result = await submitReport(clinic, cycleId, { draftVersion, answers: { ...base, i_overtime: overtime } });
  return result.revision;
}

beforeAll(async () => {
  world = await buildWorld();
  cycleId = world.cycles.fukuiClinicCycle.id;
  for (const [i, v] of PEER_VALUES.entries())
    await clinicSubmission(`確認済みテスト同圏域${i}`, { ...base, i_overtime: v });
});

describe("an acknowledged outlier", () => {
  const officer = () => world.viewers.fukuiPrefecture;
  const sabae = () => world.submissions.sabaeSubmission.id;
  const outlierRef = (revision: number) => ({ kind: "outlier", itemKey: "i_overtime", revision });

  it("leaves the flag filter, the ranking and the bulk guard, and survives a re-run of the same revision", async () => {
    expect(await correct(400)).toBe(2);
    await computeOutlierFlags(cycleId);
    expect(await listed("outlier")).toEqual([sabae()]);

    await acknowledgeFlag(officer(), sabae(), { ...outlierRef(2), note: NOTE });
    expect(await listed("outlier")).toEqual([]);
    expect(await listed("any")).not.toContain(sabae());
    expect((await getCycleFlagSummary(officer(), cycleId)).reports.outlier).toBe(0);
    const cycle = await findCycle(officer(), cycleId);
    const ranked = await listRespondents(officer(), cycle, ZRespondentFilter.parse({ sort: "flags" }));
    expect(ranked.rows.find((r) => r.submission?.id === sabae())?.flags.outlier).toBe(0);

    // The report view shows it as acknowledged, with who, when and the note.
    const flags = await getSubmissionFlags(officer(), sabae());
    expect(flags.outliers.map((f) => [f.itemKey, f.revision, f.acknowledged])).toEqual([["i_overtime", 2, true]]);
    expect(flags.acknowledgements).toEqual([
      expect.objectContaining({
        kind: "outlier",
        itemKey: "i_overtime",
        revision: 2,
        note: NOTE,
        acknowledgedByEmail: world.users.fukuiPrefecture.email,
      }),
    ]);

    // The next run replaces the rows; the same revision's flag stays acknowledged.
    await computeOutlierFlags(cycleId);
    expect(await db.outlierFlag.findMany({ where: { cycleId }, select: { acknowledged: true } })).toEqual([
      { acknowledged: true },
    ]);

    // Bulk confirmation takes it (its UPDATE re-check agrees with the where clause).
    const result = await bulkConfirm(officer(), cycleId, { q: "鯖江" });
    expect(result).toMatchObject({ confirmed: 1, flaggedReports: 0 });
    expect((await db.submission.findUniqueOrThrow({ where: { id: sabae() } })).status).toBe("CONFIRMED");
  });

  it("comes back with a correction that raises the same outlier (the acknowledgement is the revision's)", async () => {
    expect(await correct(410)).toBe(3);
    await computeOutlierFlags(cycleId);
    expect(await listed("outlier")).toEqual([sabae()]);
    const flags = await getSubmissionFlags(officer(), sabae());
    expect(flags.outliers.map((f) => [f.revision, f.acknowledged])).toEqual([[3, false]]);
    expect(flags.acknowledgements.map((a) => a.revision)).toEqual([2]);
    const result = await bulkConfirm(officer(), cycleId, { q: "鯖江" });
    expect(result).toMatchObject({ confirmed: 0, flaggedReports: 1, flagged: { outlier: 1 } });

    // The old revision cannot be acknowledged any more; the current one can, and undone.
    expect(await errorOf(acknowledgeFlag(officer(), sabae(), outlierRef(2)))).toMatchObject({ code: "CONFLICT" });
    await acknowledgeFlag(officer(), sabae(), outlierRef(3));
    expect(await listed("outlier")).toEqual([]);
    expect(await errorOf(acknowledgeFlag(officer(), sabae(), outlierRef(3)))).toMatchObject({ code: "CONFLICT" });
    await unacknowledgeFlag(officer(), sabae(), outlierRef(3));
    expect(await listed("outlier")).toEqual([sabae()]);
    expect(await errorOf(unacknowledgeFlag(officer(), sabae(), outlierRef(3)))).toMatchObject({ code: "CONFLICT" });
  });

  it("a correction whose value is back among its peers raises nothing: no flag, nothing to acknowledge", async () => {
    expect(await correct(8)).toBe(4);
    await computeOutlierFlags(cycleId);
    expect(await listed("outlier")).toEqual([]);
    expect(await errorOf(acknowledgeFlag(officer(), sabae(), outlierRef(4)))).toMatchObject({ code: "CONFLICT" });
  });

  it("every step is in the audit log, in Japanese", async () => {
    const events = await db.auditEvent.findMany({
      where: { entityId: sabae(), action: { startsWith: "review_flag." } },
      orderBy: { id: "asc" },
      select: { action: true, actorEmail: true, summary: true, after: true, before: true },
    });
    expect(events.map((e) => [e.action, e.actorEmail])).toEqual([
      ["review_flag.acknowledge", world.users.fukuiPrefecture.email],
      ["review_flag.acknowledge", world.users.fukuiPrefecture.email],
      ["review_flag.unacknowledge", world.users.fukuiPrefecture.email],
    ]);
    expect(events[0]!.summary).toMatch(/の報告（第2版）の「.+」の外れ値を確認済み（問題なし）にした$/);
    expect(events[0]!.after).toMatchObject({ flag: "outlier", itemKey: "i_overtime", revision: 2, note: NOTE });
    expect(events[2]!.summary).toMatch(/の報告（第3版）の「.+」の外れ値の確認済み（問題なし）を取り消した$/);
  });
});

describe("acknowledged 前年比大 items", () => {
  const changeWarning = (ruleId: string, item: string) => ({
    ruleId,
    kind: "change",
    importance: "confirm",
    items: [item],
    message: "前年から大きく変わっています。",
    explanationRequired: true,
    explanation: "医師が1名増えた。",
  });
  const warnings = {
    ruleSetKey: "test.rules-1",
    warnings: [changeWarning("visit-change", "i_overtime"), changeWarning("rota-change", "i_rota")],
  };
  let id: string;
  const ref = (itemKey: string, revision = 1) => ({ kind: "big-change", itemKey, revision });

  beforeAll(async () => {
    id = await clinicSubmission("前年比テスト診療所", { ...base, i_overtime: 7 }, warnings);
  });

  it("the report leaves the flag once every 前年比大 of the revision is acknowledged, and bulk confirms it", async () => {
    const officer = world.viewers.fukuiPrefecture;
    expect(await listed("big-change")).toEqual([id]);
    await acknowledgeFlag(officer, id, ref("i_overtime"));
    // One of two: still flagged, counted once.
    expect(await listed("big-change")).toEqual([id]);
    const cycle = await findCycle(officer, cycleId);
    const one = await listRespondents(officer, cycle, ZRespondentFilter.parse({ flag: "big-change" }));
    expect(one.rows[0]!.flags["big-change"]).toBe(1);
    // The badge next to the status counts the open one, the acknowledged one apart (the 目印 agrees).
    expect(softWarningBadgeText(one.rows[0]!.warningCounts)).toBe("確認事項 2（前年比大 1・確認済み（問題なし） 1）");
    expect((await bulkConfirm(officer, cycleId, { q: "前年比テスト" })).confirmed).toBe(0);

    await acknowledgeFlag(officer, id, { ...ref("i_rota"), note: "当番医制の変更" });
    expect(await listed("big-change")).toEqual([]);
    expect(await listed("any")).not.toContain(id);
    expect((await getCycleFlagSummary(officer, cycleId)).reports["big-change"]).toBe(0);
    const settled = await listRespondents(officer, cycle, ZRespondentFilter.parse({ q: "前年比テスト" }));
    expect(settled.rows.map((r) => [softWarningBadgeText(r.warningCounts), r.flags["big-change"]])).toEqual([
      ["確認事項 2（確認済み（問題なし） 2）", 0],
    ]);

    // Undone: flagged again; acknowledged again: bulk confirmation takes it.
    await unacknowledgeFlag(officer, id, ref("i_rota"));
    expect(await listed("big-change")).toEqual([id]);
    expect((await bulkConfirm(officer, cycleId, { q: "前年比テスト" })).confirmed).toBe(0);
    await acknowledgeFlag(officer, id, ref("i_rota"));
    const result = await bulkConfirm(officer, cycleId, { q: "前年比テスト" });
    expect(result).toMatchObject({ confirmed: 1, flaggedReports: 0 });
  });

  it("a new revision with the same warnings is flagged again without the write path knowing", async () => {
    // What the submit writes (ADR 0019): the revision number and the new revision's warnings.
    await db.submission.update({ where: { id }, data: { revision: 2, status: "SUBMITTED", softWarnings: warnings } });
    expect(await listed("big-change")).toEqual([id]);
    const cycle = await findCycle(world.viewers.fukuiPrefecture, cycleId);
    const list = await listRespondents(world.viewers.fukuiPrefecture, cycle, ZRespondentFilter.parse({ flag: "any" }));
    expect(list.rows.find((r) => r.submission?.id === id)?.flags["big-change"]).toBe(2);
  });

  it("refuses what cannot be acknowledged, in Japanese, never a 500", async () => {
    const officer = world.viewers.fukuiPrefecture;
    for (const kind of ["query-open", "query-answered", "warning-unexplained", "nonsense"]) {
      const error = await errorOf(acknowledgeFlag(officer, id, { kind, itemKey: "i_overtime", revision: 2 }));
      expect(error).toMatchObject({ code: "INVALID_INPUT" });
      expect(error!.fieldErrors!.kind![0]).toContain("外れ値と前年比大だけ");
    }
    expect(
      await errorOf(acknowledgeFlag(officer, id, { ...ref("i_overtime", 2), note: "あ".repeat(201) })),
    ).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { note: [expect.stringContaining("200文字以内")] } });
    expect(await errorOf(acknowledgeFlag(officer, id, ref("f1_notice", 2)))).toMatchObject({ code: "CONFLICT" });
    // A 前年比大 without the clinic's explanation is the clinic's to explain, not the officer's to accept.
    const unexplained = await clinicSubmission(
      "前年比説明なし診療所",
      { ...base, i_overtime: 7 },
      { ruleSetKey: "test.rules-1", warnings: [{ ...changeWarning("visit-change", "i_overtime"), explanation: null }] },
    );
    const refused = await errorOf(acknowledgeFlag(officer, unexplained, ref("i_overtime")));
    expect(refused).toMatchObject({ code: "CONFLICT" });
    expect(refused!.message).toContain("回答者の説明が必要です");
    expect(await db.reviewFlagAcknowledgement.count({ where: { submissionId: unexplained } })).toBe(0);
    expect(await errorOf(acknowledgeFlag(officer, id, undefined))).toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("who may acknowledge", () => {
  it("the officer of the report's prefecture only: another prefecture's officer gets a 404", async () => {
    const kanazawa = world.submissions.kanazawaSubmission.id;
    const sabae = world.submissions.sabaeSubmission.id;
    const ref = { kind: "outlier", itemKey: "i_overtime", revision: 1 };
    const foreign = world.viewers.ishikawaPrefecture;
    expect(await errorOf(acknowledgeFlag(foreign, sabae, ref))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(unacknowledgeFlag(foreign, sabae, ref))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(acknowledgeFlag(world.viewers.fukuiPrefecture, kanazawa, ref))).toMatchObject({
      code: "NOT_FOUND",
    });
    for (const viewer of [world.viewers.sabaeClinic, world.viewers.tannanCouncil, world.viewers.tannanHub]) {
      expect(await errorOf(acknowledgeFlag(viewer, sabae, ref))).toMatchObject({ code: "FORBIDDEN" });
      expect(await errorOf(unacknowledgeFlag(viewer, sabae, ref))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(
      await db.auditEvent.count({
        where: { actorId: world.users.ishikawaPrefecture.id, action: { startsWith: "review_flag." } },
      }),
    ).toBe(0);
  });
});
