// Small, valid definitions for unit tests, built through the real parser (no casts).
import type { TAnswers } from "@/lib/questionnaire/answers";
import {
  ZQuestionnaireDefinition,
  type TQuestionnaireDefinition,
  type TQuestionnaireDefinitionInput,
} from "@/lib/questionnaire/definition";

type TSectionInput = TQuestionnaireDefinitionInput["sections"][number];
type TItemInput = TSectionInput["items"][number];

export function buildDefinition(
  overrides: Partial<TQuestionnaireDefinitionInput> & Pick<TQuestionnaireDefinitionInput, "sections">,
): TQuestionnaireDefinition {
  return ZQuestionnaireDefinition.parse({
    schemaVersion: 1,
    kind: "CLINIC_REPORT",
    versionKey: "test-v1",
    fiscalYear: 2025,
    title: "テスト用定義",
    versionLabel: "第1版",
    ...overrides,
  });
}

export const section = (key: string, items: TItemInput[], extra: Partial<TSectionInput> = {}): TSectionInput => ({
  key,
  title: `セクション ${key}`,
  items,
  ...extra,
});

/** Options in the manual's 0:無し(意向無し) / 1:無し(意向有り) / 2…:有り pattern. */
export const intentOptions = (extraHas: string[] = ["有り"]) => [
  { code: "0", label: "無し(意向無し)", status: "none" as const },
  { code: "1", label: "無し(意向有り)", status: "intent" as const },
  ...extraHas.map((label, i) => ({ code: String(i + 2), label, status: "has" as const })),
];

/**
 * A miniature of the official structure: 1号 from three ★ items (院内掲示, 17 areas, 相談),
 * two 2号 functions gated on 1号, with their sections visible only when 1号 holds.
 */
export function miniClinicDefinition(): TQuestionnaireDefinition {
  return buildDefinition({
    functions: [
      { key: "f1", label: "1号機能", shortLabel: "1号", rule: "allStarred" },
      { key: "f2i", label: "(イ) 時間外", shortLabel: "イ", rule: "any", requires: "f1" },
      { key: "f2ro", label: "(ロ) 入退院", shortLabel: "ロ", rule: "any", requires: "f1" },
    ],
    sections: [
      section("f1", [
        { key: "f1_notice", type: "yesno", label: "院内掲示", required: true, function: "f1", star: true },
        {
          key: "f1_areas",
          type: "multi",
          label: "一次診療の対応ができる領域",
          required: true,
          function: "f1",
          star: true,
          tag: "primaryCareAreas",
          options: [
            { code: "0", label: "該当無し", exclusive: true, status: "none" },
            { code: "1", label: "皮膚・形成外科領域", status: "has" },
            { code: "9", label: "循環器系領域", status: "has" },
          ],
        },
        { key: "f1_consult", type: "yesno", label: "患者からの相談", required: true, function: "f1", star: true },
        { key: "f1_gp", type: "yesno", label: "総合診療専門医", function: "f1" },
        {
          key: "f1_gp_fte",
          type: "decimal",
          decimals: 1,
          label: "総合診療専門医数(常勤換算)",
          required: true,
          visibleWhen: { key: "f1_gp", equals: true },
        },
      ]),
      section(
        "f2i",
        [
          {
            key: "i_rota",
            type: "single",
            label: "在宅当番医制",
            required: true,
            function: "f2i",
            options: intentOptions(["有り(月1回未満)", "有り(月1回)"]),
          },
          {
            key: "i_overtime",
            type: "integer",
            label: "時間外加算の算定回数",
            function: "f2i",
            ndbPrefill: true,
            copyForward: false,
          },
          { key: "i_note", type: "text", label: "特記事項", maxLength: 20, function: "f2i" },
        ],
        { visibleWhen: { function: "f1", has: true } },
      ),
      section(
        "f2ro",
        [
          {
            key: "ro_beds",
            type: "single",
            label: "後方支援病床の確保",
            required: true,
            function: "f2ro",
            options: [
              { code: "0", label: "無し(意向無し)", status: "none" },
              { code: "1", label: "無し(意向有り(自院による確保))", status: "intent" },
              { code: "4", label: "有り(自院による確保)", status: "has", mode: "self" },
              { code: "5", label: "有り(連携による確保)", status: "has", mode: "partner" },
              { code: "6", label: "有り(自院及び連携による確保)", status: "has", mode: "both" },
            ],
          },
          {
            key: "ro_partners",
            type: "partners",
            label: "連携医療機関名称",
            max: 2,
            visibleWhen: { key: "ro_beds", in: ["5", "6"] },
          },
          { key: "ro_count", type: "integer", label: "入退院支援加算の算定回数", function: "f2ro" },
        ],
        { visibleWhen: { function: "f1", has: true } },
      ),
    ],
  });
}

/** Answers that make 1号 有り. */
export const FUNCTION1_MET: TAnswers = { f1_notice: true, f1_areas: ["1"], f1_consult: true };
