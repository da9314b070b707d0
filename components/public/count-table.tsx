import { ScrollRegion } from "@/components/ui/scroll-region";
import Link from "next/link";
import type { TCountRecordInput } from "@/lib/summaries/public-open-data";
import { PUBLIC_COUNT_COLUMNS, publicCountText } from "@/lib/summaries/public";

/** Counts per zone or municipality, with the total; each name links to its own page. */
export function CountTable({
  caption,
  firstHeader,
  rows,
  total,
  hrefOf,
  testId,
}: Readonly<{
  caption: string;
  firstHeader: string;
  rows: readonly TCountRecordInput[];
  total: TCountRecordInput;
  hrefOf?: (row: TCountRecordInput) => string | null;
  testId?: string;
}>) {
  return (
    <ScrollRegion label={caption}>
      <table className="min-w-full text-sm" data-testid={testId}>
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-gray-300 text-left">
            <th scope="col" className="py-1 pr-3">
              {firstHeader}
            </th>
            {PUBLIC_COUNT_COLUMNS.map((c) => (
              <th key={c.key} scope="col" className="px-2 py-1 text-right">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const href = hrefOf?.(row);
            return (
              <tr key={row.code || row.name} className="border-b border-gray-100" data-code={row.code}>
                <th scope="row" className="py-1 pr-3 text-left font-normal">
                  {href ? (
                    <Link href={href} className="text-teal-800 underline">
                      {row.name}
                    </Link>
                  ) : (
                    row.name
                  )}
                </th>
                {PUBLIC_COUNT_COLUMNS.map((c) => (
                  <td key={c.key} className="px-2 py-1 text-right tabular-nums" data-count={c.key}>
                    {publicCountText(row[c.key])}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="border-t border-gray-300 font-semibold" data-total="true">
            <th scope="row" className="py-1 pr-3 text-left">
              {total.name}
            </th>
            {PUBLIC_COUNT_COLUMNS.map((c) => (
              <td key={c.key} className="px-2 py-1 text-right tabular-nums" data-count={c.key}>
                {publicCountText(total[c.key])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
