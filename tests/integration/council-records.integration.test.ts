// Council records (協議の場の記録, ADR 0018): who may write which zone's record, the baseline
// frozen when a measure is decided, its audit rows, and the follow-up in the next 年度's figures.
import { beforeAll, describe, expect, it } from "vitest";
import { db, type Prisma } from "@/lib/db";
import { getDefinition } from "@/lib/data/questionnaires";
import { computeStoredDerived } from "@/lib/questionnaire/snapshot";
import type { TAnswers } from "@/lib/questionnaire/answers";
import { recountClinicCounters } from "@/lib/services/counters";
import {
  saveCouncilIssue,
  saveCouncilMeasure,
  startCouncilRecord,
  updateCouncilRecord,
} from "@/lib/services/council-records";
import {
  getCouncilRecord,
  getPublishedCouncilRecord,
  listCouncilRecords,
  listPublishedCouncilYears,
} from "@/lib/data/council-records";
import { getCouncilFollowUp, getRecordIndicatorChoices, listFollowUps } from "@/lib/data/council-follow-up";
import { registerDefinition } from "@/lib/services/questionnaire-versions";
import { findClinicCycle, unsafeZoneFigures } from "@/lib/data/council-zone-figures";
import { followUpRow, verdictCountsText } from "@/lib/summaries/council";
import { FUNCTION1_MET, miniClinicDefinition } from "@/tests/factories/questionnaire";
import { buildWorld, type TWorld } from "@/tests/factories/world";

let world: TWorld;
let tannanRecordId: string;
let issueId = "";

const measure = (over: Record<string, unknown> = {}) => ({
  title: "同行研修",
  issueId,
  ownerBody: "MEDICAL_ASSOCIATION",
  ownerName: "",
  startMonth: "2025-10",
  deadlineMonth: "2026-09",
  indicatorKey: "f1.has",
  target: "80",
  status: "PLANNED",
  notes: "",
  ...over,
});

/** A submitted report written straight into the tables (as the world factory does), then recounted. */
async function report(cycle: { id: string; questionnaireVersionId: string }, institutionId: string, answers: TAnswers) {
  const def = await getDefinition(cycle.questionnaireVersionId);
  const derived = computeStoredDerived(def, answers) as unknown as Prisma.InputJsonValue;
  const existing = await db.submission.findFirst({ where: { cycleId: cycle.id, institutionId } });
  const data = {
    status: "SUBMITTED" as const,
    answers: answers as Prisma.InputJsonValue,
    derived,
    submittedAt: new Date(),
  };
  if (existing) {
    const revision = existing.revision + 1;
    await db.submission.update({
      where: { id: existing.id },
      data: { ...data, revision, revisions: { create: { revision, answers: data.answers, derived } } },
    });
  } else {
    await db.submission.create({
      data: {
        ...data,
        cycleId: cycle.id,
        questionnaireVersionId: cycle.questionnaireVersionId,
        prefectureCode: "18",
        institutionId,
        revision: 1,
        revisions: { create: { revision: 1, answers: data.answers, derived } },
      },
    });
  }
  await recountClinicCounters(cycle.id);
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string }) => error.code ?? "error",
  );

beforeAll(async () => {
  world = await buildWorld();
  // This file follows records from their start (and counts their rows): the world's go first.
  await db.councilRecord.deleteMany();
  const cycle = world.cycles.fukuiClinicCycle;
  // 丹南 in 令和7年度: さばえ (1号 有り, 時間外 有り) and 越前の病院 (1号 無し) → 1号 1/2.
  await report(cycle, world.institutions.echizenHospital.id, { f1_notice: false, f1_areas: ["1"], f1_consult: true });
  await recountClinicCounters(cycle.id);
});

describe("who writes a council record", () => {
  it("the zone's council member starts its own zone's record", async () => {
    const started = await startCouncilRecord(world.viewers.tannanCouncil, world.zones.tannan.id, 2025);
    expect(started.created).toBe(true);
    tannanRecordId = started.id;
    const again = await startCouncilRecord(world.viewers.tannanCouncil, world.zones.tannan.id, 2025);
    expect(again).toEqual({ id: tannanRecordId, created: false });
  });

  it("refuses other zones, other prefectures, readers and 年度 without a cycle", async () => {
    const v = world.viewers;
    expect(await code(startCouncilRecord(v.tannanCouncil, world.zones.fukuiSakai.id, 2025))).toBe("NOT_FOUND");
    expect(await code(startCouncilRecord(v.tannanCouncil, world.zones.kanazawa.id, 2025))).toBe("NOT_FOUND");
    expect(await code(startCouncilRecord(v.ishikawaPrefecture, world.zones.tannan.id, 2025))).toBe("NOT_FOUND");
    expect(await code(startCouncilRecord(v.sabaeClinic, world.zones.tannan.id, 2025))).toBe("FORBIDDEN");
    expect(await code(startCouncilRecord(v.tannanHub, world.zones.tannan.id, 2025))).toBe("FORBIDDEN");
    expect(await code(startCouncilRecord(v.admin, world.zones.tannan.id, 2025))).toBe("FORBIDDEN");
    expect(await code(startCouncilRecord(v.tannanCouncil, world.zones.tannan.id, 2019))).toBe("INVALID_INPUT");
  });

  it("the council member cannot change a record of another zone, even knowing its id", async () => {
    const other = await startCouncilRecord(world.viewers.fukuiPrefecture, world.zones.fukuiSakai.id, 2025);
    const c = world.viewers.tannanCouncil;
    const header = { vision: "x", meetings: [], status: "AGREED" };
    expect(await code(updateCouncilRecord(c, other.id, header))).toBe("NOT_FOUND");
    expect(
      await code(
        saveCouncilIssue(c, other.id, null, {
          title: "x",
          indicatorKeys: [],
          causeGovernment: "",
          causeMedical: "",
          causeCare: "",
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await code(saveCouncilMeasure(c, other.id, null, measure()))).toBe("NOT_FOUND");
    expect(await code(updateCouncilRecord(world.viewers.ishikawaPrefecture, tannanRecordId, header))).toBe("NOT_FOUND");
    expect(await code(updateCouncilRecord(world.viewers.admin, tannanRecordId, header))).toBe("FORBIDDEN");
    const row = await db.councilRecord.findUniqueOrThrow({ where: { id: other.id } });
    expect(row.vision).toBe("");
    // Reads follow the same scope: the council lists its own zone only.
    const listed = await listCouncilRecords(c);
    expect(listed.map((r) => r.zone.id)).toEqual([world.zones.tannan.id]);
    expect(await code(getCouncilRecord(c, world.zones.fukuiSakai.id, 2025))).toBe("NOT_FOUND");
  });

  it("answers bad input with Japanese field messages", async () => {
    const error = await saveCouncilMeasure(world.viewers.tannanCouncil, tannanRecordId, null, {
      ...measure(),
      title: "",
      startMonth: "2026-05",
      deadlineMonth: "2026-01",
      indicatorKey: "no.such",
    }).then(
      () => ({ code: "ok", fieldErrors: {} as Record<string, string[]> }),
      (e: unknown) => e as { code: string; fieldErrors: Record<string, string[]> },
    );
    expect(error).toMatchObject({ code: "INVALID_INPUT" });
    expect(error.fieldErrors.title?.[0]).toBe("対応策を入力してください。");
    expect(error.fieldErrors.deadlineMonth?.[0]).toBe("期限は開始より後の年月にしてください。");
    expect(await db.councilMeasure.count()).toBe(0);
  });
});

describe("a measure's baseline", () => {
  let measureId: string;

  it("is frozen when the measure is decided, with its figures and cycle, and audited", async () => {
    const c = world.viewers.tannanCouncil;
    const issue = await saveCouncilIssue(c, tannanRecordId, null, {
      title: "1号機能を持つ医療機関が少ない",
      indicatorKeys: ["f1.has"],
      causeGovernment: "支援策の周知不足",
      causeMedical: "院内掲示の準備が遅れている",
      causeCare: "",
    });
    issueId = issue.id;
    ({ id: measureId } = await saveCouncilMeasure(c, tannanRecordId, null, measure()));
    const row = await db.councilMeasure.findUniqueOrThrow({ where: { id: measureId } });
    expect(row).toMatchObject({
      baselineUnit: "share",
      baselineCount: 1,
      baselineDenominator: 2,
      baselineBase: 2,
      baselineValue: 0.5,
      baselineCycleId: world.cycles.fukuiClinicCycle.id,
      baselineFiscalYear: 2025,
      targetValue: 0.8,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: measureId } });
    expect(audit).toMatchObject({
      action: "council_measure.create",
      actorId: world.users.tannanCouncil.id,
      prefectureCode: "18",
    });
    expect(audit.after).toMatchObject({ baselineValue: 0.5, targetValue: 0.8, indicatorKey: "f1.has" });
    expect(await db.auditEvent.count({ where: { entityId: issue.id, action: "council_issue.create" } })).toBe(1);
  });

  it("does not move when the reports change, nor when the measure's status is updated", async () => {
    const cycle = world.cycles.fukuiClinicCycle;
    // さばえ amends its report: 1号 no longer holds → 丹南 1号 is 0/2 now.
    await report(cycle, world.institutions.sabaeClinic.id, { f1_notice: false, f1_areas: ["1"], f1_consult: true });
    const now = await unsafeZoneFigures({ ...cycle, prefectureCode: "18" }, world.zones.tannan.id);
    expect(now.zone.functions.find((f) => f.key === "f1")?.has).toEqual({ count: 0, n: 2 });
    await saveCouncilMeasure(
      world.viewers.fukuiPrefecture,
      tannanRecordId,
      measureId,
      measure({ status: "IN_PROGRESS", notes: "研修1回目" }),
    );
    const record = await getCouncilRecord(world.viewers.tannanCouncil, world.zones.tannan.id, 2025);
    expect(record?.measures[0]?.baseline).toEqual({
      unit: "share",
      count: 1,
      denominator: 2,
      base: 2,
      value: 0.5,
      fiscalYear: 2025,
    });
    const update = await db.auditEvent.findFirstOrThrow({
      where: { entityId: measureId, action: "council_measure.update" },
    });
    expect(update.actorId).toBe(world.users.fukuiPrefecture.id);
    expect(update.before).toEqual({ status: "PLANNED", notes: "" });
    expect(update.after).toEqual({ status: "IN_PROGRESS", notes: "研修1回目" });
  });

  it("is frozen again (and audited) only when the measure's indicator changes", async () => {
    await saveCouncilMeasure(
      world.viewers.tannanCouncil,
      tannanRecordId,
      measureId,
      measure({ indicatorKey: "f2i.has", target: "", status: "IN_PROGRESS", notes: "研修1回目" }),
    );
    const row = await db.councilMeasure.findUniqueOrThrow({ where: { id: measureId } });
    // Now: さばえ has no 1号, so no 時間外 either; 越前の病院 neither → 0/2.
    expect(row).toMatchObject({ indicatorKey: "f2i.has", baselineCount: 0, baselineDenominator: 2, targetValue: null });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: measureId, action: "council_measure.update" },
      orderBy: { id: "desc" },
    });
    expect(audit.before).toMatchObject({ indicatorKey: "f1.has", baselineCount: 1 });
    expect(audit.after).toMatchObject({ indicatorKey: "f2i.has", baselineCount: 0 });
    // Back to the original for the follow-up below (frozen again from today's 0/2).
    await saveCouncilMeasure(
      world.viewers.tannanCouncil,
      tannanRecordId,
      measureId,
      measure({ status: "IN_PROGRESS" }),
    );
  });
});

describe("the next 年度", () => {
  it("follows each measure: baseline → current → target with the direction judged", async () => {
    const c = world.viewers.tannanCouncil;
    // Frozen now: 1号 0/2 (さばえ amended above). Target 80 %.
    const next = await db.reportingCycle.create({
      data: {
        prefectureCode: "18",
        kind: "CLINIC_REPORT",
        fiscalYear: 2026,
        questionnaireVersionId: world.cycles.fukuiClinicCycle.questionnaireVersionId,
        status: "OPEN",
        opensAt: new Date(Date.now() - 86_400_000),
        closesAt: new Date(Date.now() + 30 * 86_400_000),
      },
    });
    expect((await findClinicCycle("18", 2026))?.id).toBe(next.id);
    await report(next, world.institutions.sabaeClinic.id, { ...FUNCTION1_MET, i_rota: "2" });
    await report(next, world.institutions.echizenHospital.id, { ...FUNCTION1_MET });
    const followUp = await getCouncilFollowUp(c, world.zones.tannan.id, 2026);
    expect(followUp?.fiscalYear).toBe(2025);
    const m = followUp!.measures[0]!;
    expect(m.baseline?.value).toBe(0);
    expect(m.current).toMatchObject({ count: 2, n: 2, value: 1 });
    expect(m.progress?.verdict).toBe("achieved");
    const row = followUpRow(m);
    expect([row.baseline, row.current, row.target, row.verdict]).toEqual([
      "0.0%（0/2） 令和7年度",
      "100.0%（2/2）",
      "80.0%",
      "達成（参考値: n<10）",
    ]);
    // Another zone's follow-up is not the council's to read.
    expect(await code(getCouncilFollowUp(c, world.zones.fukuiSakai.id, 2026))).toBe("NOT_FOUND");
  });

  it("publishes only records marked 公表", async () => {
    const lookup = () => getPublishedCouncilRecord("18", world.zones.tannan.code, 2025);
    expect(await code(lookup())).toBe("NOT_FOUND");
    expect(await listPublishedCouncilYears("18", world.zones.tannan.code)).toEqual([]);
    await updateCouncilRecord(world.viewers.tannanCouncil, tannanRecordId, {
      vision: "在宅医療を受けられる丹南",
      meetings: [
        { date: "2025-07-15", agenda: "課題の整理", attendees: [{ body: "MUNICIPALITY", count: "3", names: "" }] },
      ],
      status: "PUBLISHED",
    });
    const published = await lookup();
    expect(published.record.vision).toBe("在宅医療を受けられる丹南");
    expect(published.record.meetings[0]?.attendees[0]?.count).toBe(3);
    // The public zone page links to it.
    expect(await listPublishedCouncilYears("18", world.zones.tannan.code)).toEqual([2025]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: tannanRecordId, action: "council_record.published" },
    });
    expect(audit.before).toMatchObject({ status: "DRAFT", vision: "" });
    expect(audit.after).toMatchObject({ status: "PUBLISHED" });
  });

  it("says so when the next 年度's definition no longer asks the measure's indicator, instead of a fake 0", async () => {
    const c = world.viewers.tannanCouncil;
    // Decided in 令和7年度 on 2号(ロ), which the world's definition asks: the baseline is frozen.
    const { id } = await saveCouncilMeasure(
      c,
      tannanRecordId,
      null,
      measure({ title: "入退院支援の研修", indicatorKey: "f2ro.has", target: "50" }),
    );
    expect((await db.councilMeasure.findUniqueOrThrow({ where: { id } })).baselineUnit).toBe("share");
    // 令和8年度's definition drops the (ロ) function and its section.
    const mini = miniClinicDefinition();
    const withoutRo = {
      ...mini,
      versionKey: `${mini.versionKey}-without-ro-${Date.now().toString(36)}`,
      functions: mini.functions.filter((f) => f.key !== "f2ro"),
      sections: mini.sections.filter((x) => x.key !== "f2ro"),
    };
    const version = await registerDefinition(null, withoutRo, { publish: true });
    const next = (await findClinicCycle("18", 2026))!;
    await db.reportingCycle.update({ where: { id: next.id }, data: { questionnaireVersionId: version.versionId } });
    const followUp = (await getCouncilFollowUp(c, world.zones.tannan.id, 2026))!;
    const m = followUp.measures.find((x) => x.id === id)!;
    expect(m.baseline).not.toBeNull();
    expect(m.progress?.verdict).toBe("indicatorRemoved");
    const row = followUpRow(m);
    expect([row.verdict, row.current, row.tone]).toEqual(["指標が調査票にありません", "—", "warn"]);
    expect(row.baseline).toMatch(/令和7年度$/);
    // The measure still asked (1号) is judged as before.
    expect(followUp.measures.find((x) => x.indicatorKey === "f1.has")?.progress?.verdict).toBe("achieved");
    // The officer's side-by-side view counts it under the same words.
    const officer = (await listFollowUps(world.viewers.fukuiPrefecture, 2026)).get(world.zones.tannan.id)!;
    expect(verdictCountsText(officer.measures.map(followUpRow))).toContain("指標が調査票にありません 1");
  });
});

describe("an indicator the record 年度's questionnaire does not ask", () => {
  // The world's 令和7年度 definition asks 1号, (イ), (ロ) and the 17 areas — not (ハ) nor the tagged
  // items such as 退院ルール: their figures would be 0/0, a baseline that says nothing.
  const fieldErrors = (promise: Promise<unknown>) =>
    promise.then(
      () => ({ code: "ok", fieldErrors: {} as Record<string, string[]> }),
      (e: unknown) => e as { code: string; fieldErrors: Record<string, string[]> },
    );

  it("is not offered by the indicator picker", async () => {
    const choices = await getRecordIndicatorChoices(world.viewers.tannanCouncil, world.zones.tannan.id, 2025);
    const keys = choices.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(["f1.has", "f2i.has", "f2ro.has", "area.1"]));
    expect(keys).not.toContain("f2ha.has");
    expect(keys).not.toContain("dischargeRule.has");
    expect(keys).not.toContain("homeVisitCount.positive");
  });

  it("is refused with a Japanese field message, for a measure and for a 課題, and nothing is saved", async () => {
    const c = world.viewers.tannanCouncil;
    const measures = await db.councilMeasure.count();
    const m = await fieldErrors(
      saveCouncilMeasure(c, tannanRecordId, null, measure({ title: "退院ルール", indicatorKey: "dischargeRule.has" })),
    );
    expect(m.code).toBe("INVALID_INPUT");
    expect(m.fieldErrors.indicatorKey).toEqual([
      "令和7年度の調査票で尋ねていない指標は選べません（基準値を計れません）: 地域の退院ルール等に参加",
    ]);
    expect(await db.councilMeasure.count()).toBe(measures);
    const i = await fieldErrors(
      saveCouncilIssue(c, tannanRecordId, null, {
        title: "在宅医療が少ない",
        indicatorKeys: ["f1.has", "f2ha.has"],
        causeGovernment: "",
        causeMedical: "",
        causeCare: "",
      }),
    );
    expect(i.code).toBe("INVALID_INPUT");
    expect(i.fieldErrors.indicatorKeys?.[0]).toMatch(
      /^令和7年度の調査票で尋ねていない指標は選べません.*2号\(ハ\) 在宅医療の提供 有り$/,
    );
    expect(await db.councilIssue.count({ where: { title: "在宅医療が少ない" } })).toBe(0);
  });

  it("already linked (before this check), it stays: the measure's status can still be updated", async () => {
    const c = world.viewers.tannanCouncil;
    const { id } = await saveCouncilMeasure(c, tannanRecordId, null, measure({ title: "訪問診療の研修" }));
    await db.councilMeasure.update({ where: { id }, data: { indicatorKey: "f2ha.has" } });
    await saveCouncilMeasure(
      c,
      tannanRecordId,
      id,
      measure({ title: "訪問診療の研修", indicatorKey: "f2ha.has", status: "DONE" }),
    );
    expect(await db.councilMeasure.findUniqueOrThrow({ where: { id } })).toMatchObject({
      indicatorKey: "f2ha.has",
      status: "DONE",
    });
    // Changing it to another indicator the 年度 does not ask is refused.
    const changed = await fieldErrors(
      saveCouncilMeasure(
        c,
        tannanRecordId,
        id,
        measure({ title: "訪問診療の研修", indicatorKey: "homeVisitCount.positive" }),
      ),
    );
    expect(changed.fieldErrors.indicatorKey?.[0]).toMatch(/訪問診療を実施$/);
  });
});
