// Soft rules on a real database (docs/decisions/0019-soft-rules.md): a report with an unexplained
// required-explanation warning cannot be submitted and nothing is lost; the explanation is stored
// with the revision (and the latest copy on the submission for the review list); the draft's
// saved explanations count at submission; a paper import lists the warnings per line and stores
// them with the PAPER revision.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { db, type Prisma } from "@/lib/db";
import { saveDraft, startAmendment, submitReport } from "@/lib/services/respondent-reports";
import { registerDefinition } from "@/lib/services/questionnaire-versions";
import { createImportPreview } from "@/lib/services/import-jobs";
import { loadViewer } from "@/lib/auth/viewer";
import { findOwnSubmission, type TRespondentViewer } from "@/lib/data/respondent";
import { getReviewSubmission } from "@/lib/data/review-submission";
import { parseSoftWarnings } from "@/lib/data/json-columns";
import type { TAnswers } from "@/lib/questionnaire/answers";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { csvFile, inst } from "@/tests/fixtures/import/builders";
import { importFile } from "@/tests/support/prefecture-ops";
import { findCycle } from "@/lib/data/cycles";
import { listRespondents } from "@/lib/data/review";
import { ZRespondentFilter } from "@/lib/prefecture/filters";
import { softWarningBadgeText } from "@/lib/prefecture/soft-warning-filter";
import { leftOutText } from "@/lib/prefecture/review-flags";
import { getCycleFlagSummary } from "@/lib/data/review-flags";
import { bulkConfirm } from "@/lib/services/review";

let world: TWorld;
let clinic: Extract<TRespondentViewer, { role: "institution" }>;
let cycleId: string;

const definitionFile = (name: string) => JSON.parse(readFileSync(`prisma/questionnaires/${name}.json`, "utf8"));
const COMPLETE: TAnswers = {
  rep_name: "福井 花子",
  rep_phone: "0776-00-0000",
  f1_notice: true,
  f1_training: false,
  f1_gp_specialist: "0",
  f1_areas: ["1"],
  f1_consult: true,
  i_rota: "0",
  i_emergency_center: "0",
  ro_backup_beds: "0",
  ha_system: "p2",
  ha_home_visit_count: 0,
  ha_urgent_visit_count: 0,
  ha_visiting_nurse_count: 0,
  ni_opinion: "0",
  ni_care_conference: "p0",
};
const EXPLANATION = "令和7年は在宅の患者さんが入院され、訪問の実績がありませんでした。";

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string; fieldErrors?: Record<string, string[]> },
  );

async function newClinic(code: string, name: string) {
  const institution = await db.institution.create({
    data: { code, name, kind: "CLINIC", beds: 0, prefectureCode: "18", municipalityCode: "182079" },
  });
  const user = await db.user.create({
    data: { email: `${code}@example.jp`, name, role: "INSTITUTION", institutionId: institution.id },
  });
  return { institution, viewer: (await loadViewer(user.id)) as typeof clinic };
}

beforeAll(async () => {
  world = await buildWorld();
  await registerDefinition(null, definitionFile("clinic-report-r6-demo"), { publish: true });
  const r7 = await registerDefinition(null, definitionFile("clinic-report-r7-v1"), { publish: true });
  const now = Date.now();
  // A later cycle on the 令和7年度 version, so the world's cycle is "last year" for the comparison.
  const cycle = await db.reportingCycle.create({
    data: {
      prefectureCode: "18",
      kind: "CLINIC_REPORT",
      fiscalYear: 2026,
      questionnaireVersionId: r7.versionId,
      status: "OPEN",
      opensAt: new Date(now - 86_400_000),
      closesAt: new Date(now + 30 * 86_400_000),
    },
  });
  cycleId = cycle.id;
  const created = await newClinic(inst(777771), "説明テストクリニック");
  clinic = created.viewer;
  // Last year's report of the same clinic: 訪問診療 120回.
  const lastYear = { ha_home_visit_count: 120 } as Prisma.InputJsonValue;
  await db.submission.create({
    data: {
      cycleId: world.cycles.fukuiClinicCycle.id,
      questionnaireVersionId: world.cycles.fukuiClinicCycle.questionnaireVersionId,
      prefectureCode: "18",
      institutionId: created.institution.id,
      status: "CONFIRMED",
      answers: lastYear,
      revision: 1,
      derived: { functions: {} },
      submittedAt: new Date(now - 300 * 86_400_000),
      revisions: { create: { revision: 1, answers: lastYear, derived: { functions: {} } } },
    },
  });
});

describe("submitting with soft-rule warnings", () => {
  it("saves explanations with the draft", async () => {
    await saveDraft(clinic, cycleId, { draftVersion: 0, answers: COMPLETE, explanations: { other: "x" } });
    const saved = await findOwnSubmission(clinic, cycleId);
    expect(saved?.warningExplanations).toEqual({ other: "x" });
  });

  it("refuses an unexplained required warning with a Japanese message at the item, and loses nothing", async () => {
    const error = await errorOf(
      submitReport(clinic, cycleId, {
        draftVersion: 1,
        answers: COMPLETE,
        explanations: { "ha-system-without-visits": "  " },
      }),
    );
    expect(error).toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("説明が必要な確認事項") });
    // (ハ) 体制 有り with no visit at all, and 訪問診療 120 → 0 since last year: both need a word.
    expect(error?.fieldErrors).toEqual({
      _softWarnings: ["ha-system-without-visits", "home-visit-change"],
      ha_system: ["この項目の確認事項について、説明を記入してください。"],
      ha_home_visit_count: ["この項目の確認事項について、説明を記入してください。"],
    });
    const after = await findOwnSubmission(clinic, cycleId);
    expect(after).toMatchObject({ status: "DRAFT", revision: 0, draftVersion: 1, answers: COMPLETE });
    expect(await db.submissionRevision.count({ where: { submissionId: after!.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: after!.id, action: "submission.submit" } })).toBe(0);
  });

  it("submits once explained: the revision stores each warning as shown with its explanation", async () => {
    const result = await submitReport(clinic, cycleId, {
      draftVersion: 1,
      answers: COMPLETE,
      explanations: {
        "ha-system-without-visits": ` ${EXPLANATION} `,
        "home-visit-change": "入院された",
        "no-longer-warning": "消える",
      },
    });
    expect(result.revision).toBe(1);
    const revision = await db.submissionRevision.findUniqueOrThrow({
      where: { submissionId_revision: { submissionId: result.submissionId, revision: 1 } },
    });
    const stored = parseSoftWarnings(revision.softWarnings);
    expect(stored).toEqual({
      ruleSetKey: "clinic-report-r7-v1.rules-1",
      warnings: [
        expect.objectContaining({
          ruleId: "ha-system-without-visits",
          kind: "consistency",
          importance: "caution",
          explanationRequired: true,
          explanation: EXPLANATION,
          items: ["ha_system", "ha_home_visit_count", "ha_urgent_visit_count", "ha_visiting_nurse_count"],
        }),
        // 120 last year → 0 this year: a big change.
        expect.objectContaining({
          ruleId: "home-visit-change",
          kind: "change",
          explanation: "入院された",
          message: expect.stringContaining("前年度の報告（120回）"),
        }),
      ],
    });
    const submission = await db.submission.findUniqueOrThrow({ where: { id: result.submissionId } });
    expect(parseSoftWarnings(submission.softWarnings)).toEqual(stored);
    expect(submission.warningExplanations).toEqual({
      "ha-system-without-visits": EXPLANATION,
      "home-visit-change": "入院された",
    });
    // The officer's view of the report carries them.
    const review = await getReviewSubmission(world.viewers.fukuiPrefecture, result.submissionId);
    expect(review.softWarnings?.warnings.map((w) => [w.ruleId, w.explanation])).toEqual([
      ["ha-system-without-visits", EXPLANATION],
      ["home-visit-change", "入院された"],
    ]);
  });

  it("uses the explanations saved with the draft when the submission names none (変更報告)", async () => {
    await startAmendment(clinic, cycleId);
    const amended = { ...COMPLETE, ha_system: "p0", ha_home_visit_count: 600 };
    const draft = await saveDraft(clinic, cycleId, {
      draftVersion: 2,
      answers: amended,
      explanations: { "home-visit-change": "医師が1名増え、訪問診療を始めた。" },
    });
    const result = await submitReport(clinic, cycleId, { draftVersion: draft.draftVersion, answers: amended });
    expect(result.revision).toBe(2);
    const revision = await db.submissionRevision.findUniqueOrThrow({
      where: { submissionId_revision: { submissionId: result.submissionId, revision: 2 } },
    });
    expect(parseSoftWarnings(revision.softWarnings)?.warnings).toEqual([
      expect.objectContaining({ ruleId: "home-visit-change", explanation: "医師が1名増え、訪問診療を始めた。" }),
    ]);
  });

  it("refuses an explanation over 1,000 characters without a 500", async () => {
    const error = await errorOf(
      saveDraft(clinic, cycleId, { draftVersion: 0, answers: {}, explanations: { a: "あ".repeat(1001) } }),
    );
    expect(error).toMatchObject({
      code: "INVALID_INPUT",
      message: "確認事項の説明は1,000文字以内で入力してください。",
    });
  });
});

describe("paper reports run the same rules", () => {
  const header = [
    "医療機関コード",
    "医療機関名",
    "rep_name",
    "rep_phone",
    "f1_notice",
    "f1_training",
    "f1_gp_specialist",
    "f1_areas",
    "f1_consult",
    "i_rota",
    "i_emergency_center",
    "ro_backup_beds",
    "ha_system",
    "ha_home_visit_count",
    "ni_opinion",
    "ni_care_conference",
  ];
  const row = (code: string, beds: string, homeVisits: string) => [
    code,
    "（読まれない）",
    "福井 花子",
    "0776-00-0000",
    "はい",
    "いいえ",
    "0",
    "1",
    "はい",
    "0",
    "0",
    beds,
    "p0",
    homeVisits,
    "0",
    "p0",
  ];

  it("lists the warnings per line and stores them, unexplained, with the PAPER revision", async () => {
    const a = await newClinic(inst(777772), "紙テスト無床クリニック");
    const b = await newClinic(inst(777773), "紙テスト問題なしクリニック");
    const file = csvFile([header, row(a.institution.code, "4", "25000"), row(b.institution.code, "0", "10")]);
    const { preview } = await createImportPreview(world.viewers.fukuiPrefecture, { kind: "PAPER", cycleId, file });
    expect(preview.errors).toEqual([]);
    const soft = preview.warnings.filter((w) => w.code === "soft_rule");
    expect(soft.map((w) => [w.line, w.column])).toEqual([
      [2, "ro_backup_beds"],
      [2, "ha_home_visit_count"],
    ]);
    expect(soft[0]!.message).toContain("［注意］");
    expect(soft[0]!.message).toContain("病床0床の診療所");
    expect(soft[1]!.message).toContain("25,000回");

    const { job } = await importFile(world.viewers.fukuiPrefecture, "PAPER", file, {}, cycleId);
    expect(job.result).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const revisions = await db.submissionRevision.findMany({
      where: { submission: { cycleId, institutionId: { in: [a.institution.id, b.institution.id] } } },
      select: {
        softWarnings: true,
        channel: true,
        submission: { select: { institutionId: true, softWarnings: true } },
      },
    });
    const of = (id: string) => revisions.find((r) => r.submission.institutionId === id)!;
    expect(
      parseSoftWarnings(of(a.institution.id).softWarnings)?.warnings.map((w) => [w.ruleId, w.explanation]),
    ).toEqual([
      ["backup-beds-clinic-without-beds", null],
      ["home-visit-clinic-range", null],
    ]);
    expect(parseSoftWarnings(of(a.institution.id).submission.softWarnings)?.warnings).toHaveLength(2);
    expect(parseSoftWarnings(of(b.institution.id).softWarnings)).toEqual({
      ruleSetKey: "clinic-report-r7-v1.rules-1",
      warnings: [],
    });
  });
});

describe("the stored warnings as review flags (ADR 0020)", () => {
  const names = async (input: Record<string, string>) => {
    const viewer = world.viewers.fukuiPrefecture;
    const cycle = await findCycle(viewer, cycleId);
    const list = await listRespondents(viewer, cycle, ZRespondentFilter.parse({ ...input, status: "SUBMITTED" }));
    return list.rows.map((r) => [r.name, softWarningBadgeText(r.warningCounts), r.flags["warning-unexplained"]]);
  };

  it("注意あり・説明未記入 / 前年比大 filter the list, with the counts as flags and next to the status", async () => {
    // Explained on the web: 前年比大 but nothing unexplained. On paper: two unexplained warnings.
    expect(await names({ flag: "big-change" })).toEqual([["説明テストクリニック", "確認事項 1（前年比大 1）", 0]]);
    expect(await names({ flag: "warning-unexplained" })).toEqual([
      ["紙テスト無床クリニック", "確認事項 2（説明未記入 2）", 2],
    ]);
    expect(await names({})).toContainEqual(["紙テスト問題なしクリニック", null, 0]);
    const summary = await getCycleFlagSummary(world.viewers.fukuiPrefecture, cycleId);
    expect(summary.reports).toMatchObject({ "warning-unexplained": 1, "big-change": 1 });
  });

  it("keeps old ?warning= URLs harmless: unexplained and bigChange map to their flag, any is ignored", async () => {
    expect(await names({ warning: "unexplained" })).toEqual(await names({ flag: "warning-unexplained" }));
    expect(await names({ warning: "bigChange" })).toEqual(await names({ flag: "big-change" }));
    expect(await names({ warning: "any" })).toEqual(await names({}));
    expect(await names({ warning: "toString" })).toEqual(await names({}));
    expect(ZRespondentFilter.parse({ warning: "unexplained", flag: "outlier" }).flag).toBe("outlier");
  });

  it("bulk confirmation leaves out the report with unexplained warnings and says why", async () => {
    const result = await bulkConfirm(world.viewers.fukuiPrefecture, cycleId, { q: "紙テスト" });
    expect(result).toMatchObject({ confirmed: 1, notSubmitted: 0, flaggedReports: 1 });
    expect(result.flagged["warning-unexplained"]).toBe(1);
    expect(leftOutText(result)).toContain("注意あり・説明未記入 1件");
    const statuses = await db.submission.findMany({
      where: { cycleId, institution: { name: { startsWith: "紙テスト" } } },
      select: { status: true, institution: { select: { name: true } } },
      orderBy: { institution: { name: "asc" } },
    });
    expect(statuses.map((s) => [s.institution?.name, s.status]).sort()).toEqual([
      ["紙テスト問題なしクリニック", "CONFIRMED"],
      ["紙テスト無床クリニック", "SUBMITTED"],
    ]);
    // The year-over-year report is a flag too: bulk confirmation leaves it for the officer.
    const change = await bulkConfirm(world.viewers.fukuiPrefecture, cycleId, { q: "説明テスト" });
    expect(change).toMatchObject({ confirmed: 0, flaggedReports: 1 });
    expect(change.flagged["big-change"]).toBe(1);
  });
});
