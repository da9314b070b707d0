// The institution list of a zone: rows with each function's state in words, filtered and sorted
// on the client without another request.
import { INSTITUTION_KIND_LABELS } from "@/lib/aggregation";
import { INSTITUTION_STATUS_LABELS, institutionFunctionText, type TInstitutionFunctionState } from "./texts";
import type { TInstitutionStatusRow } from "./types";

export { INSTITUTION_STATUS_LABELS, type TInstitutionFunctionState };

type TAnswer = TInstitutionStatusRow["functions"][string];

/**
 * What the browser receives for the list (issue 18: a zone of 2,000 institutions): a row with
 * one short answer code per function, in the order of the list's columns — "" before a report,
 * "none", "intent", "has" or "has:<mode>" — instead of the bundle's flags object per function.
 */
export type TInstitutionListItem = Pick<
  TInstitutionStatusRow,
  "id" | "code" | "name" | "kind" | "municipality" | "status"
> & {
  answers: string[];
};

function answerCode(answer: TAnswer | undefined): string {
  if (!answer) return "";
  if (answer.has) return answer.mode ? `has:${answer.mode}` : "has";
  return answer.intent ? "intent" : "none";
}

function answerOf(code: string | undefined): TAnswer | undefined {
  if (!code) return undefined;
  const [state, mode] = code.split(":");
  return { has: state === "has", intent: state === "intent", mode: mode ?? null };
}

export function institutionListItems(
  rows: readonly TInstitutionStatusRow[],
  functions: readonly { key: string }[],
): TInstitutionListItem[] {
  return rows.map(({ id, code, name, kind, municipality, status, functions: answers }) => ({
    id,
    code,
    name,
    kind,
    municipality,
    status,
    answers: functions.map((f) => answerCode(answers[f.key])),
  }));
}

export type TInstitutionListRow = {
  id: string;
  code: string;
  name: string;
  kind: "HOSPITAL" | "CLINIC";
  kindLabel: string;
  municipality: string;
  status: TInstitutionStatusRow["status"];
  statusLabel: string;
  /** Per function, in the order given: state and its text ("有り（自院）", "無し（意向有り）", "—"). */
  functions: { key: string; state: TInstitutionFunctionState; text: string }[];
};

/** The list's rows, worded, from the items the browser received (columns in the order of `functions`). */
export function institutionListRows(
  rows: readonly TInstitutionListItem[],
  functions: readonly { key: string }[],
): TInstitutionListRow[] {
  return rows.map(({ answers, ...item }) => ({
    ...item,
    kindLabel: INSTITUTION_KIND_LABELS[item.kind],
    statusLabel: INSTITUTION_STATUS_LABELS[item.status],
    functions: functions.map((f, i) => ({ key: f.key, ...institutionFunctionText(answerOf(answers[i])) })),
  }));
}

export type TInstitutionFilter = {
  /** Part of the name, code or municipality. */
  q?: string;
  kind?: "HOSPITAL" | "CLINIC" | "";
  status?: TInstitutionStatusRow["status"] | "";
  /** A function key and the state wanted. */
  fn?: string;
  fnState?: TInstitutionFunctionState | "";
};

export function filterInstitutions(
  rows: readonly TInstitutionListRow[],
  filter: TInstitutionFilter,
): TInstitutionListRow[] {
  const q = filter.q?.trim().toLowerCase() ?? "";
  return rows.filter((r) => {
    if (q && !`${r.name} ${r.code} ${r.municipality}`.toLowerCase().includes(q)) return false;
    if (filter.kind && r.kind !== filter.kind) return false;
    if (filter.status && r.status !== filter.status) return false;
    if (filter.fn && filter.fnState) {
      const f = r.functions.find((x) => x.key === filter.fn);
      if (!f || f.state !== filter.fnState) return false;
    }
    return true;
  });
}

export type TInstitutionSortKey = "code" | "name" | "kind" | "municipality" | "status" | `fn:${string}`;

const STATUS_ORDER: Record<TInstitutionStatusRow["status"], number> = {
  CONFIRMED: 0,
  SUBMITTED: 1,
  RETURNED: 2,
  DRAFT: 3,
  UNSUBMITTED: 4,
  NOT_STARTED: 5,
};
const STATE_ORDER: Record<TInstitutionFunctionState, number> = { has: 0, intent: 1, none: 2, unknown: 3 };
const collator = new Intl.Collator("ja-JP");

/** A stable sort (ties keep the code order) by a column, ascending or descending. */
export function sortInstitutions(
  rows: readonly TInstitutionListRow[],
  key: TInstitutionSortKey,
  direction: "asc" | "desc" = "asc",
): TInstitutionListRow[] {
  const sign = direction === "asc" ? 1 : -1;
  const compare = (a: TInstitutionListRow, b: TInstitutionListRow): number => {
    switch (key) {
      case "code":
        return collator.compare(a.code, b.code);
      case "name":
        return collator.compare(a.name, b.name);
      case "kind":
        return collator.compare(a.kind, b.kind);
      case "municipality":
        return collator.compare(a.municipality, b.municipality);
      case "status":
        return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
      default: {
        const fn = key.slice(3);
        const sa = a.functions.find((f) => f.key === fn)?.state ?? "unknown";
        const sb = b.functions.find((f) => f.key === fn)?.state ?? "unknown";
        return STATE_ORDER[sa] - STATE_ORDER[sb];
      }
    }
  };
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => sign * compare(a.row, b.row) || collator.compare(a.row.code, b.row.code) || a.i - b.i)
    .map((x) => x.row);
}
