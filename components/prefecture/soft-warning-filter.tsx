import { SelectFilter } from "./select-filter";
import {
  SOFT_WARNING_FILTERS,
  SOFT_WARNING_FILTER_LABELS,
  softWarningBadgeText,
  type TSoftWarningCounts,
  type TSoftWarningFilter,
} from "@/lib/prefecture/soft-warning-filter";

/** The review list's select for the soft-rule warnings (注意あり・説明未記入 / 前年比大). */
export function SoftWarningFilterSelect({ value }: Readonly<{ value: TSoftWarningFilter | undefined }>) {
  return (
    <SelectFilter
      name="warning"
      label="確認事項"
      value={value}
      options={SOFT_WARNING_FILTERS.map((f) => ({ value: f, label: SOFT_WARNING_FILTER_LABELS[f] }))}
    />
  );
}

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
