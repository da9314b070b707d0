// What the clinic-report aggregation reads, named by function key and item tag — never by item
// key — so reports answered on different definition versions (R6 demo, R7, a corrected R7 v2)
// are counted together and compared year over year. Adding a tag here adds it to the counters;
// stored counters then need a recount (bump CLINIC_COUNTERS_FORMAT when the layout changes).

/** The 1号 function: the denominator of every "over 1号" rate. */
export const PRIMARY_FUNCTION_KEY = "f1";

/** The four 2号 functions, in the official order (イ)(ロ)(ハ)(ニ). */
export const SECONDARY_FUNCTION_KEYS = ["f2i", "f2ro", "f2ha", "f2ni"] as const;

/** Fallback labels for functions a definition does not name (the definitions' own labels win). */
export const FUNCTION_FALLBACK_LABELS: Record<string, { label: string; shortLabel: string }> = {
  f1: { label: "1号機能（日常的な診療を総合的かつ継続的に行う機能）", shortLabel: "1号" },
  f2i: { label: "2号機能(イ) 通常の診療時間外の診療", shortLabel: "イ 時間外" },
  f2ro: { label: "2号機能(ロ) 入退院時の支援", shortLabel: "ロ 入退院" },
  f2ha: { label: "2号機能(ハ) 在宅医療の提供", shortLabel: "ハ 在宅" },
  f2ni: { label: "2号機能(ニ) 介護サービス等と連携した医療提供", shortLabel: "ニ 介護連携" },
};

/** The multiple choice of the 17 areas (1号6). Code "0" is 該当無し. */
export const PRIMARY_CARE_AREAS_TAG = "primaryCareAreas";

/**
 * The 17 areas of 1号6 with the manual's codes. Definitions carry the same codes and labels (a
 * test checks the R6 and R7 files); this copy lets the indicator catalogue be used without
 * loading a definition (PDF packets, client components).
 */
export const PRIMARY_CARE_AREAS = [
  { code: "1", label: "皮膚・形成外科領域" },
  { code: "2", label: "神経・脳血管領域" },
  { code: "3", label: "精神科・神経科領域" },
  { code: "4", label: "眼領域" },
  { code: "5", label: "耳鼻咽喉領域" },
  { code: "6", label: "呼吸器領域" },
  { code: "7", label: "消化器系領域" },
  { code: "8", label: "肝・胆道・膵臓領域" },
  { code: "9", label: "循環器系領域" },
  { code: "10", label: "腎・泌尿器系領域" },
  { code: "11", label: "産科領域" },
  { code: "12", label: "婦人科領域" },
  { code: "13", label: "乳腺領域" },
  { code: "14", label: "内分泌・代謝・栄養領域" },
  { code: "15", label: "血液・免疫系領域" },
  { code: "16", label: "筋・骨格系及び外傷領域" },
  { code: "17", label: "小児領域" },
] as const;

export type TChoiceTagSpec = {
  tag: string;
  /** Short Japanese label for tables and charts (the item's own label is often a sentence). */
  label: string;
  /** A frequency-band item ((イ)1, (イ)2: 無し / 有り(月1回未満) … 有り(月10回以上)). */
  band: boolean;
};

/**
 * Single-choice and yes/no items counted per answer code. A yes/no counts as codes "yes"/"no".
 * Each option's status (has / intent / none) is read from the report's own definition.
 */
export const CHOICE_TAGS: readonly TChoiceTagSpec[] = [
  { tag: "onCallRota", label: "在宅当番医制への参加", band: true },
  { tag: "emergencyCenter", label: "休日夜間急患センター等への参加", band: true },
  { tag: "afterHoursSystem", label: "時間外の診療体制の確保", band: false },
  { tag: "backupBeds", label: "後方支援病床の確保", band: false },
  { tag: "dischargeRule", label: "地域の退院ルール等への参加", band: false },
  { tag: "homeCareSystem", label: "在宅医療の提供体制の確保", band: false },
  { tag: "physicianOpinion", label: "主治医意見書の作成", band: false },
  { tag: "careConference", label: "サービス担当者会議等への参加", band: false },
  { tag: "trainingCompleted", label: "かかりつけ医機能に関する研修の修了者", band: false },
  { tag: "gpSpecialist", label: "総合診療専門医", band: false },
];

export type TCountTagSpec = { tag: string; label: string };

/**
 * Integer items (算定回数) counted as 0 / > 0 plus their sum: "institutions that do X" is the
 * structure indicator of the hub guidebook's 表6 (S6 訪問診療, S22 往診, S25 在宅看取り).
 */
export const COUNT_TAGS: readonly TCountTagSpec[] = [
  { tag: "homeVisitCount", label: "訪問診療" },
  { tag: "urgentVisitCount", label: "往診" },
  { tag: "homeEndOfLifeCount", label: "在宅看取り" },
  { tag: "nursingInstructionCount", label: "訪問看護指示" },
  { tag: "dischargeSupportFeeCount", label: "入退院支援加算" },
];
