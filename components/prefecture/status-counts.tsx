import Link from "next/link";
import {
  RESPONSE_STATUSES,
  RESPONSE_STATUS_LABELS,
  STATUS_COUNTING_RULE,
  submittedCount,
} from "@/lib/aggregation/status";
import type { TStatusCounts } from "@/lib/data/cycles";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { suspendedNote } from "@/lib/domain/suspension";

const TONES = {
  NOT_STARTED: "bg-gray-50 text-gray-900",
  DRAFT: "bg-sky-50 text-sky-900",
  SUBMITTED: "bg-amber-50 text-amber-950",
  RETURNED: "bg-red-50 text-red-900",
  CONFIRMED: "bg-emerald-50 text-emerald-900",
} as const;

/** Per-status counts, each linking to the filtered list. */
export function StatusCounts({
  counts,
  hrefFor,
}: Readonly<{ counts: TStatusCounts; hrefFor?: (status: string) => string }>) {
  return (
    <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
      <div className="rounded-md bg-white px-4 py-3 ring-1 ring-gray-200">
        <p className="text-xs text-gray-600">対象</p>
        <p className="text-2xl font-bold">{counts.total.toLocaleString("ja-JP")}</p>
        {counts.suspended > 0 && (
          <p className="text-xs text-gray-600" data-testid="suspended-note">
            {suspendedNote(counts.suspended)}
          </p>
        )}
      </div>
      {RESPONSE_STATUSES.map((status) => {
        const body = (
          <>
            <p className="text-xs">{RESPONSE_STATUS_LABELS[status]}</p>
            <p className="text-2xl font-bold" data-testid={`count-${status}`}>
              {counts[status].toLocaleString("ja-JP")}
            </p>
          </>
        );
        return hrefFor ? (
          <Link
            key={status}
            href={hrefFor(status)}
            className={`rounded-md px-4 py-3 hover:ring-2 hover:ring-teal-600 ${TONES[status]}`}
          >
            {body}
          </Link>
        ) : (
          <div key={status} className={`rounded-md px-4 py-3 ${TONES[status]}`}>
            {body}
          </div>
        );
      })}
    </div>
  );
}

/** A progress table (per zone or municipality) with a count per status. */
export function ProgressTable({
  caption,
  rows,
  nameHeader,
}: Readonly<{ caption: string; nameHeader: string; rows: { key: string; name: string; counts: TStatusCounts }[] }>) {
  return (
    <ScrollRegion label={caption}>
      <table className="w-full text-sm">
        <caption className="mb-2 text-left text-sm font-semibold text-gray-800">{caption}</caption>
        <thead>
          <tr className="text-left text-gray-600">
            <th scope="col" className="px-3 py-2 font-medium">
              {nameHeader}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              対象
            </th>
            {RESPONSE_STATUSES.map((s) => (
              <th key={s} scope="col" className="px-3 py-2 text-right font-medium">
                {RESPONSE_STATUS_LABELS[s]}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right font-medium">
              提出率
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const submitted = submittedCount(row.counts);
            return (
              <tr key={row.key} className="border-t border-gray-100">
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  {row.name}
                </th>
                <td className="px-3 py-1.5 text-right">
                  {row.counts.total.toLocaleString("ja-JP")}
                  {row.counts.suspended > 0 && (
                    <span className="block text-xs text-gray-600">{suspendedNote(row.counts.suspended)}</span>
                  )}
                </td>
                {RESPONSE_STATUSES.map((s) => (
                  <td key={s} className="px-3 py-1.5 text-right">
                    {row.counts[s].toLocaleString("ja-JP")}
                  </td>
                ))}
                <td className="px-3 py-1.5 text-right">
                  {row.counts.total > 0 ? `${((submitted / row.counts.total) * 100).toFixed(1)}%` : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-gray-600">{STATUS_COUNTING_RULE}</p>
    </ScrollRegion>
  );
}
