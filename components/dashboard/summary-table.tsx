import { isFigureCell, tableCellText, type TSummaryTable } from "@/lib/summaries/tables";
import { cx } from "@/components/ui/cx";
import { ExportLinks, type TExportScope } from "./export-links";
import { ScrollRegion } from "@/components/ui/scroll-region";

/**
 * One table of lib/summaries/tables.ts as an HTML table: the accessible alternative of a chart,
 * with exactly the rows the exports contain. The first column names the row.
 */
export function SummaryTableView({
  table,
  caption,
  className,
}: Readonly<{ table: TSummaryTable; caption?: string; className?: string }>) {
  if (table.rows.length === 0) return <p className="text-sm text-gray-600">表示する行はありません。</p>;
  return (
    <ScrollRegion label={caption ?? table.title} className={className}>
      <table className="min-w-full text-sm" data-testid={`table-${table.key}`}>
        <caption className="mb-2 text-left text-sm font-semibold text-gray-800">{caption ?? table.title}</caption>
        <thead>
          <tr>
            {table.header.map((h, i) => (
              <th
                key={`${h}-${i}`}
                scope="col"
                className={cx(
                  "whitespace-nowrap border-b border-gray-200 px-2 py-1.5 font-medium text-gray-600",
                  i === 0 ? "text-left" : "text-right",
                )}
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className="border-t border-gray-100">
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="whitespace-nowrap px-2 py-1 text-left font-normal">
                    {tableCellText(cell)}
                  </th>
                ) : (
                  <td
                    key={i}
                    className={cx(
                      "whitespace-nowrap px-2 py-1",
                      isFigureCell(cell) ? "text-right tabular-nums" : "text-left",
                    )}
                  >
                    {tableCellText(cell) || "—"}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The table behind a chart, folded under 「表で見る」, and its download links. */
export function TableAlternative({
  table,
  scope,
  open = false,
}: Readonly<{ table: TSummaryTable; scope: TExportScope; open?: boolean }>) {
  return (
    <div className="mt-4">
      <details className="group rounded-md border border-gray-200 bg-gray-50 px-3 py-2" open={open}>
        <summary className="cursor-pointer text-sm font-medium text-teal-900">表で見る（{table.title}）</summary>
        <div className="mt-2 bg-white">
          <SummaryTableView table={table} />
        </div>
      </details>
      <ExportLinks scope={scope} table={table} />
    </div>
  );
}
