import type { THubScoreComparison } from "@/lib/questionnaire/score";
import { formatPointDelta, formatShare } from "@/lib/format";

/** Per duty: this year's and last year's shares of required items met and desirable items adopted. */
export function ScoreChangeTable({
  comparison,
  previousLabel,
}: Readonly<{ comparison: THubScoreComparison; previousLabel: string }>) {
  return (
    <table className="w-full text-sm" data-testid="score-change">
      <caption className="mb-2 text-left text-sm text-gray-600">
        {previousLabel}との比較（必須項目の実施割合・望ましい項目の採用割合）
      </caption>
      <thead>
        <tr className="border-b border-gray-200 text-left text-gray-500">
          <th className="py-2 pr-3 font-normal">役割</th>
          <th className="py-2 pr-3 text-right font-normal">必須 今年度</th>
          <th className="py-2 pr-3 text-right font-normal">必須 前年度</th>
          <th className="py-2 pr-3 text-right font-normal">差</th>
          <th className="py-2 pr-3 text-right font-normal">望ましい 今年度</th>
          <th className="py-2 text-right font-normal">差</th>
        </tr>
      </thead>
      <tbody>
        {[...comparison.groups, { key: "total", label: "合計", ...comparison.total }].map((g) => (
          <tr key={g.key} className="border-b border-gray-100">
            <td className="py-1.5 pr-3">{g.label}</td>
            <td className="py-1.5 pr-3 text-right tabular-nums">{formatShare(g.required.current)}</td>
            <td className="py-1.5 pr-3 text-right tabular-nums">{formatShare(g.required.previous)}</td>
            <td className="py-1.5 pr-3 text-right tabular-nums">{formatPointDelta(g.required.delta)}</td>
            <td className="py-1.5 pr-3 text-right tabular-nums">{formatShare(g.desirable.current)}</td>
            <td className="py-1.5 text-right tabular-nums">{formatPointDelta(g.desirable.delta)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
