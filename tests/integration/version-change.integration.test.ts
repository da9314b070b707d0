// 令和7年度 → 令和8年度 on a real database: a clinic reports on the 令和7年度 version, the prefecture
// imports NDB counts for the 令和8年度 cycle (on the new version's NDB items), and the clinic's new
// form starts from those counts and carries last year's answers over — renamed diseases included.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registerDefinition } from "@/lib/services/questionnaire-versions";
import { copyPreviousAnswers, saveDraft, submitReport } from "@/lib/services/respondent-reports";
import { getNdbValues, initialAnswers, type TRespondentViewer } from "@/lib/data/respondent";
import type { TNdbPreview } from "@/lib/prefecture/import-preview";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { csvFile } from "@/tests/fixtures/import/builders";
import { importFile } from "@/tests/support/prefecture-ops";
import { R7_REPORT } from "@/tests/fixtures/clinic-report-r7-report";

let world: TWorld;
let clinic: TRespondentViewer;
let cycleR7: string;
let cycleR8: string;

const readDefinition = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(process.cwd(), "prisma", "questionnaires", `${name}.json`), "utf8"));

beforeAll(async () => {
  world = await buildWorld();
  clinic = world.viewers.kanazawaClinic as TRespondentViewer;
  await registerDefinition(null, readDefinition("clinic-report-r6-demo"), { publish: true });
  const v7 = await registerDefinition(null, readDefinition("clinic-report-r7-v1"), { publish: true });
  const v8 = await registerDefinition(null, readDefinition("clinic-report-r8-v1"), { publish: true });
  // The world's 石川 cycle (a small test version) moves out of the way of 令和7年度.
  await db.reportingCycle.update({ where: { id: world.cycles.ishikawaClinicCycle.id }, data: { fiscalYear: 2020 } });
  const open = (fiscalYear: number, questionnaireVersionId: string) =>
    db.reportingCycle.create({
      data: {
        prefectureCode: "17",
        kind: "CLINIC_REPORT",
        fiscalYear,
        questionnaireVersionId,
        status: "OPEN",
        opensAt: new Date(Date.now() - 86_400_000),
        closesAt: new Date(Date.now() + 30 * 86_400_000),
      },
    });
  cycleR7 = (await open(2025, v7.versionId)).id;
  cycleR8 = (await open(2026, v8.versionId)).id;
});

describe("令和7年度 → 令和8年度", () => {
  it("the clinic submits its 令和7年度 report on the 令和7年度 version", async () => {
    const draft = await saveDraft(clinic, cycleR7, { draftVersion: 0, answers: R7_REPORT });
    const result = await submitReport(clinic, cycleR7, { draftVersion: draft.draftVersion, answers: R7_REPORT });
    expect(result.revision).toBe(1);
  });

  it("the prefecture imports NDB counts for items only the 令和8年度 version pre-prints", async () => {
    const code = world.institutions.kanazawaClinic.code;
    const result = await importFile(
      world.viewers.ishikawaPrefecture,
      "NDB",
      csvFile([
        ["医療機関コード", "項目キー", "値"],
        [code, "i_overtime_count", "52"],
        [code, "i_holiday_count", "7"],
        [code, "ha_home_visit_count", "21"],
      ]),
      {},
      cycleR8,
    );
    expect((result.preview.details as TNdbPreview).counts).toMatchObject({ creates: 3, skipped: 0 });
    const ndb = await getNdbValues(clinic, cycleR8);
    expect(ndb).toEqual({ i_overtime_count: 52, i_holiday_count: 7, ha_home_visit_count: 21 });
    // A new form starts from the NDB counts.
    expect(initialAnswers(clinic, null, ndb)).toEqual(ndb);
  });

  it("refuses an NDB row for an item the 令和8年度 version does not pre-print", async () => {
    const result = await importFile(
      world.viewers.ishikawaPrefecture,
      "NDB",
      csvFile([
        ["医療機関コード", "項目キー", "値"],
        [world.institutions.kanazawaClinic.code, "ro_referred_outpatients", "3"],
      ]),
      {},
      cycleR8,
    );
    expect(result.preview.ok).toBe(false);
  });

  it("「前年度の回答を引用」 carries 令和7年度 answers into the 令和8年度 form under the new disease codes", async () => {
    const ndb = await getNdbValues(clinic, cycleR8);
    const copied = await copyPreviousAnswers(clinic, cycleR8, { draftVersion: 0, answers: ndb });
    expect(copied.fromFiscalYear).toBe(2025);
    // 高血圧→高血圧症 (k18), 糖尿病 (k02), がん (k39), 喘息・COPD→喘息または慢性閉塞性肺疾患 (k22), 頭痛(片頭痛)→片頭痛その他の頭痛 (k09)
    expect(copied.answers.f1_diseases).toEqual(["k02", "k09", "k18", "k22", "k39"]);
    expect(copied.answers).toMatchObject({ f1_notice: true, f1_areas: ["9"], ni_opinion: "2", rep_name: "鯖江 花子" });
    // This year's NDB counts stay; last year's counts are never copied.
    expect(copied.answers.i_overtime_count).toBe(52);
    expect(copied.copied).not.toContain("i_overtime_count");
    // The carried-over answers save as a valid 令和8年度 draft.
    const saved = await saveDraft(clinic, cycleR8, { draftVersion: 0, answers: copied.answers });
    expect(saved.draftVersion).toBe(1);
  });
});
