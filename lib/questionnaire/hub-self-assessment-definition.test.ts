// The shipped hub self-assessment definitions (prisma/questionnaires/hub-self-assessment-*.json)
// checked against the guidebook digest (../shared/domain/hub-guidebook-digest.md): every scored
// item carries its basis (⚫/◼) and source, the five 指針 duties and the cross-cutting groups
// exist, the PDCA table carries the plan over but not last year's review, and a realistic hub
// can submit and gets the scores worked out by hand below.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  ITEM_KEY_PATTERN,
  allItems,
  itemIndex,
  parseDefinition,
  type TItem,
  type TQuestionnaireDefinition,
} from "./definition";
import { validateAnswers } from "./answer-schema";
import { computeHubScores, isScoreable, scoreGroups } from "./score";
import type { TAnswers } from "./answers";
import { HubOperatorType } from "@/lib/generated/prisma/enums";

function load(name: string): TQuestionnaireDefinition {
  const path = fileURLToPath(new URL(`../../prisma/questionnaires/${name}.json`, import.meta.url));
  const result = parseDefinition(JSON.parse(readFileSync(path, "utf8")));
  if (!result.ok) throw new Error(`${name} does not parse:\n${result.errors.join("\n")}`);
  return result.definition;
}

const r7 = load("hub-self-assessment-r7-v1");
const r6 = load("hub-self-assessment-r6-demo");
const r7Items = itemIndex(r7);
const r6Items = itemIndex(r6);

const get = (key: string): TItem => {
  const item = r7Items.get(key);
  if (!item) throw new Error(`no item ${key}`);
  return item;
};

const L4: [string, string, number | undefined, string | undefined][] = [
  ["3", "実施している", 1, "has"],
  ["2", "一部実施", 0.5, undefined],
  ["1", "検討中", 0, "intent"],
  ["0", "未実施", 0, "none"],
];

const GROUPS: [string, string][] = [
  ["duty1", "連携会議と現状把握・課題抽出"],
  ["duty2", "地域資源の把握と関係機関の調整"],
  ["duty3", "急変時・24時間体制と情報共有"],
  ["duty4", "研修"],
  ["duty5", "住民への普及啓発"],
  ["bcp", "災害時・BCP"],
  ["pediatric", "小児在宅"],
  ["acp", "看取り・ACP"],
];

const SECTION_PREFIX: Record<string, string> = {
  profile: "prof_",
  duty1: "d1_",
  duty2: "d2_",
  duty3: "d3_",
  duty4: "d4_",
  duty5: "d5_",
  bcp: "bcp_",
  pediatric: "ped_",
  acp: "acp_",
  pdca: "pdca_",
};

describe.each([
  ["R7", r7],
  ["R6 demo", r6],
])("%s definition", (_name, def) => {
  it("is a hub self-assessment without derived functions", () => {
    expect(def.kind).toBe("HUB_SELF_ASSESSMENT");
    expect(def.functions).toEqual([]);
    expect(def.source?.ref).toContain("在宅医療に必要な連携を担う拠点の整備・運用に関するガイドブック");
  });

  it("has 60–90 items", () => {
    expect(allItems(def).length).toBeGreaterThanOrEqual(60);
    expect(allItems(def).length).toBeLessThanOrEqual(90);
  });

  it("prefixes every key with its section and keeps keys dot-free", () => {
    for (const section of def.sections) {
      for (const item of section.items) {
        expect(item.key).toMatch(ITEM_KEY_PATTERN);
        expect(item.key.startsWith(SECTION_PREFIX[section.key]!), `${item.key} in ${section.key}`).toBe(true);
      }
    }
  });

  it("gives every item in a scored section a basis and a source, and no basis elsewhere", () => {
    for (const section of def.sections) {
      for (const item of section.items) {
        if (section.scoreGroup) {
          expect(item.basis, item.key).toBeDefined();
          expect(item.source?.ref, item.key).toMatch(/^ガイドブック L\d+.*（.+）$/);
        } else {
          expect(item.basis, item.key).toBeUndefined();
          expect(item.source?.ref, item.key).toMatch(/^ガイドブック L\d+/);
        }
      }
    }
  });

  it("has the five 指針 duties and the three cross-cutting groups, in order", () => {
    expect(scoreGroups(def).map((g) => [g.key, g.label])).toEqual(GROUPS);
  });

  it("uses the same practice scale (codes, labels, scores, statuses) on every scored choice", () => {
    const scored = allItems(def).filter((i) => i.type === "single" && isScoreable(i));
    expect(scored.length).toBeGreaterThan(20);
    for (const item of scored) {
      if (item.type !== "single") continue;
      expect(
        item.options.map((o) => [o.code, o.label, o.score, o.status]),
        item.key,
      ).toEqual(L4);
    }
  });

  it("makes every scored item required, so n counts only what a submitted answer must contain", () => {
    for (const item of allItems(def).filter((i) => i.basis && isScoreable(i))) {
      expect(item.required, item.key).toBe(true);
    }
  });

  it("never copies yearly actuals forward", () => {
    for (const item of allItems(def).filter((i) => i.period)) {
      expect(item.copyForward, item.key).toBe(false);
    }
    for (const item of allItems(def).filter((i) => i.type === "integer" && i.basis)) {
      expect(item.period, item.key).toBeDefined();
    }
  });

  it("explains every provisional item", () => {
    for (const item of allItems(def).filter((i) => i.provisional)) {
      expect(item.provisionalNote, item.key).toMatch(/.{10,}/);
    }
  });
});

describe("hub profile", () => {
  it("offers exactly the app's HubOperatorType values as 拠点の主体", () => {
    const item = get("prof_operator_type");
    expect(item.type).toBe("single");
    if (item.type !== "single") return;
    expect(item.options.map((o) => [o.code, o.label])).toEqual([
      ["MEDICAL_PROVIDER", "病院・診療所・訪問看護事業所"],
      ["MEDICAL_ASSOCIATION", "地域医師会"],
      ["HEALTH_CENTER", "保健所"],
      ["MUNICIPALITY", "市町村"],
      ["COMMUNITY_SUPPORT_CENTER", "地域包括支援センター"],
      ["CARE_COLLABORATION_OPERATOR", "在宅医療・介護連携推進事業の実施主体"],
      ["CONSORTIUM", "複数の機関で連携して拠点の機能を担う"],
    ]);
    expect(item.options.map((o) => o.code).sort()).toEqual(Object.values(HubOperatorType).sort());
  });

  it("asks for staff as a head count and 常勤換算", () => {
    expect(get("prof_staff_count")).toMatchObject({ type: "integer", unit: "人" });
    expect(get("prof_staff_fte")).toMatchObject({ type: "decimal", decimals: 1, unit: "人" });
  });
});

describe("PDCA table", () => {
  const item = get("pdca_plan");

  it("is a repeating group outside any score group", () => {
    expect(item.type).toBe("group");
    const section = r7.sections.find((s) => s.items.some((i) => i.key === "pdca_plan"))!;
    expect(section.scoreGroup).toBeUndefined();
  });

  it("carries the plan forward and starts 達成状況 and 振り返りメモ fresh each year", () => {
    if (item.type !== "group") throw new Error("not a group");
    expect(item.copyForward).toBe(true);
    expect(item.fields.map((f) => [f.key, f.label, f.type, f.copyForward])).toEqual([
      ["issue", "課題", "text", true],
      ["scope", "課題の区分", "single", true],
      ["measure", "対応策", "text", true],
      ["indicator", "指標", "text", true],
      ["baseline", "現状値", "text", true],
      ["target", "目標値", "text", true],
      ["due_date", "期限", "date", true],
      ["owner", "担当", "text", true],
      ["status", "達成状況", "single", false],
      ["review_note", "振り返りメモ", "text", false],
    ]);
    const status = item.fields.find((f) => f.key === "status");
    expect(status?.type === "single" ? status.options.map((o) => o.label) : []).toEqual([
      "達成",
      "一部達成",
      "未達成",
      "継続中",
    ]);
  });
});

describe("R7 → R6 demo", () => {
  it("points at the demo version", () => {
    expect(r7.previous?.versionKey).toBe(r6.versionKey);
    expect(r6.fiscalYear).toBe(r7.fiscalYear - 1);
    expect(r6.title).toContain("（デモ用試行版）");
    expect(r6.notice).toContain("架空");
    expect(r6.previous).toBeUndefined();
  });

  it("maps renamed keys to keys that exist in R6 (and not in R7)", () => {
    const keyMap = r7.previous?.keyMap ?? {};
    expect(Object.keys(keyMap).length).toBeGreaterThan(0);
    for (const [newKey, oldKey] of Object.entries(keyMap)) {
      expect(r7Items.has(newKey), newKey).toBe(true);
      expect(r6Items.has(oldKey), oldKey).toBe(true);
      expect(r7Items.has(oldKey), oldKey).toBe(false);
    }
  });

  it("is a subset of R7: every R6 key is an R7 key of the same type, directly or through the map", () => {
    const oldToNew = new Map(Object.entries(r7.previous?.keyMap ?? {}).map(([n, o]) => [o, n]));
    for (const [oldKey, oldItem] of r6Items) {
      const newItem = r7Items.get(oldToNew.get(oldKey) ?? oldKey);
      expect(newItem?.type, oldKey).toBe(oldItem.type);
    }
    const absent = [...r7Items.keys()].filter((k) => !r6Items.has(k) && !(k in (r7.previous?.keyMap ?? {})));
    expect(absent).toEqual(["d2_pharmacy", "ped_education", "acp_public"]);
  });
});

// A fictional hub run by a 郡市医師会 (架空のデモデータ), every visible item answered.
const COMPLETE: TAnswers = {
  prof_operator_type: "MEDICAL_ASSOCIATION",
  prof_zone_name: "丹南圏域（鯖江市、越前市、池田町、南越前町、越前町）",
  prof_care_project_relation: "2",
  prof_active_role: false,
  prof_funding: ["1", "3"],
  prof_staff_count: 3,
  prof_staff_fte: 1.8,
  prof_staff_professions: ["2", "3", "8"],

  d1_meeting_held: true, // R ✓
  d1_meeting_count: 3,
  d1_meeting_fields: true, // R ✓
  d1_meeting_members: ["01", "02", "03", "04", "05", "06", "07", "10", "12", "13", "15", "16", "19"],
  d1_fire_dept: false, // D ✗
  d1_zone_focus: true, // R ✓
  d1_agenda: false, // R ✗
  d1_pref_plan: true, // D ✓
  d1_indicator_fields: true, // R ✓
  d1_own_survey: true, // D ✓
  d1_issue_quant: "3", // R ✓
  d1_issue_qual: "2", // D ½
  d1_targets: "2", // R ½
  d1_measures: "1", // R ✗ (検討中)
  d1_logic_model: "0", // D ✗

  d2_resource_grasp: "3", // R ✓
  d2_resource_types: ["1", "2", "3", "4", "7"],
  d2_resource_shared: true, // R ✓
  d2_public_sources: true, // R ✓
  d2_published: "2", // R ½
  d2_houkatsu: "3", // R ✓
  d2_disability: "1", // R ✗
  d2_coordination: "2", // R ½
  d2_conference: "2", // D ½
  d2_pharmacy: "0", // D ✗

  d3_24h_system: "2", // R ½
  d3_24h_gaps: true, // D ✓
  d3_backup_beds: "3", // R ✓
  d3_fire: "1", // R ✗
  d3_emergency_rules: "0", // R ✗
  d3_horizontal: "3", // D ✓
  d3_vertical: "2", // D ½
  d3_info_method: "2", // R ½
  d3_discharge_sharing: "3", // R ✓
  d3_discharge_rules: "3", // D ✓
  d3_ict: false, // D ✗

  d4_training_held: true, // R ✓
  d4_training_count: 4,
  d4_training_participants: 186,
  d4_training_fields: ["1", "3", "4"],
  d4_theme_from_issues: true, // R ✓
  d4_target_specific: false, // R ✗
  d4_other_hubs: true, // R ✓
  d4_no_overlap: true, // R ✓
  d4_sustainability: false, // R ✗
  d4_info_sharing: "3", // R ✓
  d4_materials: true, // R ✓
  d4_newsletter: true, // D ✓

  d5_awareness_held: true, // R ✓
  d5_awareness_count: 2,
  d5_media: ["2", "4", "6"],
  d5_potential_users: false, // D ✗
  d5_contents: ["1", "4"],
  d5_integrated: "2", // D ½
  d5_prior_check: true, // D ✓
  d5_partners: true, // D ✓

  bcp_peacetime: "2", // R ½
  bcp_meeting_agenda: true, // R ✓
  bcp_plan: "1", // D ✗
  bcp_institution_status: false, // D ✗
  bcp_drill: false, // D ✗
  bcp_ventilator: "2", // D ½
  bcp_local_hazards: true, // D ✓

  ped_target: true, // R ✓
  ped_resources: "2", // D ½
  ped_transition: "0", // D ✗
  ped_day_services: "1", // D ✗
  ped_education: "0", // D ✗
  ped_mcc_center: true, // D ✓

  acp_mitori: "3", // R ✓
  acp_decision_support: "2", // R ½
  acp_terminal_care: true, // D ✓
  acp_terminal_supply: "1", // D ✗
  acp_training: true, // D ✓
  acp_public: "2", // D ½

  pdca_plan: [
    {
      issue: "入退院支援ルールが一部の病院でしか使われていない",
      scope: "1",
      measure: "ルールを見直し、病院の退院支援担当者向けの説明会を開く",
      indicator: "ルールを導入している病院数",
      baseline: "3病院",
      target: "8病院",
      due_date: "2026-03-31",
      owner: "拠点・病院連携WG",
      status: "ongoing",
      review_note: "説明会を1回開催。2病院が導入を検討中。",
    },
    {
      issue: "夜間の往診体制が構築できていない地区がある",
      scope: "3",
      measure: "県・隣接圏域と夜間輪番制の広域化を協議する",
      indicator: "24時間対応ができない地区の数",
      baseline: "2地区",
      target: "0地区",
      due_date: "2027-03-31",
      owner: "拠点（県と協議）",
    },
  ],
};

describe("a realistic complete answer set", () => {
  it("passes submit validation", () => {
    expect(validateAnswers(r7, COMPLETE, "submit")).toEqual({ ok: true, answers: COMPLETE });
  });

  it.each<[string, TAnswers, string]>([
    ["a count behind a yes", { ...COMPLETE, d1_meeting_count: undefined }, "d1_meeting_count"],
    ["a scored item", { ...COMPLETE, d3_fire: undefined }, "d3_fire"],
    ["the PDCA table", { ...COMPLETE, pdca_plan: [] }, "pdca_plan"],
    ["対応策 in a PDCA row", { ...COMPLETE, pdca_plan: [{ issue: "課題のみ" }] }, "pdca_plan.0.measure"],
    ["the roles of a consortium", { ...COMPLETE, prof_operator_type: "CONSORTIUM" }, "prof_consortium_roles"],
  ])("fails without %s", (_name, answers, key) => {
    const result = validateAnswers(r7, answers, "submit");
    expect(result.ok ? [] : Object.keys(result.fieldErrors)).toEqual([key]);
  });

  it("does not ask for training details when no training was held", () => {
    const {
      d4_training_count,
      d4_training_participants,
      d4_training_fields,
      d4_theme_from_issues,
      d4_target_specific,
      ...rest
    } = COMPLETE;
    void [d4_training_count, d4_training_participants, d4_training_fields, d4_theme_from_issues, d4_target_specific];
    expect(validateAnswers(r7, { ...rest, d4_training_held: false }, "submit").ok).toBe(true);
  });

  it("scores as counted by hand", () => {
    const scores = computeHubScores(r7, COMPLETE);
    expect(scores.groups.map((g) => [g.key, g.required, g.desirable])).toEqual([
      ["duty1", { n: 8, met: 5, partial: 1 }, { n: 5, adopted: 2, partial: 1 }],
      ["duty2", { n: 7, met: 4, partial: 2 }, { n: 2, adopted: 0, partial: 1 }],
      ["duty3", { n: 6, met: 2, partial: 2 }, { n: 5, adopted: 3, partial: 1 }],
      ["duty4", { n: 8, met: 6, partial: 0 }, { n: 1, adopted: 1, partial: 0 }],
      ["duty5", { n: 1, met: 1, partial: 0 }, { n: 4, adopted: 2, partial: 1 }],
      ["bcp", { n: 2, met: 1, partial: 1 }, { n: 5, adopted: 1, partial: 1 }],
      ["pediatric", { n: 1, met: 1, partial: 0 }, { n: 5, adopted: 1, partial: 1 }],
      ["acp", { n: 2, met: 1, partial: 1 }, { n: 4, adopted: 2, partial: 1 }],
    ]);
    expect(scores.total).toEqual({
      required: { n: 35, met: 21, partial: 7 },
      desirable: { n: 31, adopted: 12, partial: 7 },
    });
  });

  it("drops the hidden training follow-ups from n when no training was held", () => {
    const duty4 = computeHubScores(r7, { ...COMPLETE, d4_training_held: false }).groups.find((g) => g.key === "duty4")!;
    // held ✗ counts; theme and target are hidden; the other five stay.
    expect(duty4.required).toEqual({ n: 6, met: 4, partial: 0 });
  });
});
