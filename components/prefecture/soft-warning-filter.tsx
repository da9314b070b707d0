import { softWarningBadgeText, type TSoftWarningCounts } from "@/lib/prefecture/soft-warning-filter";

// (The list's filter on warnings is the 目印 select: review flags `warning-unexplained`, `big-change`.)

/** Next to a report's status in the list: how many warnings it carried, unexplained, year over year. */
export function SoftWarningBadge({ counts }: Readonly<{ counts: TSoftWarningCounts | null }>) {
  const text = softWarningBadgeText(counts);
  if (!text) return null;
  return (
    <span
      className="mt-0.5 block w-fit rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-950"
      data-testid="soft-warning-badge"
    >
      {text}
    </span>
  );
}
