// Deleting a 課題 or 対応策 added by mistake (ADR 0018): the same writers and scope as the edits,
// only while the record is 作成中 (an agreed or published record is set back first), audited with
// the deleted row as `before`; a deleted 課題's measures stay, without a 課題.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteCouncilIssue, deleteCouncilMeasure } from "@/lib/services/council-deletions";
import { saveCouncilMeasure, updateCouncilRecord } from "@/lib/services/council-records";
import { getCouncilRecord } from "@/lib/data/council-records";
import { recountClinicCounters } from "@/lib/services/counters";
import { buildWorld, type TWorld } from "@/tests/factories/world";

let world: TWorld;

beforeAll(async () => {
  world = await buildWorld();
  await recountClinicCounters(world.cycles.fukuiClinicCycle.id);
});

/** The error's code and message, or "ok". */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: "ok", message: "" }),
    (error: { code?: string; message?: string }) => ({ code: error.code ?? "error", message: error.message ?? "" }),
  );

const header = (status: "DRAFT" | "AGREED" | "PUBLISHED") => ({
  vision: "在宅医療を受けられる圏域",
  meetings: [],
  status,
});

describe("who may delete, and when", () => {
  it("refuses on an agreed record with a Japanese 409 that says how to reopen it; nothing is deleted", async () => {
    const { tannan } = world.councilRecords;
    const c = world.viewers.tannanCouncil;
    expect(await failure(deleteCouncilIssue(c, tannan.record.id, tannan.issue.id))).toEqual({
      code: "CONFLICT",
      message:
        "合意済の記録の課題は削除できません。削除するには、先に「記録の状態」を「作成中」に戻して保存してください。",
    });
    expect(
      await failure(deleteCouncilMeasure(world.viewers.fukuiPrefecture, tannan.record.id, tannan.measure.id)),
    ).toEqual({
      code: "CONFLICT",
      message:
        "合意済の記録の対応策は削除できません。削除するには、先に「記録の状態」を「作成中」に戻して保存してください。",
    });
    expect(await db.councilIssue.count({ where: { id: tannan.issue.id } })).toBe(1);
    expect(await db.councilMeasure.count({ where: { id: tannan.measure.id } })).toBe(1);
  });

  it("a published record says that going back to 作成中 takes it off the public page", async () => {
    const { fukuiSakai } = world.councilRecords;
    const officer = world.viewers.fukuiPrefecture;
    await updateCouncilRecord(officer, fukuiSakai.record.id, header("PUBLISHED"));
    const refused = await failure(deleteCouncilMeasure(officer, fukuiSakai.record.id, fukuiSakai.measure.id));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/^公表中の記録の対応策は削除できません。.*（公表ページからも外れます）。$/);
  });

  it("another zone, another prefecture, a 課題 of another record: 404; readers and respondents: 403", async () => {
    const { tannan, fukuiSakai, kanazawa } = world.councilRecords;
    const v = world.viewers;
    const codes = await Promise.all([
      // The council of 丹南 on 福井・坂井's record.
      failure(deleteCouncilIssue(v.tannanCouncil, fukuiSakai.record.id, fukuiSakai.issue.id)),
      failure(deleteCouncilMeasure(v.tannanCouncil, fukuiSakai.record.id, fukuiSakai.measure.id)),
      // 福井's officer on 石川's record (作成中: it would be deleted if the scope let it through).
      failure(deleteCouncilIssue(v.fukuiPrefecture, kanazawa.record.id, kanazawa.issue.id)),
      failure(deleteCouncilMeasure(v.fukuiPrefecture, kanazawa.record.id, kanazawa.measure.id)),
      failure(deleteCouncilIssue(v.ishikawaPrefecture, tannan.record.id, tannan.issue.id)),
      // Its own record's id with another record's 課題 or 対応策.
      failure(deleteCouncilIssue(v.tannanCouncil, tannan.record.id, fukuiSakai.issue.id)),
      failure(deleteCouncilMeasure(v.tannanCouncil, tannan.record.id, kanazawa.measure.id)),
      failure(deleteCouncilIssue(v.tannanCouncil, tannan.record.id, "no-such-id")),
    ]);
    expect(codes.map((c) => c.code)).toEqual(Array(8).fill("NOT_FOUND"));
    for (const viewer of [v.admin, v.sabaeClinic, v.tannanHub])
      expect((await failure(deleteCouncilIssue(viewer, kanazawa.record.id, kanazawa.issue.id))).code).toBe("FORBIDDEN");
    expect(await db.councilIssue.count({ where: { id: { in: [kanazawa.issue.id, fukuiSakai.issue.id] } } })).toBe(2);
    expect(await db.councilMeasure.count({ where: { id: { in: [kanazawa.measure.id, fukuiSakai.measure.id] } } })).toBe(
      2,
    );
    expect(
      await db.auditEvent.count({ where: { action: { in: ["council_issue.delete", "council_measure.delete"] } } }),
    ).toBe(0);
  });
});

describe("deleting from a draft record", () => {
  it("the council deletes a 課題 of its reopened record: gone, audited with before; its measure stays without it", async () => {
    const { tannan } = world.councilRecords;
    const c = world.viewers.tannanCouncil;
    await updateCouncilRecord(c, tannan.record.id, header("DRAFT"));
    expect(await deleteCouncilIssue(c, tannan.record.id, tannan.issue.id)).toEqual({
      id: tannan.issue.id,
      detachedMeasures: 1,
    });
    expect(await db.councilIssue.findUnique({ where: { id: tannan.issue.id } })).toBeNull();
    const measure = await db.councilMeasure.findUniqueOrThrow({ where: { id: tannan.measure.id } });
    expect(measure).toMatchObject({ title: tannan.measure.title, issueId: null });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "council_issue.delete" } });
    expect(audit).toMatchObject({
      entityType: "council_issue",
      entityId: tannan.issue.id,
      actorId: world.users.tannanCouncil.id,
      prefectureCode: "18",
      summary: `丹南 令和7年度 の課題「${tannan.issue.title}」を削除（対応策1件は課題なしで残る）`,
    });
    expect(audit.before).toEqual({
      title: tannan.issue.title,
      indicatorKeys: ["f1.has"],
      causeGovernment: "",
      causeMedical: "院内掲示の準備が遅れている",
      causeCare: "",
      detachedMeasures: [tannan.measure.title],
    });
    expect(audit.after ?? {}).toEqual({});
    // The cleared link is in the measure's own history.
    const link = await db.auditEvent.findFirstOrThrow({
      where: { entityId: tannan.measure.id, action: "council_measure.update" },
    });
    expect([link.before, link.after]).toEqual([{ issueId: tannan.issue.id }, { issueId: null }]);

    const record = await getCouncilRecord(c, world.zones.tannan.id, 2025);
    expect(record?.issues).toEqual([]);
    expect(record?.measures.map((m) => [m.id, m.issueId])).toEqual([[tannan.measure.id, null]]);
    // Gone is gone: a second delete is the 404 of an unknown 課題.
    expect((await failure(deleteCouncilIssue(c, tannan.record.id, tannan.issue.id))).code).toBe("NOT_FOUND");
  });

  it("the officer deletes a 対応策, its frozen baseline kept in the audit row", async () => {
    const { tannan } = world.councilRecords;
    const officer = world.viewers.fukuiPrefecture;
    const { id } = await saveCouncilMeasure(officer, tannan.record.id, null, {
      title: "誤って追加した対応策",
      issueId: "",
      ownerBody: "MUNICIPALITY",
      ownerName: "",
      startMonth: "",
      deadlineMonth: "",
      indicatorKey: "f1.has",
      target: "80",
      status: "PLANNED",
      notes: "",
    });
    const frozen = await db.councilMeasure.findUniqueOrThrow({ where: { id } });
    expect(frozen.baselineCycleId).toBe(world.cycles.fukuiClinicCycle.id);
    expect(await deleteCouncilMeasure(officer, tannan.record.id, id)).toEqual({ id });
    expect(await db.councilMeasure.findUnique({ where: { id } })).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "council_measure.delete", entityId: id } });
    expect(audit).toMatchObject({ actorId: world.users.fukuiPrefecture.id, prefectureCode: "18" });
    expect(audit.before).toMatchObject({
      title: "誤って追加した対応策",
      ownerBody: "MUNICIPALITY",
      indicatorKey: "f1.has",
      targetValue: 0.8,
      baselineCycleId: world.cycles.fukuiClinicCycle.id,
      baselineFiscalYear: 2025,
      baselineValue: frozen.baselineValue,
      baselineFrozenAt: frozen.baselineFrozenAt!.toISOString(),
    });
    // The other measure (detached above) is untouched.
    expect(await db.councilMeasure.count({ where: { recordId: tannan.record.id } })).toBe(1);
  });
});
