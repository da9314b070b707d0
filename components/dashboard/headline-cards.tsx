import type { TClinicSummary } from "@/lib/aggregation";
import { headlineCards } from "@/lib/summaries/cards";
import { suspendedNote } from "@/lib/domain/suspension";
import { STATUS_COUNTING_RULE } from "@/lib/aggregation/status";

/** 提出状況, 1号 and each 2号 function 有り with n, and 1号 per 10,000 aged 65+. */
export function HeadlineCards({
  summary,
  label,
  suspended = 0,
}: Readonly<{ summary: TClinicSummary; label: string; suspended?: number }>) {
  const cards = headlineCards(summary);
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={label} data-testid="headline-cards">
      {cards.map((card) => (
        <div
          key={card.key}
          className="rounded-lg border border-gray-200 bg-white px-4 py-3 shadow-sm"
          data-testid={`headline-${card.key}`}
        >
          <dt className="text-xs font-medium text-gray-600">{card.label}</dt>
          <dd className="mt-1 text-2xl font-bold tabular-nums text-gray-900" data-testid={`headline-${card.key}-value`}>
            {card.value}
          </dd>
          <dd className="text-xs text-gray-700">{card.detail}</dd>
          {card.note && <dd className="text-xs text-gray-500">{card.note}</dd>}
          {card.key === "status" && (
            <dd className="mt-1 text-xs text-gray-600">
              <details>
                <summary className="cursor-pointer">数え方</summary>
                {STATUS_COUNTING_RULE}
              </details>
            </dd>
          )}
          {card.key === "status" && suspended > 0 && (
            <dd className="text-xs text-gray-700" data-testid="headline-suspended">
              対象は{suspendedNote(suspended)}
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
