import { FOLLOW_UP_RULE, followUpHeading, followUpRow, type TCouncilFollowUp } from "@/lib/summaries/council";
import { cx } from "@/components/ui/cx";

const TONE_CLASS = {
  good: "font-semibold text-emerald-800",
  bad: "font-semibold text-red-700",
  warn: "text-amber-900",
  muted: "text-gray-700",
} as const;

/** Last year's measures with baseline → current → target and the verdict (dashboard, record pages). */
export function FollowUpTable({ followUp }: Readonly<{ followUp: TCouncilFollowUp }>) {
  const rows = followUp.measures.map(followUpRow);
  return (
    <div data-testid="council-follow-up">
      <p className="mb-2 text-sm font-medium text-gray-900">
        {followUpHeading(followUp.fiscalYear, followUp.currentFiscalYear, rows.length)}
      </p>
      {rows.length === 0 ? (
        <p className="text-sm text-gray-700">前年度に決めた対応策はありません。</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((r) => (
            <li
              key={r.id}
              data-testid="follow-up-row"
              data-verdict={r.verdictCode ?? ""}
              className="rounded-md border border-gray-200 p-3 text-sm"
            >
              <p className="font-medium text-gray-900">{r.measure}</p>
              <p className="text-gray-700">
                課題: {r.issue}　担当: {r.owner}　時期: {r.period}　状況: {r.status}
              </p>
              <p className="text-gray-700">指標: {r.indicator}</p>
              <dl className="mt-1 grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-5">
                <div>
                  <dt className="text-xs text-gray-600">基準値（決定時）</dt>
                  <dd data-testid="follow-up-baseline">{r.baseline || "—"}</dd>
                </div>
                <div>
                  <dt className="text-xs text-gray-600">現在値</dt>
                  <dd data-testid="follow-up-current">{r.current}</dd>
                </div>
                <div>
                  <dt className="text-xs text-gray-600">目標</dt>
                  <dd data-testid="follow-up-target">{r.target}</dd>
                </div>
                <div>
                  <dt className="text-xs text-gray-600">判定</dt>
                  <dd data-testid="follow-up-verdict" className={cx(TONE_CLASS[r.tone])}>
                    {r.verdict}
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-gray-600">報告数</dt>
                  <dd>{r.n}</dd>
                </div>
              </dl>
              {r.notes && <p className="mt-1 text-gray-700">経過: {r.notes}</p>}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-xs text-gray-600">{FOLLOW_UP_RULE}</p>
    </div>
  );
}
