import type { TSummaryChange } from "@/lib/aggregation";
import { INDICATOR_GROUP_LABELS, type TIndicatorGroup } from "@/lib/aggregation";
import { changeRows, type TChangeRow } from "@/lib/summaries/indicator-rows";
import { ScrollRegion } from "@/components/ui/scroll-region";

const MAIN_GROUPS: TIndicatorGroup[] = ["primary", "secondary"];
const OTHER_GROUPS: TIndicatorGroup[] = ["areas", "items"];

function ChangeTable({
  rows,
  caption,
  currentLabel,
  previousLabel,
}: Readonly<{ rows: TChangeRow[]; caption: string; currentLabel: string; previousLabel: string }>) {
  return (
    <ScrollRegion label={caption}>
      <table className="min-w-full text-sm" data-testid="yoy-table">
        <caption className="mb-2 text-left text-sm font-semibold text-gray-800">{caption}</caption>
        <thead>
          <tr className="text-gray-600">
            <th scope="col" className="px-2 py-1.5 text-left font-medium">
              指標
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              {currentLabel}
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              {previousLabel}
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              差
            </th>
            <th scope="col" className="px-2 py-1.5 text-left font-medium">
              変化
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-gray-100">
              <th scope="row" className="px-2 py-1 text-left font-normal">
                {r.label}
              </th>
              <td className="whitespace-nowrap px-2 py-1 text-right tabular-nums">
                {r.current} <span className="text-xs text-gray-500">（{r.currentDetail}）</span>
              </td>
              <td className="whitespace-nowrap px-2 py-1 text-right tabular-nums">
                {r.previous} <span className="text-xs text-gray-500">（{r.previousDetail}）</span>
              </td>
              <td className="whitespace-nowrap px-2 py-1 text-right font-medium tabular-nums">{r.delta}</td>
              <td className="whitespace-nowrap px-2 py-1 text-gray-700">
                {r.direction ?? (r.noDirectionReason ? `比較できません（${r.noDirectionReason}）` : "比較できません")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/**
 * Every indicator this year against last year. Null-safe: an indicator one year did not ask
 * shows "—" and 比較できません, never a change from 0%. The 1号/2号 rows are shown; the 17 areas
 * and the individual items fold under a disclosure to keep the page readable.
 */
export function YearOverYearTable({ change, name }: Readonly<{ change: TSummaryChange; name: string }>) {
  const rows = changeRows(change);
  const main = rows.filter((r) => MAIN_GROUPS.includes(r.group));
  const other = rows.filter((r) => OTHER_GROUPS.includes(r.group));
  const currentLabel = `今年度（n=${change.n.current.toLocaleString("ja-JP")}）`;
  const previousLabel = `前年度（n=${change.n.previous.toLocaleString("ja-JP")}）`;
  return (
    <div className="space-y-3">
      <ChangeTable
        rows={main}
        caption={`前年度との比較（${name}・${INDICATOR_GROUP_LABELS.primary}と${INDICATOR_GROUP_LABELS.secondary}）`}
        currentLabel={currentLabel}
        previousLabel={previousLabel}
      />
      {other.length > 0 && (
        <details className="rounded-md border border-gray-200 bg-gray-50 px-3 py-2">
          <summary className="cursor-pointer text-sm font-medium text-teal-900">
            {INDICATOR_GROUP_LABELS.areas}・{INDICATOR_GROUP_LABELS.items}の前年度比較を表示
          </summary>
          <div className="mt-2 bg-white">
            <ChangeTable
              rows={other}
              caption={`前年度との比較（${name}・${INDICATOR_GROUP_LABELS.areas}と${INDICATOR_GROUP_LABELS.items}）`}
              currentLabel={currentLabel}
              previousLabel={previousLabel}
            />
          </div>
        </details>
      )}
    </div>
  );
}
