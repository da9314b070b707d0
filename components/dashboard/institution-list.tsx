"use client";
import Link from "next/link";
import { useId, useMemo, useState } from "react";
import type { TInstitutionStatusRow } from "@/lib/summaries/types";
import {
  filterInstitutions,
  institutionListRows,
  type TInstitutionListItem,
  sortInstitutions,
  type TInstitutionSortKey,
} from "@/lib/summaries/institutions";
import { INSTITUTION_STATUS_LABELS, type TInstitutionFunctionState } from "@/lib/summaries/texts";
import { inputClass, labelClass } from "@/components/prefecture/form-styles";
import { cx } from "@/components/ui/cx";
import { Button } from "@/components/ui/button";
import { ScrollRegion } from "@/components/ui/scroll-region";

const PAGE = 100;

const STATE_LABELS: Record<TInstitutionFunctionState, string> = {
  has: "有り",
  intent: "無し（意向有り）",
  none: "無し",
  unknown: "報告なし",
};
const STATE_CLASSES: Record<TInstitutionFunctionState, string> = {
  has: "bg-teal-50 text-teal-950",
  intent: "bg-amber-50 text-amber-950",
  none: "text-gray-700",
  unknown: "text-gray-400",
};

/**
 * The institutions of a zone with their function status, filterable and sortable in the
 * browser (the zone's rows are already scoped by the server: councils see 未提出 for drafts).
 */
export function InstitutionList({
  rows,
  functions,
  rosterHref,
}: Readonly<{
  rows: TInstitutionListItem[];
  functions: { key: string; shortLabel: string }[];
  rosterHref?: string | null;
}>) {
  const id = useId();
  const all = useMemo(() => institutionListRows(rows, functions), [rows, functions]);
  const [q, setQ] = useState("");
  const [kind, setKind] = useState<"" | "HOSPITAL" | "CLINIC">("");
  const [status, setStatus] = useState<"" | TInstitutionStatusRow["status"]>("");
  const [fn, setFn] = useState("");
  const [fnState, setFnState] = useState<"" | TInstitutionFunctionState>("");
  const [sort, setSort] = useState<{ key: TInstitutionSortKey; direction: "asc" | "desc" }>({
    key: "code",
    direction: "asc",
  });
  const [limit, setLimit] = useState(PAGE);

  const statuses = useMemo(() => [...new Set(all.map((r) => r.status))], [all]);
  const shown = useMemo(
    () =>
      sortInstitutions(
        filterInstitutions(all, { q, kind, status, fn, fnState: fn ? fnState : "" }),
        sort.key,
        sort.direction,
      ),
    [all, q, kind, status, fn, fnState, sort],
  );

  const header = (key: TInstitutionSortKey, label: string, className?: string) => {
    const active = sort.key === key;
    return (
      <th
        key={key}
        scope="col"
        className={cx("px-2 py-1.5 text-left font-medium text-gray-600", className)}
        aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}
      >
        <button
          type="button"
          className="inline-flex items-center gap-1 underline decoration-dotted underline-offset-2 hover:text-gray-900"
          onClick={() =>
            setSort(active ? { key, direction: sort.direction === "asc" ? "desc" : "asc" } : { key, direction: "asc" })
          }
        >
          {label}
          <span aria-hidden="true">{active ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}</span>
        </button>
      </th>
    );
  };

  return (
    <div>
      <div className="mb-3 grid gap-3 md:grid-cols-5" role="search" aria-label="医療機関の絞り込み">
        <div>
          <label htmlFor={`${id}-q`} className={labelClass}>
            名称・コード・市区町村
          </label>
          <input
            id={`${id}-q`}
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setLimit(PAGE);
            }}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor={`${id}-kind`} className={labelClass}>
            種別（一覧）
          </label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as typeof kind);
              setLimit(PAGE);
            }}
            className={inputClass}
          >
            <option value="">すべて</option>
            <option value="HOSPITAL">病院</option>
            <option value="CLINIC">診療所</option>
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-status`} className={labelClass}>
            状況
          </label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as typeof status);
              setLimit(PAGE);
            }}
            className={inputClass}
          >
            <option value="">すべて</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {INSTITUTION_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-fn`} className={labelClass}>
            機能
          </label>
          <select
            id={`${id}-fn`}
            value={fn}
            onChange={(e) => {
              setFn(e.target.value);
              setFnState(e.target.value ? fnState || "has" : "");
              setLimit(PAGE);
            }}
            className={inputClass}
          >
            <option value="">指定しない</option>
            {functions.map((f) => (
              <option key={f.key} value={f.key}>
                {f.shortLabel}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-state`} className={labelClass}>
            機能の有無
          </label>
          <select
            id={`${id}-state`}
            value={fnState}
            disabled={!fn}
            onChange={(e) => {
              setFnState(e.target.value as typeof fnState);
              setLimit(PAGE);
            }}
            className={inputClass}
          >
            <option value="">すべて</option>
            {(Object.keys(STATE_LABELS) as TInstitutionFunctionState[]).map((s) => (
              <option key={s} value={s}>
                {STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="mb-2 text-sm text-gray-700" aria-live="polite" data-testid="institution-count">
        {shown.length.toLocaleString("ja-JP")}件（全{all.length.toLocaleString("ja-JP")}件）
      </p>
      {shown.length === 0 ? (
        <p className="rounded-md border border-dashed border-gray-300 px-4 py-6 text-center text-sm text-gray-700">
          条件に合う医療機関はありません。
        </p>
      ) : (
        <ScrollRegion label="医療機関ごとの機能の有無">
          <table className="min-w-full text-sm" data-testid="institution-table">
            <caption className="sr-only">医療機関ごとの機能の有無（列見出しのボタンで並べ替え）</caption>
            <thead>
              <tr>
                {header("code", "医療機関コード")}
                {header("name", "名称")}
                {header("kind", "種別")}
                {header("municipality", "市区町村")}
                {header("status", "状況")}
                {functions.map((f) => header(`fn:${f.key}`, f.shortLabel))}
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, limit).map((r) => (
                <tr key={r.id} className="border-t border-gray-100">
                  <td className="whitespace-nowrap px-2 py-1 font-mono text-xs">{r.code}</td>
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    {rosterHref ? (
                      <Link href={`${rosterHref}/${r.id}`} className="text-teal-800 underline">
                        {r.name}
                      </Link>
                    ) : (
                      r.name
                    )}
                  </th>
                  <td className="whitespace-nowrap px-2 py-1">{r.kindLabel}</td>
                  <td className="whitespace-nowrap px-2 py-1">{r.municipality}</td>
                  <td className="whitespace-nowrap px-2 py-1">{r.statusLabel}</td>
                  {r.functions.map((f) => (
                    <td key={f.key} className={cx("whitespace-nowrap px-2 py-1 text-xs", STATE_CLASSES[f.state])}>
                      {f.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {shown.length > limit && (
        <div className="mt-3">
          <Button variant="secondary" size="sm" onClick={() => setLimit(limit + PAGE)}>
            さらに{Math.min(PAGE, shown.length - limit)}件表示（残り{(shown.length - limit).toLocaleString("ja-JP")}件）
          </Button>
        </div>
      )}
    </div>
  );
}
