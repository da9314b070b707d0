// The shipped clinic-report definitions (prisma/questionnaires/*.json) checked against the
// official item list (../shared/domain/official-report-items.md): confirmed names and codes are
// exact, everything else is marked provisional, and the derived 1号/2号 status works on them.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  ITEM_KEY_PATTERN,
  ZQuestionnaireDefinition,
  allItems,
  findItemByTag,
  itemIndex,
  type TItem,
  type TQuestionnaireDefinition,
} from "./definition";
import { deriveStatus, type TFunctionStatus } from "./derive";
import { validateAnswers } from "./answer-schema";
import type { TAnswers } from "./answers";

function readJson(name: string): unknown {
  const path = fileURLToPath(new URL(`../../prisma/questionnaires/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, "utf8"));
}

function load(name: string): TQuestionnaireDefinition {
  const result = ZQuestionnaireDefinition.safeParse(readJson(name));
  if (!result.success) throw new Error(`${name}: ${JSON.stringify(result.error.issues, null, 2)}`);
  return result.data;
}

const r7 = load("clinic-report-r7-v1");
const r6 = load("clinic-report-r6-demo");
const r7Items = itemIndex(r7);
const r6Items = itemIndex(r6);

function get(def: TQuestionnaireDefinition, key: string): TItem {
  const item = itemIndex(def).get(key);
  if (!item) throw new Error(`no item ${key} in ${def.versionKey}`);
  return item;
}

const optionPairs = (item: TItem): [string, string][] | undefined =>
  "options" in item ? item.options.map((o) => [o.code, o.label]) : undefined;

// ---- Official code lists as printed (official-report-items.md) -----------------------------------

const INTENT_FREQUENCY: [string, string][] = [
  ["0", "無し(意向無し)"],
  ["1", "無し(意向有り)"],
  ["2", "有り(月1回未満)"],
  ["3", "有り(月1回)"],
  ["4", "有り(月2~3回)"],
  ["5", "有り(月4~5回)"],
  ["6", "有り(月6~9回)"],
  ["7", "有り(月10回以上)"],
];

const AREAS: [string, string][] = [
  ["0", "該当無し"],
  ["1", "皮膚・形成外科領域"],
  ["2", "神経・脳血管領域"],
  ["3", "精神科・神経科領域"],
  ["4", "眼領域"],
  ["5", "耳鼻咽喉領域"],
  ["6", "呼吸器領域"],
  ["7", "消化器系領域"],
  ["8", "肝・胆道・膵臓領域"],
  ["9", "循環器系領域"],
  ["10", "腎・泌尿器系領域"],
  ["11", "産科領域"],
  ["12", "婦人科領域"],
  ["13", "乳腺領域"],
  ["14", "内分泌・代謝・栄養領域"],
  ["15", "血液・免疫系領域"],
  ["16", "筋・骨格系及び外傷領域"],
  ["17", "小児領域"],
];

const BACKUP_BEDS: [string, string][] = [
  ["0", "無し(意向無し)"],
  ["1", "無し(意向有り(自院による確保))"],
  ["2", "無し(意向有り(連携による確保))"],
  ["3", "無し(意向有り(自院及び連携による確保))"],
  ["4", "有り(自院による確保)"],
  ["5", "有り(連携による確保)"],
  ["6", "有り(自院及び連携による確保)"],
];

type TOfficialRow = {
  key: string;
  officialNo?: string;
  type: TItem["type"];
  label: string;
  options?: [string, string][];
  ndb?: boolean;
  period?: string;
};

// Every item the retrieved manual pages print (name, No., codes, NDB mark, period), exactly as printed.
// Some are still provisional (a cut name completed, codes 3–17 of the areas rebuilt); see FULLY_CONFIRMED.
const OFFICIAL: TOfficialRow[] = [
  {
    key: "f1_gp_specialist",
    officialNo: "1号4",
    type: "single",
    label: "総合診療専門医",
    options: [
      ["0", "無し"],
      ["1", "有り"],
    ],
  },
  { key: "f1_gp_specialist_fte", officialNo: "1号5", type: "decimal", label: "総合診療専門医数(常勤換算)" },
  { key: "f1_areas", officialNo: "1号6", type: "multi", label: "一次診療の対応ができる領域", options: AREAS },
  {
    key: "i_rota",
    officialNo: "(イ)1",
    type: "single",
    label: "在宅当番医制(地域患者の時間外等外来に係る複数医療機関による輪番体制)への参加",
    options: INTENT_FREQUENCY,
    period: "前年の1月1日から12月31日までの実績",
  },
  {
    key: "i_emergency_center",
    officialNo: "(イ)2",
    type: "single",
    label: "休日夜間急患センター等に参加",
    options: INTENT_FREQUENCY,
  },
  {
    key: "i_overtime_count",
    officialNo: "(イ)5",
    type: "integer",
    label: "時間外加算または時間外特例医療機関加算の算定回数(初診料、再診料、外来診療料分)",
    ndb: true,
  },
  {
    key: "i_late_night_count",
    officialNo: "(イ)6",
    type: "integer",
    label: "深夜加算の算定回数(初診料、再診料、外来診療料分)",
    ndb: true,
  },
  {
    key: "i_holiday_count",
    officialNo: "(イ)7",
    type: "integer",
    label: "休日加算の算定回数(初診料、再診料、外来診療料分)",
  },
  {
    key: "i_night_early_count",
    officialNo: "(イ)8",
    type: "integer",
    label: "夜間・早朝等加算の算定回数(初診料、再診料分)",
  },
  { key: "i_note", officialNo: "(イ)9", type: "text", label: "特記事項" },
  {
    key: "ro_backup_beds",
    officialNo: "(ロ)1",
    type: "single",
    label: "自院又は連携による後方支援病床(在宅患者の病状が急変した場合に入院させるための病床)の確保",
    options: BACKUP_BEDS,
  },
  { key: "ro_backup_partners", type: "partners", label: "連携医療機関名称(最大8つ)" },
  {
    key: "ro_discharge_support_count",
    officialNo: "(ロ)2",
    type: "integer",
    label: "入退院支援加算の算定回数(精神科を含む)",
    ndb: true,
  },
  {
    key: "ro_referred_outpatients",
    officialNo: "(ロ)11",
    type: "decimal",
    label: "特定機能病院・地域医療支援病院・紹介受診重点医療機関から紹介状により紹介を受けた外来患者数(月平均)",
    period: "前年度(4月1日~3月31日)",
  },
  {
    key: "ni_opinion",
    officialNo: "(ニ)1",
    type: "single",
    label: "主治医意見書の作成",
    options: [
      ["0", "無し(意向無し)"],
      ["1", "無し(意向有り)"],
      ["2", "有り"],
    ],
    period: "前年の1月1日~12月31日",
  },
];

// Items taken word-for-word from a retrieved manual page (name, codes, number); all others are provisional.
const FULLY_CONFIRMED = [
  "f1_gp_specialist",
  "f1_gp_specialist_fte",
  "i_rota",
  "i_overtime_count",
  "i_late_night_count",
  "i_note",
  "ro_backup_beds",
  "ro_backup_partners",
  "ro_discharge_support_count",
  "ni_opinion",
];

// Items whose numeric codes the manual prints; every other option code is Renkei's own ("p0", "d01", …).
const PRINTED_CODES = ["f1_gp_specialist", "f1_areas", "i_rota", "i_emergency_center", "ro_backup_beds", "ni_opinion"];

describe("both files parse with ZQuestionnaireDefinition", () => {
  it.each(["clinic-report-r7-v1", "clinic-report-r6-demo"])("%s", (name) => {
    const result = ZQuestionnaireDefinition.safeParse(readJson(name));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it("R7 carries the version metadata and the manual it follows", () => {
    expect(r7).toMatchObject({
      kind: "CLINIC_REPORT",
      versionKey: "clinic-report-r7-v1",
      fiscalYear: 2025,
      title: "令和7年度 かかりつけ医機能報告",
      versionLabel: "第1版（令和7年11月4日マニュアル準拠）",
      previous: { versionKey: "clinic-report-r6-demo" },
    });
    expect(r7.source?.ref).toContain("医政総発1104第1号");
    expect(r7.notice).toContain("12月25日");
    expect(r7.notice).toContain("暫定");
  });

  it("R6 is the fictional demo predecessor", () => {
    expect(r6).toMatchObject({ kind: "CLINIC_REPORT", versionKey: "clinic-report-r6-demo", fiscalYear: 2024 });
    expect(r6.title).toBe("令和6年度 かかりつけ医機能報告（デモ用試行版）");
    expect(r6.notice).toContain("架空");
  });
});

describe("functions", () => {
  it.each([r7, r6])("$versionKey: 1号 from ★ items, each 2号 function needs 1号", (def) => {
    expect(def.functions.map((f) => [f.key, f.shortLabel, f.rule, f.requires ?? null])).toEqual([
      ["f1", "1号", "allStarred", null],
      ["f2i", "イ 時間外", "any", "f1"],
      ["f2ro", "ロ 入退院", "any", "f1"],
      ["f2ha", "ハ 在宅", "any", "f1"],
      ["f2ni", "ニ 介護連携", "any", "f1"],
    ]);
  });

  it("the ★ items are exactly 院内掲示, 17領域, 患者相談", () => {
    expect(
      allItems(r7)
        .filter((i) => i.star)
        .map((i) => [i.key, i.function, i.required]),
    ).toEqual([
      ["f1_notice", "f1", true],
      ["f1_areas", "f1", true],
      ["f1_consult", "f1", true],
    ]);
  });

  it("2号 sections and その他 show only with 1号 有り", () => {
    const gated = r7.sections.filter((s) => s.visibleWhen).map((s) => [s.key, s.visibleWhen]);
    expect(gated).toEqual(["f2i", "f2ro", "f2ha", "f2ni", "other"].map((key) => [key, { function: "f1", has: true }]));
  });
});

describe("confirmed items: exact printed names, numbers and codes", () => {
  it.each(OFFICIAL)("$key", (row) => {
    const item = get(r7, row.key);
    expect(item.type).toBe(row.type);
    expect(item.label).toBe(row.label);
    expect(item.officialNo).toBe(row.officialNo);
    expect(optionPairs(item)).toEqual(row.options);
    expect(item.ndbPrefill).toBe(row.ndb ?? false);
    expect(item.period).toBe(row.period);
    expect(item.source?.url).toMatch(/^https:\/\/www\.wic-net\.com\/material\/document\/22416\/\d+$/);
  });

  it("該当無し is the only exclusive area and does not count as 一次診療", () => {
    const areas = get(r7, "f1_areas");
    if (areas.type !== "multi") throw new Error("f1_areas must be a multiple choice");
    expect(areas.options.filter((o) => o.exclusive).map((o) => o.code)).toEqual(["0"]);
    expect(areas.options.filter((o) => o.status === "has")).toHaveLength(17);
  });

  it("(ロ)1 partners: up to 8, only for 有り(連携) / 有り(自院及び連携)", () => {
    const partners = get(r7, "ro_backup_partners");
    expect(partners).toMatchObject({
      type: "partners",
      max: 8,
      required: true,
      visibleWhen: { key: "ro_backup_beds", in: ["5", "6"] },
    });
  });

  it("(ロ)1 codes carry 意向 and 自院/連携", () => {
    const beds = get(r7, "ro_backup_beds");
    if (beds.type !== "single") throw new Error("ro_backup_beds must be a single choice");
    expect(beds.options.map((o) => [o.code, o.status, o.mode ?? null])).toEqual([
      ["0", "none", null],
      ["1", "intent", "self"],
      ["2", "intent", "partner"],
      ["3", "intent", "both"],
      ["4", "has", "self"],
      ["5", "has", "partner"],
      ["6", "has", "both"],
    ]);
  });

  it("総合診療専門医数(常勤換算) is one decimal place and asked only when 有り", () => {
    expect(get(r7, "f1_gp_specialist_fte")).toMatchObject({
      decimals: 1,
      required: true,
      visibleWhen: { key: "f1_gp_specialist", equals: "1" },
    });
  });
});

describe("provisional items", () => {
  const items = allItems(r7);

  it("everything not fully confirmed is provisional, with a Japanese note", () => {
    const notProvisional = items.filter((i) => !i.provisional).map((i) => i.key);
    expect(notProvisional).toEqual(FULLY_CONFIRMED);
    for (const item of items.filter((i) => i.provisional)) {
      expect(item.provisionalNote, item.key).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    }
  });

  it("confirmed items cite a manual page", () => {
    for (const key of FULLY_CONFIRMED) {
      expect(get(r7, key).source?.ref, key).toMatch(/^マニュアル p\.\d+/);
    }
  });

  it("every item cites a source", () => {
    expect(items.filter((i) => !i.source?.ref).map((i) => i.key)).toEqual([]);
  });

  it("numeric codes appear only where the manual prints them; Renkei's own codes cannot be mistaken for them", () => {
    for (const item of items) {
      if (!("options" in item)) continue;
      const numeric = item.options.every((o) => /^\d+$/.test(o.code));
      const own = item.options.every((o) => /^[a-z]\d+$/.test(o.code));
      if (PRINTED_CODES.includes(item.key)) expect(numeric, item.key).toBe(true);
      else
        expect({ key: item.key, own, provisional: item.provisional }).toEqual({
          key: item.key,
          own: true,
          provisional: true,
        });
    }
  });

  it("(ロ)11, whose codes 2–4 are not printed, is a monthly average instead of guessed bands", () => {
    expect(get(r7, "ro_referred_outpatients")).toMatchObject({ type: "decimal", decimals: 1, provisional: true });
  });

  it("the whole of (ハ) and その他 is provisional", () => {
    const keys = r7.sections.filter((s) => s.key === "f2ha" || s.key === "other").flatMap((s) => s.items);
    expect(keys.filter((i) => !i.provisional)).toEqual([]);
  });
});

describe("NDB pre-printed items and copy-forward", () => {
  const items = allItems(r7);

  it("the NDB items are exactly those printed as NDBプレプリント項目, and never copied forward", () => {
    const ndb = items.filter((i) => i.ndbPrefill);
    expect(ndb.map((i) => i.key)).toEqual(["i_overtime_count", "i_late_night_count", "ro_discharge_support_count"]);
    expect(ndb.filter((i) => i.copyForward)).toEqual([]);
  });

  it("no yearly count or average is copied forward", () => {
    const numbers = items.filter((i) => i.type === "integer" || i.type === "decimal");
    expect(numbers.filter((i) => i.copyForward).map((i) => i.key)).toEqual([]);
  });
});

describe("keys and tags", () => {
  const PREFIX: Record<string, string> = {
    reporter: "rep_",
    f1: "f1_",
    f2i: "i_",
    f2ro: "ro_",
    f2ha: "ha_",
    f2ni: "ni_",
    other: "other_",
  };

  it.each([r7, r6])("$versionKey: keys are dot-free and prefixed by section", (def) => {
    for (const section of def.sections) {
      for (const item of section.items) {
        expect(item.key).toMatch(ITEM_KEY_PATTERN);
        expect(item.key.startsWith(PREFIX[section.key] ?? "?"), `${section.key}/${item.key}`).toBe(true);
      }
    }
  });

  it.each([
    ["primaryCareAreas", "f1_areas"],
    ["primaryCareDiseases", "f1_diseases"],
    ["gpSpecialist", "f1_gp_specialist"],
    ["onCallRota", "i_rota"],
    ["emergencyCenter", "i_emergency_center"],
    ["backupBeds", "ro_backup_beds"],
    ["homeCareSystem", "ha_system"],
    ["physicianOpinion", "ni_opinion"],
  ])("tag %s → %s", (tag, key) => {
    expect(findItemByTag(r7, tag)?.key).toBe(key);
  });

  it("tags are unique, so aggregation finds one item per tag", () => {
    const tags = allItems(r7).flatMap((i) => (i.tag ? [i.tag] : []));
    expect(new Set(tags).size).toBe(tags.length);
  });

  it.each([
    ["primaryCareAreas", "f1_primary_care_areas"],
    ["backupBeds", "ro_backup_beds"],
    ["physicianOpinion", "ni_physician_opinion"],
  ])("R6 demo keeps tag %s on %s", (tag, key) => {
    expect(findItemByTag(r6, tag)?.key).toBe(key);
  });
});

describe("R6 demo → R7: 前年度の回答を引用", () => {
  const keyMap = r7.previous?.keyMap ?? {};

  it("renames 3 keys, and every old key exists in the R6 demo", () => {
    expect(keyMap).toEqual({
      f1_areas: "f1_primary_care_areas",
      ro_backup_partners: "ro_partners",
      ni_opinion: "ni_physician_opinion",
    });
    for (const oldKey of Object.values(keyMap)) expect(r6Items.has(oldKey), oldKey).toBe(true);
  });

  it("every R6 item has a counterpart in R7 with the same type and codes", () => {
    const reverse = new Map(Object.entries(keyMap).map(([newKey, oldKey]) => [oldKey, newKey]));
    for (const old of r6Items.values()) {
      const counterpart = r7Items.get(reverse.get(old.key) ?? old.key);
      expect(counterpart?.type, old.key).toBe(old.type);
      if (counterpart) expect(optionPairs(counterpart), old.key).toEqual(optionPairs(old));
    }
  });

  it("R6 is a smaller subset with the old keys only", () => {
    expect(r6Items.size).toBeLessThan(r7Items.size);
    for (const newKey of Object.keys(keyMap)) expect(r6Items.has(newKey), newKey).toBe(false);
  });

  // What a copy-forward must do with these files (new key ← keyMap[new] ?? new; skip copyForward=false).
  const copyForward = (previous: TAnswers): TAnswers => {
    const out: TAnswers = {};
    for (const item of r7Items.values()) {
      if (!item.copyForward) continue;
      const oldKey = keyMap[item.key] ?? item.key;
      if (r6Items.has(oldKey) && previous[oldKey] !== undefined) out[item.key] = previous[oldKey];
    }
    return out;
  };

  it("copies statuses across renamed keys but never last year's counts", () => {
    const last: TAnswers = {
      rep_name: "福井 花子",
      f1_notice: true,
      f1_primary_care_areas: ["9", "14"],
      f1_consult: true,
      f1_gp_specialist: "1",
      f1_gp_specialist_fte: 1,
      i_rota: "3",
      i_overtime_count: 48,
      ro_backup_beds: "5",
      ro_partners: [{ name: "デモ中央病院（架空）" }],
      ro_discharge_support_count: 12,
      ni_physician_opinion: "2",
    };
    expect(validateAnswers(r6, last, "draft")).toMatchObject({ ok: true });
    const copied = copyForward(last);
    expect(copied).toEqual({
      rep_name: "福井 花子",
      f1_notice: true,
      f1_areas: ["9", "14"],
      f1_consult: true,
      f1_gp_specialist: "1",
      i_rota: "3",
      ro_backup_beds: "5",
      ro_backup_partners: [{ name: "デモ中央病院（架空）" }],
      ni_opinion: "2",
    });
    expect(validateAnswers(r7, copied, "draft")).toMatchObject({ ok: true });
  });
});

// ---- Derived status on realistic answers ----------------------------------------------------------

const F1_MET: TAnswers = { f1_notice: true, f1_areas: ["6", "9", "14"], f1_consult: true };

/** One word per function: 有り(:mode) / 意向有り / 無し. */
function summary(answers: TAnswers, def: TQuestionnaireDefinition = r7): Record<string, string> {
  const word = (s: TFunctionStatus) => (s.has ? (s.mode ? `有り:${s.mode}` : "有り") : s.intent ? "意向有り" : "無し");
  return Object.fromEntries(Object.entries(deriveStatus(def, answers).functions).map(([key, s]) => [key, word(s)]));
}

describe("deriveStatus on the R7 definition", () => {
  it.each<[string, TAnswers, Record<string, string>]>([
    [
      "有床診療所: rota, own backup beds, home care with partners, 主治医意見書",
      { ...F1_MET, i_rota: "3", i_emergency_center: "0", ro_backup_beds: "4", ha_system: "p4", ni_opinion: "2" },
      { f1: "有り", f2i: "有り", f2ro: "有り:self", f2ha: "有り:both", f2ni: "有り" },
    ],
    [
      "backup beds through partners only",
      { ...F1_MET, ro_backup_beds: "5", ha_system: "p3" },
      { f1: "有り", f2i: "無し", f2ro: "有り:partner", f2ha: "有り:partner", f2ni: "無し" },
    ],
    [
      "only 意向有り answers: the recruitable pool",
      {
        ...F1_MET,
        i_rota: "1",
        i_emergency_center: "0",
        ro_backup_beds: "2",
        ha_system: "p1",
        ni_opinion: "1",
        ni_care_conference: "p0",
      },
      { f1: "有り", f2i: "意向有り", f2ro: "意向有り", f2ha: "意向有り", f2ni: "意向有り" },
    ],
    [
      "NDB counts alone are 実績 (rota and centre 無し)",
      { ...F1_MET, i_rota: "0", i_emergency_center: "0", i_overtime_count: 24, ro_discharge_support_count: 0 },
      { f1: "有り", f2i: "有り", f2ro: "無し", f2ha: "無し", f2ni: "無し" },
    ],
    [
      "(ロ)11 monthly average above zero is 実績",
      { ...F1_MET, ro_backup_beds: "0", ro_referred_outpatients: 0.5 },
      { f1: "有り", f2i: "無し", f2ro: "有り", f2ha: "無し", f2ni: "無し" },
    ],
    [
      "研修・総合診療専門医 無し does not affect 1号",
      { ...F1_MET, f1_training: false, f1_gp_specialist: "0", ni_care_conference: "p2" },
      { f1: "有り", f2i: "無し", f2ro: "無し", f2ha: "無し", f2ni: "有り" },
    ],
    [
      "院内掲示 not made: 1号 無し, 2号 answers do not count",
      { ...F1_MET, f1_notice: false, i_rota: "5", ro_backup_beds: "6", ni_opinion: "2" },
      { f1: "無し", f2i: "無し", f2ro: "無し", f2ha: "無し", f2ni: "無し" },
    ],
    [
      "only 該当無し as area: 1号 無し",
      { ...F1_MET, f1_areas: ["0"], i_rota: "5" },
      { f1: "無し", f2i: "無し", f2ro: "無し", f2ha: "無し", f2ni: "無し" },
    ],
  ])("%s", (_name, answers, expected) => {
    expect(summary(answers)).toEqual(expected);
  });

  it("names the unmet ★ item", () => {
    const { functions } = deriveStatus(r7, { ...F1_MET, f1_consult: false });
    expect(functions.f1?.unmetStarred).toEqual(["f1_consult"]);
  });

  it.each<[string, TAnswers, "f2i" | "f2ro", string]>([
    ["rota (no mode) + own out-of-hours cover", { i_rota: "2", i_other_system: "p2" }, "f2i", "有り:self"],
    [
      "加算の届出 (no mode) + partner cover",
      { i_other_system: "p3", i_overtime_notification: "p1" },
      "f2i",
      "有り:partner",
    ],
    ["own beds + discharge rule (no mode)", { ro_backup_beds: "4", ro_discharge_rule: "p2" }, "f2ro", "有り:self"],
    ["a count alone gives no mode", { ro_discharge_support_count: 3 }, "f2ro", "有り"],
  ])("自院/連携 comes from the items that say it: %s", (_name, answers, fn, expected) => {
    expect(summary({ ...F1_MET, ...answers })[fn]).toBe(expected);
  });

  it("the R6 demo derives the same way under its own keys", () => {
    const answers: TAnswers = {
      f1_notice: true,
      f1_primary_care_areas: ["17"],
      f1_consult: true,
      ro_backup_beds: "6",
      ni_physician_opinion: "1",
    };
    expect(summary(answers, r6)).toEqual({
      f1: "有り",
      f2i: "無し",
      f2ro: "有り:both",
      f2ha: "無し",
      f2ni: "意向有り",
    });
  });
});

// ---- Validation on submit -----------------------------------------------------------------------

const COMPLETE: TAnswers = {
  rep_name: "福井 花子",
  rep_department: "医事課",
  rep_phone: "0776-00-0000",
  rep_email: "jimu@example.jp",
  f1_notice: true,
  f1_training: true,
  f1_gp_specialist: "1",
  f1_gp_specialist_fte: 1.5,
  f1_areas: ["6", "7", "9", "14", "16"],
  f1_diseases: ["d01", "d02", "d04", "d06", "d08", "d12", "d24"],
  f1_consult: true,
  i_rota: "3",
  i_emergency_center: "2",
  i_other_system: "p4",
  i_partners: [{ name: "デモ中央病院（架空）" }],
  i_overtime_notification: "p3",
  i_overtime_count: 120,
  i_late_night_count: 4,
  i_holiday_count: 35,
  i_night_early_count: 210,
  i_note: "",
  ro_backup_beds: "6",
  ro_backup_partners: [{ name: "デモ中央病院（架空）" }, { name: "デモ市民病院（架空）" }],
  ro_discharge_support_count: 0,
  ro_discharge_rule: "p2",
  ro_discharge_joint_count: 6,
  ro_referred_outpatients: 2.5,
  ha_system: "p4",
  ha_partners: [{ name: "デモ在宅クリニック（架空）" }],
  ha_home_visit_count: 340,
  ha_urgent_visit_count: 42,
  ha_visiting_nurse_count: 0,
  ha_nursing_instruction_count: 28,
  ha_end_of_life_count: 5,
  ni_opinion: "2",
  ni_care_conference: "p2",
  other_checkups: true,
  other_vaccination: true,
};

const REPORTER = { rep_name: "福井 花子", rep_phone: "0776-00-0000" };

function fieldErrors(answers: TAnswers): Record<string, string[]> {
  const result = validateAnswers(r7, answers, "submit");
  return result.ok ? {} : result.fieldErrors;
}

describe('validateAnswers(…, "submit") on the R7 definition', () => {
  it("accepts a complete report of a clinic with 1号 and all four 2号 functions", () => {
    expect(fieldErrors(COMPLETE)).toEqual({});
    expect(summary(COMPLETE)).toEqual({
      f1: "有り",
      f2i: "有り:both",
      f2ro: "有り:both",
      f2ha: "有り:both",
      f2ni: "有り",
    });
  });

  it("accepts a 1号 無し report without any 2号 answers", () => {
    const answers: TAnswers = {
      ...REPORTER,
      f1_notice: false,
      f1_training: false,
      f1_gp_specialist: "0",
      f1_areas: ["0"],
      f1_consult: true,
    };
    expect(fieldErrors(answers)).toEqual({});
  });

  it("rejects an incomplete 1号 part with Japanese messages", () => {
    const answers: TAnswers = { rep_name: "福井 花子", f1_notice: true, f1_areas: ["0", "9"], f1_gp_specialist: "1" };
    expect(fieldErrors(answers)).toEqual({
      rep_phone: ["この項目は必須です。"],
      f1_training: ["この項目は必須です。"],
      f1_gp_specialist_fte: ["この項目は必須です。"],
      f1_areas: ["「該当無し」と他の選択肢は同時に選べません。"],
      f1_consult: ["この項目は必須です。"],
    });
  });

  it("asks for the 2号 status items and the partners once 1号 holds", () => {
    const answers: TAnswers = {
      ...REPORTER,
      ...F1_MET,
      f1_training: true,
      f1_gp_specialist: "0",
      ro_backup_beds: "5",
      ha_system: "p2",
    };
    expect(fieldErrors(answers)).toEqual({
      i_rota: ["この項目は必須です。"],
      i_emergency_center: ["この項目は必須です。"],
      ro_backup_partners: ["この項目は必須です。"],
      ni_opinion: ["この項目は必須です。"],
      ni_care_conference: ["この項目は必須です。"],
    });
  });

  it.each<[string, TAnswers, string, string]>([
    [
      "nine partner institutions",
      { ro_backup_partners: Array.from({ length: 9 }, (_, i) => ({ name: `デモ病院${i + 1}（架空）` })) },
      "ro_backup_partners",
      "連携医療機関は最大8件までです。",
    ],
    [
      "常勤換算 to two decimals",
      { f1_gp_specialist_fte: 1.25 },
      "f1_gp_specialist_fte",
      "小数点以下1桁までで入力してください。",
    ],
    ["a guessed official-looking code on a provisional item", { ha_system: "2" }, "ha_system", "選択肢にない値です。"],
    ["a disease code outside the list", { f1_diseases: ["d13"] }, "f1_diseases", "選択肢にない値です。"],
  ])("rejects %s", (_name, change, key, message) => {
    expect(fieldErrors({ ...COMPLETE, ...change })[key]).toEqual([message]);
  });
});
