import type { TBarSeries } from "@/lib/summaries/bars";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** A bar chart's figures as a table (its accessible alternative when no export table matches it). */
export function SeriesTable({
  series,
  caption,
  indexHeader,
}: Readonly<{ series: TBarSeries; caption: string; indexHeader: string }>) {
  return (
    <ScrollRegion label={caption}>
      <table className="min-w-full text-sm">
        <caption className="mb-2 text-left text-sm font-semibold text-gray-800">{caption}</caption>
        <thead>
          <tr className="text-gray-600">
            <th scope="col" className="px-2 py-1.5 text-left font-medium">
              {indexHeader}
            </th>
            {series.categories.map((c) => (
              <th key={c} scope="col" className="px-2 py-1.5 text-right font-medium">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.data.map((row) => (
            <tr key={row.label} className="border-t border-gray-100">
              <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-normal">
                {row.label}
              </th>
              {series.categories.map((c) => (
                <td key={c} className="whitespace-nowrap px-2 py-1 text-right tabular-nums">
                  {row.details[c] ?? "—"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
