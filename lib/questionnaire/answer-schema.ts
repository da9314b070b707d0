// Answer validation built from a definition: the same code runs in the browser (react-hook-form
// resolver) and on the server (every save and submit), so they can never disagree.
//
// - "draft": lenient — any subset of items, each well-typed (codes that exist, integers, decimal
//   places, lengths); unknown keys are refused.
// - "submit": complete — additionally every visible required item is answered, exclusive choices
//   stand alone, repeating groups have their minimum rows and required cells.
import { z } from "zod";
import type { TGroupField, TItem, TQuestionnaireDefinition } from "./definition";
import { allItems } from "./definition";
import { isEmptyAnswer, type TAnswers } from "./answers";
import { evaluateAnswers } from "./derive";
import { parseInstitutionCode } from "@/lib/domain/codes";
import { FORBIDDEN_CHARACTERS_MESSAGE, hasForbiddenCharacters } from "@/lib/domain/text";

export type TValidationMode = "draft" | "submit";

export const MESSAGES = {
  required: "この項目は必須です。",
  choice: "選択肢にない値です。",
  number: "数値で入力してください。",
  integer: "整数で入力してください。",
  decimals: (d: number) => `小数点以下${d}桁までで入力してください。`,
  range: (min: number, max: number, unit = "") =>
    `${min.toLocaleString("ja-JP")}${unit}以上${max.toLocaleString("ja-JP")}${unit}以下で入力してください。`,
  text: "文字で入力してください。",
  email: "メールアドレスの形式が正しくありません。",
  tel: "電話番号は数字とハイフンで入力してください（例: 0776-12-3456）。",
  postalCode: "郵便番号は7桁の数字で入力してください（例: 910-0001）。",
  maxLength: (n: number) => `${n.toLocaleString("ja-JP")}文字以内で入力してください。`,
  yesno: "「はい」か「いいえ」を選んでください。",
  date: "日付を YYYY-MM-DD の形で入力してください。",
  list: "選択肢を選んでください。",
  exclusive: (label: string) => `「${label}」と他の選択肢は同時に選べません。`,
  minSelected: (n: number) => `${n}つ以上選んでください。`,
  maxSelected: (n: number) => `${n}つまで選べます。`,
  partnersMax: (n: number) => `連携医療機関は最大${n}件までです。`,
  partnerName: "医療機関名を入力してください。",
  partnerDuplicate: "同じ医療機関が重複しています。",
  rowsMin: (n: number, label: string) => `${label}を${n}件以上入力してください。`,
  rowsMax: (n: number, label: string) => `${label}は${n}件までです。`,
  unknownKeys: (keys: string[]) => `定義にない項目が含まれています（${keys.join("、")}）。`,
} as const;

const MAX_PARTNER_NAME = 100;

function codeSchema(options: { code: string }[]) {
  const codes = options.map((o) => o.code);
  return z.string({ error: MESSAGES.choice }).refine((v) => codes.includes(v), { error: MESSAGES.choice });
}

function numberSchema(item: { min: number; max: number; unit?: string }, decimals: number) {
  const factor = 10 ** decimals;
  let schema = z.number({ error: MESSAGES.number }).refine(Number.isFinite, { error: MESSAGES.number });
  schema =
    decimals === 0
      ? schema.refine(Number.isInteger, { error: MESSAGES.integer })
      : schema.refine((v) => Math.abs(v * factor - Math.round(v * factor)) < 1e-6, {
          error: MESSAGES.decimals(decimals),
        });
  return schema.refine((v) => v >= item.min && v <= item.max, {
    error: MESSAGES.range(item.min, item.max, item.unit ?? ""),
  });
}

const TEXT_FORMAT_PATTERNS = {
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  tel: /^[0-9０-９+][0-9０-９\-‐－()（） ]{5,19}$/,
  postalCode: /^[0-9０-９]{3}[-‐－]?[0-9０-９]{4}$/,
} as const;

function textSchema(item: { maxLength: number; format?: keyof typeof TEXT_FORMAT_PATTERNS }) {
  // Length in characters as people count them (𠮷 is one), not UTF-16 units.
  const schema = z
    .string({ error: MESSAGES.text })
    .refine((v) => !hasForbiddenCharacters(v), { error: FORBIDDEN_CHARACTERS_MESSAGE, abort: true })
    .refine((v) => [...v].length <= item.maxLength, { error: MESSAGES.maxLength(item.maxLength) });
  const format = item.format;
  if (!format) return schema;
  // A blank value is "unanswered", checked by `required`, not a format error.
  return schema.refine((v) => v.trim() === "" || TEXT_FORMAT_PATTERNS[format].test(v.trim()), {
    error: MESSAGES[format],
  });
}

function scalarSchema(item: TGroupField | Exclude<TItem, { type: "multi" | "partners" | "group" }>) {
  switch (item.type) {
    case "single":
      return codeSchema(item.options);
    case "yesno":
      return z.boolean({ error: MESSAGES.yesno });
    case "integer":
      return numberSchema(item, 0);
    case "decimal":
      return numberSchema(item, item.decimals);
    case "text":
      return textSchema(item);
    case "date":
      return z
        .string({ error: MESSAGES.date })
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: MESSAGES.date })
        .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { error: MESSAGES.date });
  }
}

const ZPartner = z.strictObject({
  code: z
    .string()
    .optional()
    .refine((code) => code === undefined || code === "" || parseInstitutionCode(code).ok, {
      error: "医療機関コードが正しくありません。",
    }),
  name: z
    .string({ error: MESSAGES.partnerName })
    .trim()
    .min(1, { error: MESSAGES.partnerName })
    .max(MAX_PARTNER_NAME, { error: MESSAGES.maxLength(MAX_PARTNER_NAME) })
    .refine((v) => !hasForbiddenCharacters(v), { error: FORBIDDEN_CHARACTERS_MESSAGE }),
});

const unknownKeysError = (issue: z.core.$ZodRawIssue) =>
  issue.code === "unrecognized_keys" ? MESSAGES.unknownKeys(issue.keys) : "回答の形式が正しくありません。";

/** The schema of one item's answer (type-level checks; completeness is checked per mode). */
export function answerSchemaFor(item: TItem): z.ZodType {
  switch (item.type) {
    case "multi": {
      const codes = item.options.map((o) => o.code);
      return z
        .array(z.string(), { error: MESSAGES.list })
        .refine((values) => values.every((v) => codes.includes(v)), { error: MESSAGES.choice })
        .refine((values) => new Set(values).size === values.length, { error: MESSAGES.choice });
    }
    case "partners":
      return z
        .array(ZPartner, { error: MESSAGES.list })
        .max(item.max, { error: MESSAGES.partnersMax(item.max) })
        .refine(
          (partners) => {
            const keys = partners.map((p) => (p.code ? `c:${p.code}` : `n:${p.name.trim()}`));
            return new Set(keys).size === keys.length;
          },
          { error: MESSAGES.partnerDuplicate },
        );
    case "group": {
      const row = z.strictObject(
        Object.fromEntries(item.fields.map((field) => [field.key, scalarSchema(field).nullable().optional()])),
        { error: unknownKeysError },
      );
      return z
        .array(row, { error: MESSAGES.list })
        .max(item.maxRows, { error: MESSAGES.rowsMax(item.maxRows, item.rowLabel) });
    }
    default:
      return scalarSchema(item);
  }
}

// Building the schema of a 100-item definition costs more than validating with it, and the
// server validates every autosave: schemas are kept per definition object (published
// definitions are cached objects; see lib/data/questionnaires.ts).
const schemaCache = new WeakMap<object, Map<TValidationMode, ReturnType<typeof createAnswersSchema>>>();

/** The zod schema of a whole answer set for a mode. Issue paths are item keys. */
export function buildAnswersSchema(
  def: Pick<TQuestionnaireDefinition, "sections" | "functions">,
  mode: TValidationMode,
) {
  let byMode = schemaCache.get(def);
  if (!byMode) schemaCache.set(def, (byMode = new Map()));
  let schema = byMode.get(mode);
  if (!schema) byMode.set(mode, (schema = createAnswersSchema(def, mode)));
  return schema;
}

function createAnswersSchema(def: Pick<TQuestionnaireDefinition, "sections" | "functions">, mode: TValidationMode) {
  const items = allItems(def);
  const shape = Object.fromEntries(items.map((item) => [item.key, answerSchemaFor(item).nullable().optional()]));
  const base = z.strictObject(shape, { error: unknownKeysError });
  if (mode === "draft") return base;

  return base.superRefine((answers, ctx) => {
    const { visibility } = evaluateAnswers(def, answers as TAnswers);
    for (const item of items) {
      if (!visibility.items.has(item.key)) continue;
      const value = (answers as TAnswers)[item.key];
      if (item.required && isEmptyAnswer(value)) {
        ctx.addIssue({ code: "custom", path: [item.key], message: MESSAGES.required });
        continue;
      }
      if (item.type === "multi" && Array.isArray(value)) {
        const chosen = item.options.filter((o) => (value as string[]).includes(o.code));
        const exclusive = chosen.find((o) => o.exclusive);
        if (exclusive && chosen.length > 1) {
          ctx.addIssue({ code: "custom", path: [item.key], message: MESSAGES.exclusive(exclusive.label) });
        }
        if (item.minSelected !== undefined && chosen.length < item.minSelected) {
          ctx.addIssue({ code: "custom", path: [item.key], message: MESSAGES.minSelected(item.minSelected) });
        }
        if (item.maxSelected !== undefined && chosen.length > item.maxSelected) {
          ctx.addIssue({ code: "custom", path: [item.key], message: MESSAGES.maxSelected(item.maxSelected) });
        }
      }
      if (item.type === "group") {
        const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
        if (rows.length < item.minRows) {
          ctx.addIssue({ code: "custom", path: [item.key], message: MESSAGES.rowsMin(item.minRows, item.rowLabel) });
        }
        rows.forEach((row, r) => {
          for (const field of item.fields) {
            if (field.required && isEmptyAnswer(row[field.key])) {
              ctx.addIssue({ code: "custom", path: [item.key, r, field.key], message: MESSAGES.required });
            }
          }
        });
      }
    }
  });
}

export type TFieldErrors = Record<string, string[]>;

export type TValidationResult =
  { ok: true; answers: TAnswers } | { ok: false; fieldErrors: TFieldErrors; formErrors: string[] };

/** Validates and returns messages keyed by item key (group cells as "key.row.field"). */
export function validateAnswers(
  def: Pick<TQuestionnaireDefinition, "sections" | "functions">,
  answers: unknown,
  mode: TValidationMode,
): TValidationResult {
  if (typeof answers !== "object" || answers === null || Array.isArray(answers)) {
    return { ok: false, fieldErrors: {}, formErrors: ["回答の形式が正しくありません。"] };
  }
  const result = buildAnswersSchema(def, mode).safeParse(answers);
  if (result.success) return { ok: true, answers: result.data as TAnswers };
  const fieldErrors: TFieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of result.error.issues) {
    if (issue.path.length === 0) {
      formErrors.push(issue.message);
      continue;
    }
    const key = issue.path.map(String).join(".");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors, formErrors };
}
