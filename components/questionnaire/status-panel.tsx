import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import type { TDerivedStatus } from "@/lib/questionnaire/derive";
import { share, type THubScores } from "@/lib/questionnaire/score";
import { PROVISION_MODE_LABELS } from "@/lib/questionnaire/input";
import { itemIndex } from "@/lib/questionnaire/definition";
import { formatShare } from "@/lib/format";
import { cx } from "@/components/ui/cx";

/**
 * The derived status as the answers stand: which functions the institution has (clinic report)
 * or how the duties score (hub self-assessment). Used live in the form and on receipts.
 */
export function StatusPanel({
  definition,
  derived,
  scores,
  title = "報告内容から判定される機能",
  live = false,
}: Readonly<{
  definition: Pick<TQuestionnaireDefinition, "functions" | "sections">;
  derived: TDerivedStatus;
  scores?: THubScores | null;
  title?: string;
  live?: boolean;
}>) {
  const items = itemIndex(definition);
  return (
    <section aria-label={title} className="rounded-lg border border-gray-200 bg-white p-4" data-testid="status-panel">
      <h2 className="text-sm font-semibold text-gray-900">{title}</h2>
      {live && <p className="mt-0.5 text-xs text-gray-500">回答に合わせてその場で更新されます</p>}
      {definition.functions.length > 0 && (
        <ul className="mt-3 space-y-2 text-sm">
          {definition.functions.map((fn) => {
            const status = derived.functions[fn.key];
            if (!status) return null;
            const requirementMissing = fn.requires && !derived.functions[fn.requires]?.has;
            return (
              <li key={fn.key} data-testid={`function-${fn.key}`}>
                <div className="flex items-center justify-between gap-2">
                  <span className="text-gray-800">{fn.shortLabel}</span>
                  <StatusBadge has={status.has} intent={status.intent} />
                </div>
                {status.has && status.mode && (
                  <p className="text-xs text-gray-600">{PROVISION_MODE_LABELS[status.mode]}</p>
                )}
                {requirementMissing && <p className="text-xs text-gray-500">1号機能が「無し」のため報告不要</p>}
                {fn.rule === "allStarred" && status.unmetStarred.length > 0 && (
                  <p className="mt-0.5 text-xs text-amber-800">
                    未充足の★項目: {status.unmetStarred.map((key) => items.get(key)?.label ?? key).join("／")}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {scores && (
        <table className="mt-3 w-full text-xs">
          <caption className="sr-only">役割ごとの実施状況</caption>
          <thead>
            <tr className="text-left text-gray-500">
              <th className="py-1 font-normal">役割</th>
              <th className="py-1 text-right font-normal">必須</th>
              <th className="py-1 text-right font-normal">望ましい</th>
            </tr>
          </thead>
          <tbody>
            {scores.groups.map((group) => (
              <tr key={group.key} className="border-t border-gray-100" data-testid={`score-${group.key}`}>
                <td className="py-1 pr-2 text-gray-800">{group.label}</td>
                <td className="py-1 text-right tabular-nums">
                  {group.required.met}/{group.required.n}
                  <span className="ml-1 text-gray-500">{formatShare(share(group.required), 0)}</span>
                </td>
                <td className="py-1 text-right tabular-nums">
                  {group.desirable.adopted}/{group.desirable.n}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function StatusBadge({ has, intent }: Readonly<{ has: boolean; intent?: boolean }>) {
  const [label, tone] = has
    ? ["有り", "bg-emerald-100 text-emerald-900"]
    : intent
      ? ["無し（意向有り）", "bg-amber-100 text-amber-900"]
      : ["無し", "bg-gray-100 text-gray-700"];
  return <span className={cx("whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold", tone)}>{label}</span>;
}
