// Tables the prefecture exports. Pure: rows in, a table out (lib/export/table-file writes it).
//
// The submissions export is shaped like the paper-report import (lib/import/paper.ts): 医療機関コード,
// 医療機関名 and one "key:label" column per item, so a file exported here can be corrected and
// imported again. The columns that only inform (市区町村, derived function status, status,
// revision…) are named here and removed before such a file is read back (readBackExport).
import {
  answerToCell,
  PAPER_CODE_HEADER,
  PAPER_NAME_HEADER,
  paperItemHeader,
  paperSubmissionItems,
  type TPaperItem,
} from "@/lib/import/paper";
import { neutralizeFormula, normalizeHeader } from "@/lib/import/table";
import type { TRawRow } from "@/lib/import/csv";
import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import type { TAnswers, TAnswerValue } from "@/lib/questionnaire/answers";
import type { TFunctionStatus } from "@/lib/questionnaire/derive";
import { PROVISION_MODE_LABELS } from "@/lib/questionnaire/input";
import type { TStoredDerived } from "@/lib/questionnaire/snapshot";
import { formatAnswer } from "@/lib/questionnaire/format";
import type { TTable } from "@/lib/export/table-file";
import { dateTimeCell, type TCell } from "@/lib/export/cells";
import { RESPONSE_STATUS_LABELS, type TResponseStatus } from "@/lib/aggregation/status";

export const MUNICIPALITY_CODE_HEADER = "市区町村コード";
export const MUNICIPALITY_NAME_HEADER = "市区町村名";
export const STATUS_HEADER = "提出状況";
export const REVISION_HEADER = "版";
export const CHANNEL_HEADER = "提出方法";
export const SUBMITTED_AT_HEADER = "提出日時";
export const FUNCTION_HEADER_PREFIX = "機能:";
/** Beside each coded answer (p4, 7;9, d01;d06): the same answer in words, read by people only. */
export const ANSWER_LABEL_SUFFIX = "（回答の内容）";

const EXPORT_ONLY = new Set(
  [
    MUNICIPALITY_CODE_HEADER,
    MUNICIPALITY_NAME_HEADER,
    STATUS_HEADER,
    REVISION_HEADER,
    CHANNEL_HEADER,
    SUBMITTED_AT_HEADER,
  ].map(normalizeHeader),
);
const FUNCTION_PREFIX = normalizeHeader(FUNCTION_HEADER_PREFIX);
const LABEL_SUFFIX = normalizeHeader(ANSWER_LABEL_SUFFIX);

export function isExportOnlyHeader(header: string): boolean {
  const h = normalizeHeader(header);
  return EXPORT_ONLY.has(h) || h.startsWith(FUNCTION_PREFIX) || h.endsWith(LABEL_SUFFIX);
}

/**
 * Prepares a table read back from a submissions export for the paper-report importer: removes
 * the informational columns, and leaves out rows that carry no answer at all (respondents that
 * had not submitted when the file was exported), returning their line numbers. Anything else (a
 * stray 備考 column) stays and is reported by the importer as usual.
 */
export function readBackExport(rows: readonly TRawRow[]): { rows: TRawRow[]; emptyLines: number[] } {
  const headerIndex = rows.findIndex((row) => row.cells.some((cell) => cell.trim() !== ""));
  const header = rows[headerIndex];
  if (!header) return { rows: [...rows], emptyLines: [] };
  const drop = new Set(header.cells.flatMap((cell, i) => (isExportOnlyHeader(cell) ? [i] : [])));
  const kept = header.cells.map((_, i) => i).filter((i) => !drop.has(i));
  const identity = new Set(kept.filter((i) => IDENTITY.has(normalizeHeader(header.cells[i] ?? ""))));
  const emptyLines: number[] = [];
  const out: TRawRow[] = [];
  rows.forEach((row, r) => {
    const cells = kept.map((i) => row.cells[i] ?? "");
    const blank = cells.every((cell) => cell.trim() === "");
    const answered = kept.some((i) => !identity.has(i) && (row.cells[i] ?? "").trim() !== "");
    if (r > headerIndex && !blank && !answered && identity.size > 0) {
      emptyLines.push(row.line);
      return;
    }
    out.push(r < headerIndex ? row : { ...row, cells });
  });
  return { rows: out, emptyLines };
}

const IDENTITY = new Set(
  ["医療機関コード", "医療機関cd", "機関コード", "医療機関名", "名称", "医療機関名称"].map(normalizeHeader),
);

/** 有り（自院） / 無し（意向有り） / 無し. */
export function functionStatusLabel(status: TFunctionStatus | null | undefined): string {
  if (!status) return "";
  if (status.has) return status.mode ? `有り（${PROVISION_MODE_LABELS[status.mode]}）` : "有り";
  return status.intent ? "無し（意向有り）" : "無し";
}

export const CHANNEL_LABELS: Record<string, string> = { WEB: "Web", PAPER: "紙", IMPORT: "一括取込" };

export type TExportRespondent = {
  code: string | null;
  name: string;
  municipalityCode: string | null;
  municipalityName: string | null;
  status: TResponseStatus;
  revision: number;
  channel: string | null;
  submittedAt: Date | null;
  /** The latest submitted revision (empty when nothing was submitted). */
  answers: TAnswers;
  derived: TStoredDerived | null;
};

/** Items answered with codes: their column gets a neighbour holding the answer in words. */
const isCoded = (item: TPaperItem) => item.type === "single" || item.type === "multi";

/**
 * One answer as a typed cell: numbers as numbers (numeric cells in .xlsx), everything else as
 * the text the paper import reads back (codes, "7;9", "code:name|…"), formula-neutralised.
 */
function answerCell(item: TPaperItem, value: TAnswerValue): TCell {
  if ((item.type === "integer" || item.type === "decimal") && typeof value === "number") return value;
  return neutralizeFormula(answerToCell(item, value));
}

function answerLabelCell(item: TPaperItem, value: TAnswerValue): TCell {
  const cell = answerToCell(item, value);
  return cell === "" ? "" : neutralizeFormula(formatAnswer(item, value));
}

/** Column headers and cells for every item: "key:label", and "key:label（回答の内容）" after coded ones. */
function itemColumns(definition: Pick<TQuestionnaireDefinition, "sections">) {
  const items = paperSubmissionItems(definition);
  return {
    header: items.flatMap((item) =>
      isCoded(item)
        ? [paperItemHeader(item), `${paperItemHeader(item)}${ANSWER_LABEL_SUFFIX}`]
        : [paperItemHeader(item)],
    ),
    cells: (answers: TAnswers): TCell[] =>
      items.flatMap((item) =>
        isCoded(item)
          ? [answerCell(item, answers[item.key]), answerLabelCell(item, answers[item.key])]
          : [answerCell(item, answers[item.key])],
      ),
  };
}

/**
 * One row per respondent: codes, name, municipality, every item (coded answers with their words
 * beside them), derived status, status, revision. Re-importable: readBackExport drops what only
 * informs.
 */
export function submissionsExportTable(
  definition: Pick<TQuestionnaireDefinition, "sections" | "functions">,
  respondents: readonly TExportRespondent[],
  respondentType: "institution" | "hub",
): TTable {
  const functions = definition.functions;
  const tail = (r: TExportRespondent): TCell[] => [
    ...functions.map((fn) => functionStatusLabel(r.derived?.functions[fn.key])),
    RESPONSE_STATUS_LABELS[r.status],
    r.revision > 0 ? r.revision : null,
    r.channel ? (CHANNEL_LABELS[r.channel] ?? r.channel) : "",
    dateTimeCell(r.submittedAt),
  ];
  const tailHeader = [
    ...functions.map((fn) => `${FUNCTION_HEADER_PREFIX}${fn.label}`),
    STATUS_HEADER,
    REVISION_HEADER,
    CHANNEL_HEADER,
    SUBMITTED_AT_HEADER,
  ];
  const items = itemColumns(definition);

  if (respondentType === "hub") {
    return {
      header: ["拠点名", "圏域", ...items.header, ...tailHeader],
      rows: respondents.map((r) => [
        neutralizeFormula(r.name),
        r.municipalityName ?? "",
        ...items.cells(r.answers),
        ...tail(r),
      ]),
    };
  }
  return {
    header: [
      PAPER_CODE_HEADER,
      PAPER_NAME_HEADER,
      MUNICIPALITY_CODE_HEADER,
      MUNICIPALITY_NAME_HEADER,
      ...items.header,
      ...tailHeader,
    ],
    rows: respondents.map((r) => [
      r.code ?? "",
      neutralizeFormula(r.name),
      r.municipalityCode ?? "",
      r.municipalityName ?? "",
      ...items.cells(r.answers),
      ...tail(r),
    ]),
  };
}

/** The code sheet of an export: every coded item's codes and what they mean. */
export function answerCodeTable(definition: Pick<TQuestionnaireDefinition, "sections">): TTable {
  return {
    header: ["項目キー", "項目", "コード", "選択肢"],
    rows: paperSubmissionItems(definition).flatMap((item) =>
      item.type === "single" || item.type === "multi"
        ? item.options.map((o) => [item.key, item.label, o.code, o.label])
        : [],
    ),
  };
}

export type TNotSubmittedRow = {
  code: string | null;
  name: string;
  kindLabel: string;
  municipalityName: string | null;
  zoneName: string | null;
  phone: string | null;
  contactEmail: string | null;
  status: TResponseStatus;
  lastSavedAt: Date | null;
  reopenedUntil: Date | null;
};

/** 未提出一覧 for reminder calls. */
export function notSubmittedTable(rows: readonly TNotSubmittedRow[], respondentType: "institution" | "hub"): TTable {
  return {
    header: [
      respondentType === "institution" ? "医療機関コード" : "拠点",
      "名称",
      "種別",
      respondentType === "institution" ? "市区町村" : "圏域",
      "電話",
      "担当者メール",
      "状況",
      "最終保存日時",
      "期限後の入力許可",
    ],
    rows: rows.map((r) => [
      r.code ?? "",
      r.name,
      r.kindLabel,
      (respondentType === "institution" ? r.municipalityName : r.zoneName) ?? "",
      r.phone ?? "",
      r.contactEmail ?? "",
      RESPONSE_STATUS_LABELS[r.status],
      dateTimeCell(r.lastSavedAt),
      dateTimeCell(r.reopenedUntil),
    ]),
  };
}
