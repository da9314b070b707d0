import { summaryQuery } from "@/lib/summaries/params";
import type { TKindFilter } from "@/lib/aggregation";

/** The filter of the view being exported: the same query the page was opened with. */
export type TExportScope = {
  cycleId?: string | null;
  schemeId?: string | null;
  zoneId?: string | null;
  kind?: TKindFilter;
  confirmedOnly?: boolean;
  fiscalYear?: number | null;
};

// Labels kept here (not imported from lib/export, which pulls exceljs into whatever imports it).
const FORMATS = [
  { format: "csv", label: "CSV（UTF-8・Excel用）" },
  { format: "csv-sjis", label: "CSV（Shift_JIS）" },
  { format: "xlsx", label: "Excel（.xlsx）" },
] as const;

export type TExportFormat = (typeof FORMATS)[number]["format"];

export function exportHref(scope: TExportScope, table: string, format: TExportFormat): string {
  return `/api/v1/summaries/export${summaryQuery(scope, { table, format })}`;
}

/** Download links for one dashboard table in the three formats, with the current filter. */
export function ExportLinks({
  scope,
  table,
}: Readonly<{ scope: TExportScope; table: { key: string; title: string } }>) {
  return (
    <div
      className="no-print mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm"
      role="group"
      aria-label={`「${table.title}」の出力`}
    >
      <span className="text-gray-600">出力（{table.title}）:</span>
      {FORMATS.map((f) => (
        <a
          key={f.format}
          href={exportHref(scope, table.key, f.format)}
          download
          className="text-teal-800 underline hover:text-teal-950"
          aria-label={`「${table.title}」を${f.label}で出力`}
          data-testid={`export-${table.key}-${f.format}`}
        >
          {f.label}
        </a>
      ))}
    </div>
  );
}
