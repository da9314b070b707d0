import { ScrollRegion } from "@/components/ui/scroll-region";
import Link from "next/link";
import type { TPublicListRow } from "@/lib/data/public";
import { PUBLIC_FUNCTION_ORDER, PUBLIC_FUNCTION_TEXTS } from "@/lib/summaries/public";

/**
 * Who does what: one row per institution, one column per function (✓ 有り). On a phone the
 * table scrolls sideways inside its own region; printed, it keeps its header on every page.
 */
export function FunctionMatrix({
  caption,
  rows,
  hrefOf,
}: Readonly<{ caption: string; rows: readonly TPublicListRow[]; hrefOf: (row: TPublicListRow) => string }>) {
  return (
    <ScrollRegion label={caption}>
      <table className="min-w-full text-sm" data-testid="function-matrix">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead className="print:table-header-group">
          <tr className="border-b border-gray-300 text-left">
            <th scope="col" className="py-1 pr-3">
              医療機関
            </th>
            {PUBLIC_FUNCTION_ORDER.map((key) => (
              <th key={key} scope="col" className="px-2 py-1 text-center">
                {PUBLIC_FUNCTION_TEXTS[key].shortName}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.institutionId} className="border-b border-gray-100" data-institution={row.code}>
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                <Link href={hrefOf(row)} className="text-teal-800 underline">
                  {row.name}
                </Link>
                <span className="ml-1 text-xs text-gray-600">（{row.kind === "HOSPITAL" ? "病院" : "診療所"}）</span>
              </th>
              {PUBLIC_FUNCTION_ORDER.map((key) => (
                <td key={key} className="px-2 py-1 text-center">
                  {row[key] ? (
                    <span aria-label="有り">✓</span>
                  ) : (
                    <span className="text-gray-500" aria-label="報告無し">
                      —
                    </span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Search results as cards: readable on a 390 px phone. */
export function InstitutionResults({
  rows,
  hrefOf,
}: Readonly<{ rows: readonly TPublicListRow[]; hrefOf: (row: TPublicListRow) => string }>) {
  return (
    <ul className="space-y-3" data-testid="public-results">
      {rows.map((row) => (
        <li key={row.institutionId} className="rounded-md border border-gray-200 p-3" data-institution={row.code}>
          <p className="font-semibold">
            <Link href={hrefOf(row)} className="text-teal-800 underline">
              {row.name}
            </Link>
          </p>
          <p className="text-sm text-gray-700">
            {row.kind === "HOSPITAL" ? "病院" : "診療所"}・{row.municipalityName}
            {row.address ? `・${row.address}` : ""}
          </p>
          <ul className="mt-1 flex flex-wrap gap-1" aria-label="公表されている機能">
            {PUBLIC_FUNCTION_ORDER.filter((key) => row[key]).map((key) => (
              <li key={key} className="rounded bg-teal-50 px-2 py-0.5 text-xs text-teal-900">
                {PUBLIC_FUNCTION_TEXTS[key].shortName}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
