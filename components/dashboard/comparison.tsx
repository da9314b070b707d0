import {
  INDICATOR_GROUP_LABELS,
  ISSUE_CANDIDATE_RULE,
  type TIndicatorComparison,
  type TIndicatorGroup,
} from "@/lib/aggregation";
import { comparisonRows, issueSummary, type TComparisonRow } from "@/lib/summaries/indicator-rows";
import { cx } from "@/components/ui/cx";
import { ScrollRegion } from "@/components/ui/scroll-region";

const BADGE: Record<TComparisonRow["judgement"], string> = {
  below: "bg-amber-100 text-amber-950 ring-amber-300",
  slightlyBelow: "bg-amber-50 text-amber-900 ring-amber-200",
  notBelow: "bg-white text-gray-700 ring-gray-200",
  insufficientN: "bg-gray-100 text-gray-700 ring-gray-300",
  coverageDiffers: "bg-gray-100 text-gray-700 ring-gray-300",
  noData: "bg-gray-100 text-gray-500 ring-gray-200",
  neutral: "bg-white text-gray-500 ring-gray-200",
};

/** The 課題の候補: indicators where the zone is clearly below the prefecture with enough reports on both sides. */
export function IssueCandidates({
  comparison,
  zoneName,
  referenceName,
}: Readonly<{ comparison: TIndicatorComparison[]; zoneName: string; referenceName: string }>) {
  const { candidates, insufficient } = issueSummary(comparison);
  return (
    <div data-testid="issue-candidates">
      <p className="mb-3 text-sm text-gray-700">
        {zoneName}の指標を{referenceName}全体と比べ、協議の場の課題の候補を示します。{ISSUE_CANDIDATE_RULE}
      </p>
      {candidates.length === 0 ? (
        <p className="rounded-md border border-gray-200 bg-gray-50 px-4 py-3 text-sm text-gray-800">
          {referenceName}全体を明らかに下回る指標（課題の候補）はありません。
          {insufficient > 0 && `件数が少なく参考値とした指標が${insufficient}件あります。`}
        </p>
      ) : (
        <>
          <p className="mb-2 text-sm font-medium text-gray-900">
            課題の候補 {candidates.length}件{insufficient > 0 && `（ほかに参考値 ${insufficient}件）`}
          </p>
          <ul className="grid gap-2 md:grid-cols-2">
            {candidates.map((c) => (
              <li key={c.key} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
                <span className="mr-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950">
                  課題の候補
                </span>
                <span className="font-medium text-gray-900">{c.label}</span>
                <span className="mt-1 block text-gray-800">
                  {zoneName} {c.value}（{c.valueDetail}）／{referenceName} {c.reference}（{c.referenceDetail}）・差{" "}
                  {c.difference}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

const GROUP_ORDER: TIndicatorGroup[] = ["primary", "secondary", "areas", "items"];

/** Every indicator of the zone against the prefecture, grouped, with its judgement in words. */
export function ComparisonTable({
  comparison,
  zoneName,
  referenceName,
}: Readonly<{ comparison: TIndicatorComparison[]; zoneName: string; referenceName: string }>) {
  const rows = comparisonRows(comparison);
  return (
    <ScrollRegion label={`${zoneName}の指標と${referenceName}全体との比較`}>
      <table className="min-w-full text-sm" data-testid="comparison-table">
        <caption className="mb-2 text-left text-sm font-semibold text-gray-800">
          {zoneName}の指標と{referenceName}全体との比較
        </caption>
        <thead>
          <tr className="text-gray-600">
            <th scope="col" className="px-2 py-1.5 text-left font-medium">
              指標
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              {zoneName}
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              {referenceName}全体
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              差
            </th>
            <th scope="col" className="px-2 py-1.5 text-left font-medium">
              判定
            </th>
          </tr>
        </thead>
        {GROUP_ORDER.map((group) => {
          const inGroup = rows.filter((r) => r.group === group);
          if (inGroup.length === 0) return null;
          return (
            <tbody key={group}>
              <tr>
                <th
                  scope="colgroup"
                  colSpan={5}
                  className="bg-gray-50 px-2 py-1 text-left text-xs font-semibold text-gray-700"
                >
                  {INDICATOR_GROUP_LABELS[group]}
                </th>
              </tr>
              {inGroup.map((r) => (
                <tr key={r.key} className={cx("border-t border-gray-100", r.below && "bg-amber-50")}>
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    {r.label}
                  </th>
                  <td className="whitespace-nowrap px-2 py-1 text-right tabular-nums">
                    {r.value} <span className="text-xs text-gray-500">（{r.valueDetail}）</span>
                  </td>
                  <td className="whitespace-nowrap px-2 py-1 text-right tabular-nums">
                    {r.reference} <span className="text-xs text-gray-500">（{r.referenceDetail}）</span>
                  </td>
                  <td className="whitespace-nowrap px-2 py-1 text-right tabular-nums">{r.difference}</td>
                  <td className="whitespace-nowrap px-2 py-1">
                    <span className={cx("rounded px-1.5 py-0.5 text-xs ring-1", BADGE[r.judgement])}>
                      {r.judgementLabel}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </ScrollRegion>
  );
}
