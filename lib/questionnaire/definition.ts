// The questionnaire definition format: versioned data, validated with zod, shared by browser
// and server. Pure — no React, no Prisma (docs/decisions/0003-questionnaire-engine.md).
//
// A definition is sections → items. Item keys are stable across versions when the meaning is
// unchanged; they contain no dots (react-hook-form would read dots as nested paths).
import { z } from "zod";

export const ITEM_KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
const ZKey = z.string().regex(ITEM_KEY_PATTERN, { error: "キーは英小文字・数字・_ で指定してください" });

/**
 * Where an item comes from, for administrators: the manual page, guideline line or guidebook item
 * it follows, with the URL of the copy that was read. Respondents see `citation` instead.
 */
export const ZSourceRef = z.object({
  ref: z.string().min(1),
  url: z.url().optional(),
});

// ---- Conditions -------------------------------------------------------------------------------

export type TCondition =
  | { key: string; equals: string | number | boolean }
  | { key: string; in: string[] }
  | { key: string; includes: string }
  | { key: string; answered: true }
  | { key: string; gt: number }
  | { function: string; has: boolean }
  | { all: TCondition[] }
  | { any: TCondition[] }
  | { not: TCondition };

export const ZCondition: z.ZodType<TCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ key: ZKey, equals: z.union([z.string(), z.number(), z.boolean()]) }),
    z.strictObject({ key: ZKey, in: z.array(z.string()).min(1) }),
    z.strictObject({ key: ZKey, includes: z.string() }),
    z.strictObject({ key: ZKey, answered: z.literal(true) }),
    z.strictObject({ key: ZKey, gt: z.number() }),
    z.strictObject({ function: ZKey, has: z.boolean() }),
    z.strictObject({ all: z.array(ZCondition).min(1) }),
    z.strictObject({ any: z.array(ZCondition).min(1) }),
    z.strictObject({ not: ZCondition }),
  ]),
);

// ---- Options ----------------------------------------------------------------------------------

/**
 * What choosing an option means for the derived function status:
 * - "has": 実施している / 実績がある / 有り — the item is met.
 * - "intent": 無し(意向有り) — not met, but the institution wants to (the recruitable pool).
 * - "none": 無し(意向無し) and other non-qualifying answers.
 */
export const OPTION_STATUSES = ["has", "intent", "none"] as const;
export type TOptionStatus = (typeof OPTION_STATUSES)[number];

/** 自院 / 連携 / 自院及び連携, for answers that say how a function is secured. */
export const PROVISION_MODES = ["self", "partner", "both"] as const;
export type TProvisionMode = (typeof PROVISION_MODES)[number];

export const ZOption = z.strictObject({
  /** The manual's answer code, kept as a string ("0", "1", …). */
  code: z.string().min(1).max(40),
  label: z.string().min(1),
  status: z.enum(OPTION_STATUSES).optional(),
  mode: z.enum(PROVISION_MODES).optional(),
  /** A choice that cannot be combined with others in a multiple choice (e.g. 0:該当無し). */
  exclusive: z.boolean().optional(),
  /** Score contribution (0–1) for self-assessments: 実施している=1, 一部実施=0.5, … */
  score: z.number().min(0).max(1).optional(),
  /** This code (not the whole item) is unconfirmed in the manual; shown to administrators. */
  provisional: z.boolean().optional(),
});
export type TOption = z.infer<typeof ZOption>;

// ---- Items ------------------------------------------------------------------------------------

/**
 * The reference date or period of an item, from guideline p.19, named relative to the cycle's 年度
 * (FY): 体制 as of 1 January of FY+1, 実績 over calendar year FY, 診療報酬 (NDB) over FY−1
 * (April–March). The words shown (「令和9年1月1日時点」…) are computed for the cycle
 * (lib/questionnaire/respondent-view.ts), so one definition serves any year.
 */
export const REFERENCE_KINDS = ["asOfJanuary1", "calendarYear", "previousFiscalYear"] as const;
export type TReferenceKind = (typeof REFERENCE_KINDS)[number];

// Fields are either for respondents (label, help, citation, period/reference, the 暫定 mark when
// `showProvisionalMark`) or for administrators only (source, provisional, provisionalNote, section
// `adminNote`, definition `notice`). Respondent pages read a projection that drops the latter
// (respondentDefinition), so old published files keep parsing and still show nothing internal.
// New fields have no zod default: a published version's parsed form, and so its content hash,
// must not change when the format grows.

/** Self-assessment basis: ⚫ required by the 指針 / ◼ desirable (hub guidebook legend). */
export const BASES = ["required", "desirable"] as const;
export type TBasis = (typeof BASES)[number];

const ZItemBase = z.strictObject({
  key: ZKey,
  /** Official item number as printed, e.g. "(イ)1"; omitted where the manual's number is unknown. */
  officialNo: z.string().optional(),
  label: z.string().min(1),
  /** Help for the person filling in the form (a clinic clerk, hub staff): plain Japanese, no sources. */
  help: z.string().optional(),
  required: z.boolean().default(false),
  visibleWhen: ZCondition.optional(),
  /** Reference period as the manual states it, e.g. "前年1月1日〜12月31日" (older versions; prefer `reference`). */
  period: z.string().optional(),
  /** Reference date or period kind; shown in words computed from the cycle's 年度. */
  reference: z.enum(REFERENCE_KINDS).optional(),
  /** Pre-printed from NDB (NDBプレプリント項目): the prefecture imports the value; the respondent confirms or corrects it. */
  ndbPrefill: z.boolean().default(false),
  /** Administrators only: the exact source reference and URL. */
  source: ZSourceRef.optional(),
  /** Respondent-facing source: a document name and page, e.g. "報告マニュアル p.62". */
  citation: z.string().optional(),
  /** Not taken word-for-word from the manual (built from a heading or a reading); shown as such to administrators. */
  provisional: z.boolean().default(false),
  /** Administrators only: why the item is provisional. */
  provisionalNote: z.string().optional(),
  /** The administrator chose to show respondents a quiet 「暫定」 mark on this provisional item. */
  showProvisionalMark: z.boolean().optional(),
  /** Whether "前年度の回答を引用" copies this answer. Yearly actuals and NDB counts must not be copied. */
  copyForward: z.boolean().default(true),
  /** Which derived function this item feeds (see `functions`). */
  function: ZKey.optional(),
  /** A ★ item: the function it feeds (rule "allStarred") needs this item met. */
  star: z.boolean().default(false),
  /** Semantic tag so aggregations find an item across versions, e.g. "primaryCareAreas". */
  tag: z.string().optional(),
  /** Self-assessment scoring: the item's basis; its group is the section's `scoreGroup`. */
  basis: z.enum(BASES).optional(),
});

export const ZSingleChoiceItem = ZItemBase.extend({
  type: z.literal("single"),
  options: z.array(ZOption).min(2),
  /** Render as a drop-down instead of radio buttons (long lists). */
  display: z.enum(["radio", "select"]).default("radio"),
});

export const ZMultipleChoiceItem = ZItemBase.extend({
  type: z.literal("multi"),
  options: z.array(ZOption).min(2),
  minSelected: z.int().min(0).optional(),
  maxSelected: z.int().min(1).optional(),
});

export const ZYesNoItem = ZItemBase.extend({
  type: z.literal("yesno"),
  yesLabel: z.string().default("はい"),
  noLabel: z.string().default("いいえ"),
});

export const ZIntegerItem = ZItemBase.extend({
  type: z.literal("integer"),
  min: z.int().default(0),
  max: z.int().default(1_000_000_000),
  unit: z.string().optional(),
});

export const ZDecimalItem = ZItemBase.extend({
  type: z.literal("decimal"),
  decimals: z.int().min(1).max(4),
  min: z.number().default(0),
  max: z.number().default(1_000_000),
  unit: z.string().optional(),
});

export const TEXT_FORMATS = ["email", "tel", "postalCode"] as const;

export const ZTextItem = ZItemBase.extend({
  type: z.literal("text"),
  maxLength: z.int().min(1).max(20_000).default(1000),
  multiline: z.boolean().default(false),
  /** A checked format for contact fields. */
  format: z.enum(TEXT_FORMATS).optional(),
});

export const ZDateItem = ZItemBase.extend({
  type: z.literal("date"),
});

/** Up to `max` partner institutions, picked from the roster (code) or typed by name. */
export const ZPartnersItem = ZItemBase.extend({
  type: z.literal("partners"),
  max: z.int().min(1).max(50),
});

/** A field of a repeating group: any scalar item type. */
export const ZGroupField = z.discriminatedUnion("type", [
  ZSingleChoiceItem,
  ZYesNoItem,
  ZIntegerItem,
  ZDecimalItem,
  ZTextItem,
  ZDateItem,
]);
export type TGroupField = z.infer<typeof ZGroupField>;

/** A repeating group of rows (e.g. the PDCA block 課題 → 対応策 → 指標 → …). */
export const ZGroupItem = ZItemBase.extend({
  type: z.literal("group"),
  fields: z.array(ZGroupField).min(1),
  minRows: z.int().min(0).default(0),
  maxRows: z.int().min(1).max(100).default(20),
  /** Label of one row, e.g. "課題". */
  rowLabel: z.string().default("行"),
});

export const ZItem = z.discriminatedUnion("type", [
  ZSingleChoiceItem,
  ZMultipleChoiceItem,
  ZYesNoItem,
  ZIntegerItem,
  ZDecimalItem,
  ZTextItem,
  ZDateItem,
  ZPartnersItem,
  ZGroupItem,
]);

export type TItem = z.infer<typeof ZItem>;
export type TItemType = TItem["type"];
export type TItemOf<T extends TItemType> = Extract<TItem, { type: T }>;

// ---- Sections, functions, definition ------------------------------------------------------------

export const ZSection = z.strictObject({
  key: ZKey,
  title: z.string().min(1),
  /** Shown to respondents above the section's items. */
  description: z.string().optional(),
  /** Administrators only: notes on the section's sources and open questions. */
  adminNote: z.string().optional(),
  visibleWhen: ZCondition.optional(),
  /** Self-assessment: the duty/area the section's items are scored under. */
  scoreGroup: z.string().optional(),
  items: z.array(ZItem).min(1),
});
export type TSection = z.infer<typeof ZSection>;

/**
 * A derived function status (e.g. 1号機能, 2号(イ)):
 * - "allStarred": 有り only when every ★ item feeding it is met (1号).
 * - "any": 有り when any item feeding it is met (each 2号 function).
 * `requires` gates it on another function (2号 only with 1号).
 */
export const ZFunction = z.strictObject({
  key: ZKey,
  label: z.string().min(1),
  shortLabel: z.string().min(1),
  rule: z.enum(["allStarred", "any"]),
  requires: ZKey.optional(),
  source: ZSourceRef.optional(),
});
export type TFunction = z.infer<typeof ZFunction>;

export const QUESTIONNAIRE_KINDS = ["CLINIC_REPORT", "HUB_SELF_ASSESSMENT"] as const;

export const ZQuestionnaireDefinition = z
  .strictObject({
    /** Format version of this JSON (not the content version). */
    schemaVersion: z.literal(1),
    kind: z.enum(QUESTIONNAIRE_KINDS),
    versionKey: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    fiscalYear: z.int().min(2020).max(2100),
    title: z.string().min(1),
    versionLabel: z.string().min(1),
    source: ZSourceRef.optional(),
    /** Administrators only: what the version is based on and what it leaves open. */
    notice: z.string().optional(),
    /** Shown to respondents at the top of the form (「この調査票について」). */
    respondentNotice: z.string().optional(),
    /**
     * The version answers are copied from, and how its keys map to ours (new key → old key);
     * `codeMap` maps renamed choice codes per item (new code → old code), e.g. the 告示's 40
     * diseases replacing the draft list.
     */
    previous: z
      .strictObject({
        versionKey: z.string(),
        keyMap: z.record(ZKey, ZKey).default({}),
        codeMap: z.record(ZKey, z.record(z.string(), z.string())).optional(),
      })
      .optional(),
    functions: z.array(ZFunction).default([]),
    sections: z.array(ZSection).min(1),
  })
  .superRefine(checkReferences);

export type TQuestionnaireDefinition = z.infer<typeof ZQuestionnaireDefinition>;
export type TQuestionnaireDefinitionInput = z.input<typeof ZQuestionnaireDefinition>;

// ---- Cross-reference checks -------------------------------------------------------------------

type TReferenceCheckInput = {
  functions: TFunction[];
  sections: TSection[];
  previous?: { versionKey: string; keyMap: Record<string, string>; codeMap?: Record<string, Record<string, string>> };
};

function checkReferences(def: TReferenceCheckInput, ctx: z.RefinementCtx) {
  const items = new Map<string, TItem>();
  const sectionKeys = new Set<string>();
  def.sections.forEach((section, s) => {
    if (sectionKeys.has(section.key)) {
      ctx.addIssue({
        code: "custom",
        path: ["sections", s, "key"],
        message: `セクションキー「${section.key}」が重複しています。`,
      });
    }
    sectionKeys.add(section.key);
    section.items.forEach((item, i) => {
      if (items.has(item.key)) {
        ctx.addIssue({
          code: "custom",
          path: ["sections", s, "items", i, "key"],
          message: `項目キー「${item.key}」が重複しています。`,
        });
      }
      items.set(item.key, item);
      if ("options" in item) {
        const codes = item.options.map((o) => o.code);
        if (new Set(codes).size !== codes.length) {
          ctx.addIssue({
            code: "custom",
            path: ["sections", s, "items", i, "options"],
            message: `項目「${item.key}」の選択肢コードが重複しています。`,
          });
        }
      }
      if (item.type === "group") {
        const fieldKeys = item.fields.map((f) => f.key);
        if (new Set(fieldKeys).size !== fieldKeys.length) {
          ctx.addIssue({
            code: "custom",
            path: ["sections", s, "items", i, "fields"],
            message: `項目「${item.key}」の列キーが重複しています。`,
          });
        }
      }
    });
  });

  const functionKeys = new Set(def.functions.map((f) => f.key));
  def.functions.forEach((fn, f) => {
    if (fn.requires && !functionKeys.has(fn.requires)) {
      ctx.addIssue({
        code: "custom",
        path: ["functions", f, "requires"],
        message: `機能「${fn.requires}」は定義されていません。`,
      });
    }
  });

  const checkCondition = (condition: TCondition, path: (string | number)[]) => {
    if ("all" in condition) return condition.all.forEach((c, i) => checkCondition(c, [...path, "all", i]));
    if ("any" in condition) return condition.any.forEach((c, i) => checkCondition(c, [...path, "any", i]));
    if ("not" in condition) return checkCondition(condition.not, [...path, "not"]);
    if ("function" in condition) {
      if (!functionKeys.has(condition.function)) {
        ctx.addIssue({ code: "custom", path, message: `条件の機能「${condition.function}」は定義されていません。` });
      }
      return;
    }
    if (!items.has(condition.key)) {
      ctx.addIssue({ code: "custom", path, message: `条件の項目「${condition.key}」は定義されていません。` });
    }
  };
  def.sections.forEach((section, s) => {
    if (section.visibleWhen) checkCondition(section.visibleWhen, ["sections", s, "visibleWhen"]);
    section.items.forEach((item, i) => {
      if (item.visibleWhen) checkCondition(item.visibleWhen, ["sections", s, "items", i, "visibleWhen"]);
      if (item.function && !functionKeys.has(item.function)) {
        ctx.addIssue({
          code: "custom",
          path: ["sections", s, "items", i, "function"],
          message: `機能「${item.function}」は定義されていません。`,
        });
      }
    });
  });

  for (const [newKey] of Object.entries(def.previous?.keyMap ?? {})) {
    if (!items.has(newKey)) {
      ctx.addIssue({
        code: "custom",
        path: ["previous", "keyMap", newKey],
        message: `対応表の項目「${newKey}」はこの版にありません。`,
      });
    }
  }
  for (const [key, codes] of Object.entries(def.previous?.codeMap ?? {})) {
    const item = items.get(key);
    const known = item && "options" in item ? new Set(item.options.map((o) => o.code)) : null;
    const unknown = known ? Object.keys(codes).filter((code) => !known.has(code)) : [];
    if (!known || unknown.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["previous", "codeMap", key],
        message: known
          ? `選択肢の対応表のコード「${unknown.join("、")}」は項目「${key}」にありません。`
          : `選択肢の対応表の項目「${key}」はこの版の選択式の項目ではありません。`,
      });
    }
  }
}

// ---- Helpers ----------------------------------------------------------------------------------

export function allItems(def: Pick<TQuestionnaireDefinition, "sections">): TItem[] {
  return def.sections.flatMap((s) => s.items);
}

export function itemIndex(def: Pick<TQuestionnaireDefinition, "sections">): Map<string, TItem> {
  return new Map(allItems(def).map((item) => [item.key, item]));
}

export function findItemByTag(def: Pick<TQuestionnaireDefinition, "sections">, tag: string): TItem | undefined {
  return allItems(def).find((item) => item.tag === tag);
}

/** Parses a definition and returns Japanese, path-annotated messages when it is invalid. */
export function parseDefinition(
  raw: unknown,
): { ok: true; definition: TQuestionnaireDefinition } | { ok: false; errors: string[] } {
  const result = ZQuestionnaireDefinition.safeParse(raw);
  if (result.success) return { ok: true, definition: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => `${issue.path.join(".") || "(定義全体)"}: ${issue.message}`),
  };
}
