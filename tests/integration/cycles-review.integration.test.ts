// The prefecture's yearly cycle on a real database: creating and scheduling a cycle, opening and
// closing it, reopening one respondent after the deadline, reviewing reports (確認済み, 差戻し,
// bulk confirmation), progress per zone and municipality, the not-submitted list — and that no
// other role or prefecture can do any of it.
import { beforeAll, describe, expect, it } from "vitest";
import { db, type Prisma } from "@/lib/db";
import { loadViewer } from "@/lib/auth/viewer";
import type { TViewer } from "@/lib/auth/viewer-types";
import { closeCycle, createCycle, openCycle, reopenRespondent, updateCycleDates } from "@/lib/services/cycles";
import { bulkConfirm, confirmSubmission, returnSubmission } from "@/lib/services/review";
import { recountCycles } from "@/lib/services/counters";
import { summarizeClinic } from "@/lib/aggregation";
import { unsafeLoadClinicTotals } from "@/lib/data/clinic-counters";
import { saveDraft, submitReport } from "@/lib/services/respondent-reports";
import { countCycleStatuses, findCycle, listCycles } from "@/lib/data/cycles";
import { getProgress } from "@/lib/data/progress";
import { getReviewSubmission } from "@/lib/data/review-submission";
import { listNotSubmitted, listRespondents } from "@/lib/data/review";
import { findOwnSubmission } from "@/lib/data/respondent";
import { computeStoredDerived } from "@/lib/questionnaire/snapshot";
import { buildInstitutionCode } from "@/lib/domain/codes";
import { tableToFile } from "@/lib/export/table-file";
import { notSubmittedTable } from "@/lib/prefecture/exports";
import { readTableFile } from "@/lib/import/read";
import { ZRespondentFilter } from "@/lib/prefecture/filters";
import { NO_FLAGS } from "@/lib/prefecture/review-flags";
import { FUNCTION1_MET, miniClinicDefinition } from "@/tests/factories/questionnaire";
import { buildWorld, type TWorld } from "@/tests/factories/world";

let world: TWorld;
const complete = { ...FUNCTION1_MET, i_rota: "2", ro_beds: "0" };
const filter = (input: Record<string, string> = {}) => ZRespondentFilter.parse(input);
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string; fieldErrors?: Record<string, string[]> },
  );

async function clinicViewer(institutionId: string, email: string): Promise<TViewer> {
  const user = await db.user.create({ data: { email, name: email, role: "INSTITUTION", institutionId } });
  return (await loadViewer(user.id))!;
}

beforeAll(async () => {
  world = await buildWorld();
});

describe("cycles: create, schedule, open, close", () => {
  let cycleId: string;
  const versionId = () => world.cycles.fukuiClinicCycle.questionnaireVersionId;

  it("creates a cycle from a published version, with dates as days in Japan time", async () => {
    const created = await createCycle(world.viewers.fukuiPrefecture, {
      versionId: versionId(),
      fiscalYear: 2026,
      requestDate: "2026-11-15",
      opensOn: "2027-01-06",
      closesOn: "2027-02-26",
      publishOn: "2027-04-30",
    });
    cycleId = created.cycleId;
    const cycle = await findCycle(world.viewers.fukuiPrefecture, cycleId);
    expect(cycle).toMatchObject({
      kind: "CLINIC_REPORT",
      fiscalYear: 2026,
      status: "PREPARING",
      prefectureCode: "18",
      title: "令和8年度 かかりつけ医機能報告",
    });
    expect(cycle.opensAt.toISOString()).toBe("2027-01-05T15:00:00.000Z");
    expect(cycle.closesAt.toISOString()).toBe("2027-02-26T14:59:59.999Z");
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: cycleId, action: "cycle.create" } });
    expect(event).toMatchObject({
      actorEmail: world.users.fukuiPrefecture.email,
      prefectureCode: "18",
      after: expect.objectContaining({ status: "PREPARING", fiscalYear: 2026 }),
    });
  });

  it("refuses a second cycle of the same year and questionnaire, an unpublished version and bad dates, in Japanese", async () => {
    expect(
      await errorOf(
        createCycle(world.viewers.fukuiPrefecture, {
          versionId: versionId(),
          fiscalYear: 2026,
          opensOn: "2027-01-06",
          closesOn: "2027-02-26",
        }),
      ),
    ).toMatchObject({
      code: "CONFLICT",
      message: "令和8年度 かかりつけ医機能報告はすでにあります。",
    });
    const draft = await db.questionnaireVersion.create({
      data: {
        kind: "CLINIC_REPORT",
        versionKey: `draft-${Date.now()}`,
        fiscalYear: 2027,
        label: "下書き版",
        definition: {},
        definitionSha256: "x",
      },
    });
    expect(
      await errorOf(
        createCycle(world.viewers.fukuiPrefecture, {
          versionId: draft.id,
          fiscalYear: 2027,
          opensOn: "2027-01-06",
          closesOn: "2027-02-26",
        }),
      ),
    ).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { versionId: ["公開済みの調査票の版を選んでください。"] },
    });
    const bad = await errorOf(
      createCycle(world.viewers.fukuiPrefecture, {
        versionId: versionId(),
        fiscalYear: 2027,
        opensOn: "2027-03-01",
        closesOn: "2027-02-30",
        publishOn: "x",
      }),
    );
    expect(bad?.fieldErrors).toMatchObject({
      closesOn: ["提出期限は日付（例: 2026-02-27）で入力してください。"],
      publishOn: ["公表予定日は日付（例: 2026-02-27）で入力してください。"],
    });
    const order = await errorOf(
      createCycle(world.viewers.fukuiPrefecture, {
        versionId: versionId(),
        fiscalYear: 2027,
        opensOn: "2027-03-01",
        closesOn: "2027-02-01",
      }),
    );
    expect(order?.fieldErrors).toMatchObject({ closesOn: ["提出期限は受付開始日以降にしてください。"] });
  });

  it("changes the dates (audited with before and after) and opens and closes the cycle", async () => {
    const now = new Date();
    const today = new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
    const later = new Date(now.getTime() + 30 * 86_400_000 + 9 * 3600_000).toISOString().slice(0, 10);
    await updateCycleDates(world.viewers.fukuiPrefecture, cycleId, { opensOn: today, closesOn: later });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: cycleId, action: "cycle.update_dates" } });
    expect(event.before).toMatchObject({ opensAt: "2027-01-05T15:00:00.000Z" });
    await openCycle(world.viewers.fukuiPrefecture, cycleId);
    expect((await findCycle(world.viewers.fukuiPrefecture, cycleId)).status).toBe("OPEN");
    await openCycle(world.viewers.fukuiPrefecture, cycleId); // already open: nothing to do
    await closeCycle(world.viewers.fukuiPrefecture, cycleId);
    expect((await findCycle(world.viewers.fukuiPrefecture, cycleId)).status).toBe("CLOSED");
    const actions = (await db.auditEvent.findMany({ where: { entityId: cycleId }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["cycle.create", "cycle.update_dates", "cycle.open", "cycle.close"]);
  });

  it("will not open a cycle whose deadline has passed", async () => {
    await updateCycleDates(world.viewers.fukuiPrefecture, cycleId, { opensOn: "2020-01-06", closesOn: "2020-02-26" });
    expect(await errorOf(openCycle(world.viewers.fukuiPrefecture, cycleId))).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("提出期限を過ぎている"),
    });
  });

  it("lists the prefecture's cycles with counts per status", async () => {
    const cycles = await listCycles(world.viewers.fukuiPrefecture);
    const clinic = cycles.find((c) => c.id === world.cycles.fukuiClinicCycle.id)!;
    expect(clinic.counts).toEqual({
      total: 4,
      NOT_STARTED: 1,
      DRAFT: 1,
      SUBMITTED: 2,
      RETURNED: 0,
      CONFIRMED: 0,
      suspended: 0,
    });
    expect(cycles.every((c) => c.prefectureCode === "18")).toBe(true);
  });
});

describe("reopening one respondent after the deadline", () => {
  it("lets only that respondent save and submit, until the day chosen", async () => {
    const cycle = world.cycles.fukuiClinicCycle;
    await db.reportingCycle.update({ where: { id: cycle.id }, data: { closesAt: new Date(Date.now() - 86_400_000) } });
    try {
      const tsuruga = await clinicViewer(world.institutions.tsurugaClinic.id, `reopen-${Date.now()}@example.jp`);
      expect(
        await errorOf(saveDraft(tsuruga, cycle.id, { draftVersion: 0, answers: { f1_notice: true } })),
      ).toMatchObject({ code: "CYCLE_CLOSED" });

      await db.ndbPrefill.create({
        data: {
          cycleId: cycle.id,
          institutionId: world.institutions.tsurugaClinic.id,
          itemKey: "i_overtime",
          value: 12,
        },
      });
      const until = new Date(Date.now() + 5 * 86_400_000 + 9 * 3600_000).toISOString().slice(0, 10);
      const reopened = await reopenRespondent(world.viewers.fukuiPrefecture, cycle.id, {
        code: world.institutions.tsurugaClinic.code,
        until,
      });
      expect(reopened.reopenedUntil?.toISOString()).toBe(new Date(`${until}T23:59:59.999+09:00`).toISOString());
      // Not started before: the draft that carries the permission starts with the NDB values, as the form would.
      const draft = await findOwnSubmission(tsuruga as never, cycle.id);
      expect(draft).toMatchObject({ status: "DRAFT", answers: { i_overtime: 12 } });

      const saved = await saveDraft(tsuruga, cycle.id, { draftVersion: draft!.draftVersion, answers: complete });
      await submitReport(tsuruga, cycle.id, { draftVersion: saved.draftVersion, answers: complete });
      expect((await findOwnSubmission(tsuruga as never, cycle.id))?.status).toBe("SUBMITTED");

      // Others stay closed.
      const fukui = await clinicViewer(world.institutions.fukuiClinic.id, `closed-${Date.now()}@example.jp`);
      expect(await errorOf(saveDraft(fukui, cycle.id, { draftVersion: 1, answers: complete }))).toMatchObject({
        code: "CYCLE_CLOSED",
      });

      const event = await db.auditEvent.findFirstOrThrow({
        where: { entityId: reopened.submissionId, action: "submission.reopen" },
      });
      expect(event).toMatchObject({
        before: { reopenedUntil: null },
        after: { reopenedUntil: reopened.reopenedUntil!.toISOString() },
      });

      // Taking the permission back closes the form again.
      await reopenRespondent(world.viewers.fukuiPrefecture, cycle.id, {
        respondentId: world.institutions.tsurugaClinic.id,
      });
      expect(await errorOf(saveDraft(tsuruga, cycle.id, { draftVersion: 99, answers: complete }))).toMatchObject({
        code: "CYCLE_CLOSED",
      });
    } finally {
      await db.reportingCycle.update({ where: { id: cycle.id }, data: { closesAt: cycle.closesAt } });
    }
  });

  it("refuses a day in the past and an institution of another prefecture", async () => {
    const cycle = world.cycles.fukuiClinicCycle;
    expect(
      await errorOf(
        reopenRespondent(world.viewers.fukuiPrefecture, cycle.id, {
          respondentId: world.institutions.sabaeClinic.id,
          until: "2020-01-01",
        }),
      ),
    ).toMatchObject({
      fieldErrors: { until: ["期限は今日以降の日付にしてください。"] },
    });
    expect(
      await errorOf(
        reopenRespondent(world.viewers.fukuiPrefecture, cycle.id, {
          code: world.institutions.kanazawaClinic.code,
          until: "2099-01-01",
        }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("review: 確認済み, 差戻し, bulk confirmation", () => {
  it("confirms the revision the officer looked at, and refuses a stale one", async () => {
    const id = world.submissions.sabaeSubmission.id;
    expect(await errorOf(confirmSubmission(world.viewers.fukuiPrefecture, id, { revision: 2 }))).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("第1版"),
    });
    await confirmSubmission(world.viewers.fukuiPrefecture, id, { revision: 1, comment: "内容を確認しました。" });
    const row = await db.submission.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "CONFIRMED",
      reviewComment: "内容を確認しました。",
      reviewedById: world.users.fukuiPrefecture.id,
    });
    expect(await errorOf(confirmSubmission(world.viewers.fukuiPrefecture, id, { revision: 1 }))).toMatchObject({
      code: "CONFLICT",
    });
  });

  it("returns a report with a required comment the respondent sees; the respondent resubmits", async () => {
    const id = world.submissions.sabaeSubmission.id;
    expect(
      await errorOf(returnSubmission(world.viewers.fukuiPrefecture, id, { revision: 1, comment: "  " })),
    ).toMatchObject({
      fieldErrors: { comment: ["差戻しの理由を入力してください（回答者に表示されます）。"] },
    });
    // Finding 7 (issue 12): NUL and lone surrogates are field errors, never a 500 from PostgreSQL.
    for (const comment of ["確認\u0000してください", "確認\ud842してください"]) {
      expect(
        await errorOf(returnSubmission(world.viewers.fukuiPrefecture, id, { revision: 1, comment })),
      ).toMatchObject({
        fieldErrors: { comment: ["使用できない文字（制御文字など）が含まれています。"] },
      });
    }
    await returnSubmission(world.viewers.fukuiPrefecture, id, {
      revision: 1,
      comment: "(イ)の在宅当番医制を確認してください。",
    });
    const own = await findOwnSubmission(world.viewers.sabaeClinic as never, world.cycles.fukuiClinicCycle.id);
    expect(own).toMatchObject({ status: "RETURNED", reviewComment: "(イ)の在宅当番医制を確認してください。" });

    const fixed = { ...complete, i_rota: "3" };
    const saved = await saveDraft(world.viewers.sabaeClinic, world.cycles.fukuiClinicCycle.id, {
      draftVersion: own!.draftVersion,
      answers: fixed,
    });
    await submitReport(world.viewers.sabaeClinic, world.cycles.fukuiClinicCycle.id, {
      draftVersion: saved.draftVersion,
      answers: fixed,
    });
    const review = await getReviewSubmission(world.viewers.fukuiPrefecture, id);
    expect(review.submission).toMatchObject({ status: "SUBMITTED", revision: 2 });
    expect(review.revisions.map((r) => r.revision)).toEqual([1, 2]);
    // Sent again after 差戻し: a 再提出, not a 変更報告.
    expect(review.revisions.map((r) => r.kind)).toEqual(["INITIAL", "RESUBMISSION"]);
    expect(review.revisions[1]!.changes?.map((c) => [c.key, c.before, c.after])).toEqual([
      ["i_rota", "有り(月1回未満)", "有り(月1回)"],
    ]);
    const actions = (await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["submission.confirm", "submission.return", "submission.resubmit"]));
    expect(actions).not.toContain("submission.amend");
  });

  it("shows the derived status and the differences from last year (mapped through the version's keys)", async () => {
    const definition = miniClinicDefinition();
    const previousCycle = await db.reportingCycle.create({
      data: {
        prefectureCode: "18",
        kind: "CLINIC_REPORT",
        fiscalYear: 2024,
        questionnaireVersionId: world.cycles.fukuiClinicCycle.questionnaireVersionId,
        status: "CLOSED",
        opensAt: new Date("2025-01-06T00:00:00+09:00"),
        closesAt: new Date("2025-03-31T23:59:59+09:00"),
      },
    });
    const lastYear = { ...complete, i_rota: "1", ro_beds: "4" };
    await db.submission.create({
      data: {
        cycleId: previousCycle.id,
        questionnaireVersionId: previousCycle.questionnaireVersionId,
        prefectureCode: "18",
        institutionId: world.institutions.sabaeClinic.id,
        status: "CONFIRMED",
        revision: 1,
        answers: lastYear as Prisma.InputJsonValue,
        derived: computeStoredDerived(definition, lastYear) as unknown as Prisma.InputJsonValue,
        revisions: {
          create: {
            revision: 1,
            answers: lastYear as Prisma.InputJsonValue,
            derived: computeStoredDerived(definition, lastYear) as unknown as Prisma.InputJsonValue,
          },
        },
      },
    });
    const review = await getReviewSubmission(world.viewers.fukuiPrefecture, world.submissions.sabaeSubmission.id);
    expect(review.derived?.functions.f1?.has).toBe(true);
    expect(review.lastYear?.cycleTitle).toBe("令和6年度 かかりつけ医機能報告");
    expect(review.lastYear?.changes.map((c) => [c.key, c.before, c.after])).toEqual([
      ["i_rota", "無し(意向有り)", "有り(月1回)"],
      ["ro_beds", "有り(自院による確保)", "無し(意向無し)"],
    ]);
  });

  it("bulk-confirms only the 提出済 reports matching the filter and says how many", async () => {
    const cycle = await findCycle(world.viewers.fukuiPrefecture, world.cycles.fukuiClinicCycle.id);
    // 丹南 (鯖江市・越前市): 鯖江 submitted (rev 2), 越前 a draft.
    await recountCycles({ cycleId: cycle.id });
    const confirmedInCounters = async () =>
      summarizeClinic((await unsafeLoadClinicTotals([cycle.id])).get(cycle.id)!).status.byStatus.CONFIRMED;
    const confirmedBefore = await confirmedInCounters();
    const result = await bulkConfirm(world.viewers.fukuiPrefecture, cycle.id, { zone: world.zones.tannan.id });
    expect(result).toEqual({ confirmed: 1, notSubmitted: 1, flagged: NO_FLAGS, flaggedReports: 0 });
    // The dashboard counters follow, and recounting the whole cycle finds nothing left to correct.
    expect(await confirmedInCounters()).toBe(confirmedBefore + 1);
    expect((await recountCycles({ cycleId: cycle.id })).corrected).toBe(0);
    expect(
      (await db.submission.findUniqueOrThrow({ where: { id: world.submissions.sabaeSubmission.id } })).status,
    ).toBe("CONFIRMED");
    // 福井市's submitted report is outside the filter and untouched.
    expect(
      (await db.submission.findUniqueOrThrow({ where: { id: world.submissions.fukuiSubmission.id } })).status,
    ).toBe("SUBMITTED");
    expect(await db.auditEvent.count({ where: { action: "submissions.bulk_confirm", entityId: cycle.id } })).toBe(1);
    expect(await bulkConfirm(world.viewers.fukuiPrefecture, cycle.id, { zone: world.zones.tannan.id })).toEqual({
      confirmed: 0,
      notSubmitted: 2,
      flagged: NO_FLAGS,
      flaggedReports: 0,
    });
  });
});

describe("the respondent list, progress and the not-submitted export", () => {
  it("lists respondents including those who have not started, with every filter", async () => {
    const cycle = await findCycle(world.viewers.fukuiPrefecture, world.cycles.fukuiClinicCycle.id);
    const all = await listRespondents(world.viewers.fukuiPrefecture, cycle, filter());
    expect(all.total).toBe(4);
    const names = async (f: Record<string, string>) =>
      (await listRespondents(world.viewers.fukuiPrefecture, cycle, filter(f))).rows.map((r) => r.respondentId).sort();
    const { sabaeClinic, echizenHospital, fukuiClinic, tsurugaClinic } = world.institutions;
    expect(await names({ status: "NOT_STARTED" })).toEqual([]);
    expect(await names({ status: "DRAFT" })).toEqual([echizenHospital.id]);
    expect(await names({ zone: world.zones.tannan.id })).toEqual([sabaeClinic.id, echizenHospital.id].sort());
    expect(await names({ zone: world.zones.homeFukui.id })).toEqual([fukuiClinic.id]);
    expect(await names({ municipality: "182028" })).toEqual([tsurugaClinic.id]);
    expect(await names({ kind: "HOSPITAL" })).toEqual([echizenHospital.id]);
    expect(await names({ q: fukuiClinic.code })).toEqual([fukuiClinic.id]);
  });

  it("counts progress per zone and per municipality", async () => {
    const cycle = await findCycle(world.viewers.fukuiPrefecture, world.cycles.fukuiClinicCycle.id);
    const newClinic = await db.institution.create({
      data: {
        code: buildInstitutionCode("18", "770001"),
        name: "未着手クリニック",
        kind: "CLINIC",
        prefectureCode: "18",
        municipalityCode: "182079",
      },
    });
    const progress = await getProgress(world.viewers.fukuiPrefecture, cycle);
    expect(progress.total).toMatchObject({ total: 5, NOT_STARTED: 1, DRAFT: 1, SUBMITTED: 2, CONFIRMED: 1 });
    const tannan = progress.byZone.find((z) => z.key === world.zones.tannan.id)!;
    expect(tannan.counts).toMatchObject({ total: 3, NOT_STARTED: 1, DRAFT: 1, CONFIRMED: 1 });
    const sabae = progress.byMunicipality.find((m) => m.key === "182079")!;
    expect(sabae.counts).toMatchObject({ total: 2, NOT_STARTED: 1, CONFIRMED: 1 });
    const byHome = await getProgress(
      world.viewers.fukuiPrefecture,
      cycle,
      (await db.zone.findUniqueOrThrow({ where: { id: world.zones.homeFukui.id } })).schemeId,
    );
    expect(byHome.byZone.map((z) => z.name)).toEqual(["福井在宅", "丹南在宅"]);
    expect(await countCycleStatuses(world.viewers.fukuiPrefecture, cycle)).toMatchObject({ total: 5, NOT_STARTED: 1 });

    // The not-submitted list: 未着手・下書き・差戻し, with contact details, for reminder calls.
    const rows = await listNotSubmitted(world.viewers.fukuiPrefecture, cycle, filter());
    expect(rows.map((r) => [r.name, r.status]).sort()).toEqual(
      [
        ["未着手クリニック", "NOT_STARTED"],
        [world.institutions.echizenHospital.name, "DRAFT"],
      ].sort(),
    );
    for (const format of ["csv", "csv-sjis", "xlsx"] as const) {
      const file = await tableToFile(
        notSubmittedTable(
          rows.map((r) => ({
            ...r,
            lastSavedAt: r.submission?.updatedAt ?? null,
            reopenedUntil: r.submission?.reopenedUntil ?? null,
          })),
          "institution",
        ),
        format,
      );
      const read = await readTableFile({ name: `x.${file.extension}`, bytes: file.bytes });
      expect(read.ok).toBe(true);
      if (!read.ok) continue;
      expect(read.table.rows[0]!.cells).toEqual([
        "医療機関コード",
        "名称",
        "種別",
        "市区町村",
        "電話",
        "担当者メール",
        "状況",
        "最終保存日時",
        "期限後の入力許可",
      ]);
      expect(read.table.rows.map((r) => r.cells[1])).toContain("未着手クリニック");
      expect(read.table.rows.find((r) => r.cells[1] === "未着手クリニック")!.cells[6]).toBe("未着手");
    }
    await db.institution.delete({ where: { id: newClinic.id } });
  });
});

describe("scope: nobody else can run the cycle or review", () => {
  const others = ["ishikawaPrefecture", "tannanCouncil", "sabaeClinic", "tannanHub", "admin"] as const;
  const cycleId = () => world.cycles.fukuiClinicCycle.id;
  const submissionId = () => world.submissions.fukuiSubmission.id;

  it.each(others)("%s cannot create, schedule, open, close, reopen, review or bulk-confirm", async (key) => {
    const viewer = world.viewers[key];
    const expected = key === "ishikawaPrefecture" ? "NOT_FOUND" : "FORBIDDEN";
    const versionId = world.cycles.fukuiClinicCycle.questionnaireVersionId;
    if (key !== "ishikawaPrefecture") {
      expect(
        await errorOf(
          createCycle(viewer, { versionId, fiscalYear: 2030, opensOn: "2030-01-06", closesOn: "2030-02-26" }),
        ),
      ).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(
      await errorOf(updateCycleDates(viewer, cycleId(), { opensOn: "2030-01-06", closesOn: "2030-02-26" })),
    ).toMatchObject({ code: expected });
    expect(await errorOf(openCycle(viewer, cycleId()))).toMatchObject({ code: expected });
    expect(await errorOf(closeCycle(viewer, cycleId()))).toMatchObject({ code: expected });
    expect(
      await errorOf(
        reopenRespondent(viewer, cycleId(), { respondentId: world.institutions.fukuiClinic.id, until: "2099-01-01" }),
      ),
    ).toMatchObject({ code: expected });
    expect(await errorOf(confirmSubmission(viewer, submissionId(), { revision: 1 }))).toMatchObject({ code: expected });
    expect(await errorOf(returnSubmission(viewer, submissionId(), { revision: 1, comment: "x" }))).toMatchObject({
      code: expected,
    });
    expect(await errorOf(bulkConfirm(viewer, cycleId(), {}))).toMatchObject({ code: expected });
    const row = await db.submission.findUniqueOrThrow({ where: { id: submissionId() } });
    expect(row.status).toBe("SUBMITTED");
  });

  it("another prefecture's officer sees none of 福井's cycles or reports", async () => {
    expect((await listCycles(world.viewers.ishikawaPrefecture)).map((c) => c.prefectureCode)).toEqual(["17"]);
    expect(await errorOf(getReviewSubmission(world.viewers.ishikawaPrefecture, submissionId()))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await errorOf(findCycle(world.viewers.ishikawaPrefecture, cycleId()))).toMatchObject({ code: "NOT_FOUND" });
  });
});
