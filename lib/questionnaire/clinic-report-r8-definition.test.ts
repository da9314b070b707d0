// The 令和8年度 clinic-report definition (prisma/questionnaires/clinic-report-r8-v1.json) against
// ../shared/domain/official-items-update.md: the 告示's 40 diseases in order (38 verbatim), the code
// map that carries last year's diseases over, guideline p.19 (その他, 今後担う意向, 基準日・期間), and
// the derived status with the new 1号 intent item.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ZQuestionnaireDefinition, allItems, itemIndex, type TItem, type TQuestionnaireDefinition } from "./definition";
import { deriveStatus } from "./derive";
import { copyForwardAnswers } from "./copy";
import { validateAnswers } from "./answer-schema";
import type { TAnswers } from "./answers";

function load(name: string): TQuestionnaireDefinition {
  const path = fileURLToPath(new URL(`../../prisma/questionnaires/${name}.json`, import.meta.url));
  const result = ZQuestionnaireDefinition.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!result.success) throw new Error(`${name}: ${JSON.stringify(result.error.issues, null, 2)}`);
  return result.data;
}

const r8 = load("clinic-report-r8-v1");
const r7 = load("clinic-report-r7-v1");
const r8Items = itemIndex(r8);
const get = (key: string): TItem => {
  const item = r8Items.get(key);
  if (!item) throw new Error(`no item ${key}`);
  return item;
};
const optionsOf = (key: string) => {
  const item = get(key);
  if (!("options" in item)) throw new Error(`${key} has no options`);
  return item.options;
};

/** 告示 (令和7年3月31日) 1–38, as reported verbatim by 日本医事新報 (official-items-update.md §7). */
const KOKUJI_38 = [
  "貧血",
  "糖尿病",
  "脂質異常症",
  "統合失調症",
  "鬱病、そう鬱病その他の気分障害",
  "不安、ストレスその他の神経症",
  "睡眠障害",
  "認知症",
  "片頭痛その他の頭痛",
  "脳梗塞",
  "末梢神経障害",
  "結膜炎、角膜炎または涙腺炎",
  "白内障",
  "緑内障",
  "近視、遠視、老視その他の屈折及び調節の異常",
  "中耳炎または外耳炎",
  "難聴",
  "高血圧症",
  "狭心症",
  "不整脈",
  "心不全",
  "喘息または慢性閉塞性肺疾患",
  "感冒",
  "アレルギー性鼻炎",
  "下痢または胃腸炎",
  "便秘",
  "肝硬変、ウイルス性肝炎またはその他の慢性肝炎",
  "皮膚疾患",
  "関節リウマチまたは脱臼その他の関節症",
  "骨粗鬆症",
  "腰痛",
  "頸腕症候群",
  "外傷",
  "骨折",
  "前立腺肥大症",
  "慢性腎臓病",
  "更年期障害",
  "乳房の疾患",
];

/** The 10 draft names the 告示 renamed: 令和7年度 code → 告示 name. */
const RENAMED: Record<string, string> = {
  d31: "片頭痛その他の頭痛",
  d25: "近視、遠視、老視その他の屈折及び調節の異常",
  d22: "中耳炎または外耳炎",
  d01: "高血圧症",
  d12: "喘息または慢性閉塞性肺疾患",
  d04: "感冒",
  d09: "下痢または胃腸炎",
  d05: "皮膚疾患",
  d03: "関節リウマチまたは脱臼その他の関節症",
  d02: "腰痛",
};

describe("令和8年度: the 告示's 40 diseases", () => {
  const diseases = optionsOf("f1_diseases");

  it("holds 40 diseases; 1–38 are the 告示 names verbatim and in order", () => {
    expect(diseases).toHaveLength(40);
    expect(diseases.slice(0, 38).map((o) => o.label)).toEqual(KOKUJI_38);
    expect(diseases.slice(0, 38).every((o) => !o.provisional)).toBe(true);
  });

  it("marks the two inferred diseases (39, 40) provisional, and codes follow the 告示 numbers", () => {
    expect(diseases.slice(38).map((o) => [o.label, o.provisional])).toEqual([
      ["がん", true],
      ["正常妊娠・産じょくの管理", true],
    ]);
    expect(diseases.map((o) => o.code)).toEqual(
      Array.from({ length: 40 }, (_, i) => `k${String(i + 1).padStart(2, "0")}`),
    );
  });

  it("offers a free entry for other diseases the 管理者 judges appropriate", () => {
    expect(get("f1_other_diseases")).toMatchObject({ type: "text", provisional: true });
  });
});

describe("令和7年度 → 令和8年度: 前年度の回答を引用", () => {
  const codeMap = r8.previous?.codeMap?.f1_diseases ?? {};
  const r7Diseases = new Map(
    (
      r7.sections.flatMap((s) => s.items).find((i) => i.key === "f1_diseases") as {
        options: { code: string; label: string }[];
      }
    ).options.map((o) => [o.code, o.label]),
  );
  const r8Label = new Map(optionsOf("f1_diseases").map((o) => [o.code, o.label]));
  const oldToNew = new Map(Object.entries(codeMap).map(([n, o]) => [o, n]));

  it("names 令和7年度 as the previous version", () => {
    expect(r8.previous?.versionKey).toBe("clinic-report-r7-v1");
  });

  it.each(Object.entries(RENAMED))("carries the renamed disease %s → %s", (oldCode, newName) => {
    expect(r7Diseases.has(oldCode)).toBe(true);
    expect(r8Label.get(oldToNew.get(oldCode)!)).toBe(newName);
  });

  it("maps every one of the 23 令和7年度 diseases, each to a different 令和8年度 code", () => {
    expect([...r7Diseases.keys()].every((code) => oldToNew.has(code))).toBe(true);
    expect(new Set(Object.keys(codeMap)).size).toBe(23);
  });

  it("copies last year's diseases under the new codes, and item keys unchanged from 令和7年度", () => {
    const result = copyForwardAnswers(r8, {
      versionKey: "clinic-report-r7-v1",
      answers: { f1_diseases: ["d01", "d11", "d31"], f1_notice: true, i_overtime_count: 12 },
    });
    expect(result.answers.f1_diseases).toEqual(["k09", "k18", "k39"]); // in the 告示's order
    expect(result.answers.f1_notice).toBe(true);
    expect(result.answers.i_overtime_count).toBeUndefined(); // NDB counts are never copied
    const kept = allItems(r7).filter((i) => r8Items.has(i.key));
    expect(kept.length).toBe(allItems(r7).length); // no 令和7年度 item was dropped
  });
});

describe("令和8年度: その他 as guideline p.19 lists it", () => {
  it("asks 健診, 予防接種, 地域活動 and 教育活動, with free text only for 「等」", () => {
    const other = r8.sections.find((s) => s.key === "other")!;
    expect(other.items.map((i) => [i.key, i.type])).toEqual([
      ["other_checkups", "yesno"],
      ["other_vaccination", "yesno"],
      ["other_community", "multi"],
      ["other_community_note", "text"],
      ["other_education", "multi"],
      ["other_education_note", "text"],
      ["other_note", "text"],
    ]);
    expect(optionsOf("other_community").map((o) => o.label)).toEqual([
      "行っていない",
      "学校医",
      "産業医",
      "警察業務（警察医等）",
      "その他の地域活動",
    ]);
    expect(get("other_community_note").visibleWhen).toEqual({ key: "other_community", includes: "p9" });
    expect(get("other_education_note").visibleWhen).toEqual({ key: "other_education", includes: "p9" });
  });
});

describe("令和8年度: reference dates and NDB (guideline p.19)", () => {
  const items = allItems(r8);
  const feeCounts = [
    "i_overtime_count",
    "i_late_night_count",
    "i_holiday_count",
    "i_night_early_count",
    "ro_discharge_support_count",
    "ro_discharge_joint_count",
    "ha_home_visit_count",
    "ha_urgent_visit_count",
    "ha_visiting_nurse_count",
    "ha_nursing_instruction_count",
    "ha_end_of_life_count",
  ];

  it("marks every 診療報酬 count NDB-prefilled over the previous fiscal year, never copied", () => {
    expect(items.filter((i) => i.ndbPrefill).map((i) => i.key)).toEqual(feeCounts);
    for (const key of feeCounts)
      expect(get(key)).toMatchObject({ reference: "previousFiscalYear", copyForward: false });
  });

  it("asks 実績 over the previous calendar year", () => {
    const actuals = items.filter((i) => i.reference === "calendarYear").map((i) => i.key);
    expect(actuals).toEqual(["i_rota", "i_emergency_center", "ni_opinion", "ni_care_conference"]);
  });

  it("gives every item a reference except the reporter's contact and 特記事項", () => {
    const without = items.filter((i) => !i.reference).map((i) => i.key);
    expect(without).toEqual([
      "rep_name",
      "rep_department",
      "rep_phone",
      "rep_email",
      "i_note",
      "ro_note",
      "ha_note",
      "ni_note",
    ]);
    expect(items.some((i) => i.period)).toBe(false);
  });

  it("gives respondents a citation (document and page) on every report item, never a line number", () => {
    for (const item of items) {
      if (item.key.startsWith("rep_") || item.key.endsWith("_note")) continue;
      expect(item.citation, item.key).toMatch(/p\.\d+|告示/);
    }
    const respondentText = JSON.stringify(
      r8.sections.map((s) => [s.title, s.description, s.items.map((i) => [i.label, i.help, i.citation])]),
    );
    expect(respondentText).not.toMatch(/L\d{2,}|確認できていない|Renkei|暫定|provisional/);
    expect(r8.respondentNotice).not.toMatch(/L\d{2,}|確認できていない|Renkei|暫定/);
  });
});

describe("令和8年度: 1号 intent (guideline p.19) and the derived status", () => {
  const MET: TAnswers = { f1_notice: true, f1_areas: ["1"], f1_consult: true };
  const status = (answers: TAnswers) => deriveStatus(r8, answers).functions;

  it.each<[string, TAnswers, { has: boolean; intent: boolean }]>([
    [
      "★ all met: 有り, the intent question is hidden and ignored",
      { ...MET, f1_intent: "p1" },
      { has: true, intent: false },
    ],
    ["★ not met, 意向有り", { ...MET, f1_consult: false, f1_intent: "p1" }, { has: false, intent: true }],
    ["★ not met, 意向無し", { ...MET, f1_consult: false, f1_intent: "p0" }, { has: false, intent: false }],
    ["★ not met, intent not answered", { f1_areas: ["0"] }, { has: false, intent: false }],
    ["該当無し only, 意向有り", { ...MET, f1_areas: ["0"], f1_intent: "p1" }, { has: false, intent: true }],
  ])("%s", (_name, answers, expected) => {
    const f1 = status(answers).f1!;
    expect({ has: f1.has, intent: f1.intent }).toEqual(expected);
  });

  it.each<[string, string, TAnswers, { has: boolean; intent: boolean }]>([
    ["(ハ) 体制 意向有り", "f2ha", { ...MET, ha_system: "p1" }, { has: false, intent: true }],
    [
      "(ハ) an NDB count above zero",
      "f2ha",
      { ...MET, ha_system: "p0", ha_home_visit_count: 4 },
      { has: true, intent: false },
    ],
    ["(ニ) 主治医意見書 意向有り", "f2ni", { ...MET, ni_opinion: "1" }, { has: false, intent: true }],
    ["(ハ) without 1号 is not 有り", "f2ha", { ha_system: "p2", f1_intent: "p1" }, { has: false, intent: false }],
  ])("2号 still derives: %s", (_name, fn, answers, expected) => {
    const s = status(answers)[fn]!;
    expect({ has: s.has, intent: s.intent }).toEqual(expected);
  });

  it("requires the intent answer only while 1号 is not 有り", () => {
    const notMet = validateAnswers(r8, { f1_notice: false, f1_areas: ["1"], f1_consult: true }, "submit");
    expect(notMet.ok).toBe(false);
    if (!notMet.ok) expect(Object.keys(notMet.fieldErrors)).toContain("f1_intent");
    const met = validateAnswers(r8, { f1_notice: true, f1_areas: ["1"], f1_consult: true }, "submit");
    if (!met.ok) expect(Object.keys(met.fieldErrors)).not.toContain("f1_intent");
  });
});
