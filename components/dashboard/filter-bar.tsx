"use client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import type { TKindFilter } from "@/lib/aggregation";
import { summaryQuery } from "@/lib/summaries/params";
import { inputClass, labelClass } from "@/components/prefecture/form-styles";

// The dashboard's filters live in the URL (lib/summaries/params.ts): changing one pushes the new
// query and the server page renders the figures again, so every view can be bookmarked and shared.

type TFilterState = {
  cycleId: string | null;
  schemeId: string | null;
  zoneId: string | null;
  kind: TKindFilter;
  confirmedOnly: boolean;
};

export type TZoneOption = { id: string; name: string; schemeId: string; schemeName: string };

const KIND_OPTIONS: { value: TKindFilter; label: string }[] = [
  { value: "ALL", label: "病院・診療所" },
  { value: "HOSPITAL", label: "病院のみ" },
  { value: "CLINIC", label: "診療所のみ" },
];

function usePush(basePath: string) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const push = (query: string) => startTransition(() => router.push(`${basePath}${query}`, { scroll: false }));
  return { pending, push };
}

function KindAndConfirmed({
  id,
  kind,
  confirmedOnly,
  onKind,
  onConfirmed,
}: Readonly<{
  id: string;
  kind: TKindFilter;
  confirmedOnly: boolean;
  onKind: (k: TKindFilter) => void;
  onConfirmed: (c: boolean) => void;
}>) {
  return (
    <>
      <div>
        <label htmlFor={`${id}-kind`} className={labelClass}>
          種別
        </label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => onKind(e.target.value as TKindFilter)}
          className={inputClass}
        >
          {KIND_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end pb-2">
        <label className="inline-flex items-center gap-2 text-sm font-medium text-gray-700">
          <input
            type="checkbox"
            checked={confirmedOnly}
            onChange={(e) => onConfirmed(e.target.checked)}
            className="rounded border-gray-300 text-teal-700 focus:ring-teal-600"
          />
          確認済みのみ
        </label>
      </div>
    </>
  );
}

/** Cycle, zone scheme, zone, 病院/診療所 and 確認済みのみ for the prefecture, zone and council views. */
export function DashboardFilterBar({
  basePath,
  filter: initial,
  cycles,
  schemes,
  zones,
  allowAllZones,
}: Readonly<{
  basePath: string;
  filter: TFilterState;
  cycles: { id: string; label: string }[];
  /** null: the scheme is not chosen here (councils pick a zone, which carries its scheme). */
  schemes: { id: string; name: string }[] | null;
  zones: TZoneOption[];
  /** Officers may look at the whole prefecture; councils only ever at one of their zones. */
  allowAllZones: boolean;
}>) {
  const id = useId();
  const { pending, push } = usePush(basePath);
  // The controls show the choice at once; the page (keyed by the query) brings the figures.
  const [filter, setFilter] = useState(initial);
  const go = (next: Partial<TFilterState>) => {
    const state = { ...filter, ...next };
    setFilter(state);
    push(summaryQuery(state));
  };
  const zonesOfScheme = zones.filter((z) => z.schemeId === filter.schemeId || !allowAllZones);
  const zoneValue = filter.zoneId ? `${filter.schemeId}:${filter.zoneId}` : "";

  return (
    <div className="no-print mb-6 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <div className="grid gap-3 md:grid-cols-3 lg:grid-cols-6" role="search" aria-label="集計の条件">
        <div className="lg:col-span-2">
          <label htmlFor={`${id}-cycle`} className={labelClass}>
            報告サイクル
          </label>
          <select
            id={`${id}-cycle`}
            value={filter.cycleId ?? ""}
            onChange={(e) => go({ cycleId: e.target.value })}
            className={inputClass}
          >
            {cycles.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        {schemes && (
          <div>
            <label htmlFor={`${id}-scheme`} className={labelClass}>
              圏域の区分
            </label>
            <select
              id={`${id}-scheme`}
              value={filter.schemeId ?? ""}
              onChange={(e) => go({ schemeId: e.target.value, zoneId: null })}
              className={inputClass}
            >
              {schemes.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {(allowAllZones || zonesOfScheme.length > 1) && (
          <div className={allowAllZones ? undefined : "lg:col-span-2"}>
            <label htmlFor={`${id}-zone`} className={labelClass}>
              圏域
            </label>
            <select
              id={`${id}-zone`}
              value={zoneValue}
              onChange={(e) => {
                const [schemeId, zoneId] = e.target.value ? e.target.value.split(":") : [filter.schemeId, null];
                go({ schemeId: schemeId ?? null, zoneId: zoneId ?? null });
              }}
              className={inputClass}
            >
              {allowAllZones && <option value="">全体（圏域を比較）</option>}
              {zonesOfScheme.map((z) => (
                <option key={z.id} value={`${z.schemeId}:${z.id}`}>
                  {allowAllZones ? z.name : `${z.name}（${z.schemeName}）`}
                </option>
              ))}
            </select>
          </div>
        )}
        <KindAndConfirmed
          id={id}
          kind={filter.kind}
          confirmedOnly={filter.confirmedOnly}
          onKind={(kind) => go({ kind })}
          onConfirmed={(confirmedOnly) => go({ confirmedOnly })}
        />
      </div>
      <p className="mt-1 min-h-[1rem] text-xs text-gray-600" role="status" aria-live="polite">
        {pending ? "表示を更新しています…" : ""}
      </p>
    </div>
  );
}

/** 年度, 病院/診療所, 確認済みのみ and the tile map's indicator for the national view. */
export function NationalFilterBar({
  basePath,
  fiscalYear,
  years,
  kind,
  confirmedOnly,
  indicator,
  indicators,
}: Readonly<{
  basePath: string;
  fiscalYear: number;
  years: { value: number; label: string }[];
  kind: TKindFilter;
  confirmedOnly: boolean;
  indicator: string;
  indicators: { key: string; label: string }[];
}>) {
  const id = useId();
  const { pending, push } = usePush(basePath);
  const [state, setState] = useState({ fiscalYear, kind, confirmedOnly, indicator });
  const go = (next: Partial<typeof state>) => {
    const chosen = { ...state, ...next };
    setState(chosen);
    push(summaryQuery(chosen, chosen.indicator ? { indicator: chosen.indicator } : {}));
  };
  return (
    <div className="no-print mb-6 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <div className="grid gap-3 md:grid-cols-4" role="search" aria-label="集計の条件">
        <div>
          <label htmlFor={`${id}-year`} className={labelClass}>
            年度
          </label>
          <select
            id={`${id}-year`}
            value={state.fiscalYear}
            onChange={(e) => go({ fiscalYear: Number(e.target.value) })}
            className={inputClass}
          >
            {years.map((y) => (
              <option key={y.value} value={y.value}>
                {y.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-indicator`} className={labelClass}>
            地図の指標
          </label>
          <select
            id={`${id}-indicator`}
            value={state.indicator}
            onChange={(e) => go({ indicator: e.target.value })}
            className={inputClass}
          >
            {indicators.map((i) => (
              <option key={i.key} value={i.key}>
                {i.label}
              </option>
            ))}
          </select>
        </div>
        <KindAndConfirmed
          id={id}
          kind={state.kind}
          confirmedOnly={state.confirmedOnly}
          onKind={(k) => go({ kind: k })}
          onConfirmed={(c) => go({ confirmedOnly: c })}
        />
      </div>
      <p className="mt-1 min-h-[1rem] text-xs text-gray-600" role="status" aria-live="polite">
        {pending ? "表示を更新しています…" : ""}
      </p>
    </div>
  );
}
