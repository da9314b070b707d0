import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { itemIndex } from "@/lib/questionnaire/definition";
import {
  SOFT_RULE_IMPORTANCE_LABELS,
  softWarningFlags,
  type TStoredSoftWarnings,
} from "@/lib/questionnaire/soft-rules";
import {
  acknowledgementText,
  bigChangeItemKey,
  earlierAcknowledgement,
  earlierAcknowledgementText,
  findAcknowledgement,
  type TFlagAcknowledgementView,
  UNEXPLAINED_BIG_CHANGE_MESSAGE,
} from "@/lib/prefecture/review-flag-acks";
import { FlagAckControl } from "./flag-ack-control";

/** What the 前年比大 warnings need to be acknowledged (確認済み（問題なし）) from the report view. */
export type TBigChangeAcks = {
  submissionId: string;
  revision: number;
  acknowledgements: TFlagAcknowledgementView[];
};

/**
 * For the officer: the soft-rule warnings the report carried when submitted, each with its item
 * and the respondent's explanation (docs/decisions/0019-soft-rules.md). The items themselves are
 * marked in the answers below. A 前年比大 warning may be acknowledged (`acks`, ADR 0020).
 */
export function SoftWarningSummary({
  definition,
  stored,
  acks,
}: Readonly<{ definition: TQuestionnaireDefinition; stored: TStoredSoftWarnings | null; acks?: TBigChangeAcks }>) {
  if (!stored) return <p className="text-sm text-gray-600">この版には確認ルールの記録がありません。</p>;
  if (stored.warnings.length === 0) return <p className="text-sm text-gray-600">確認事項はありません。</p>;
  const items = itemIndex(definition);
  const flags = softWarningFlags(stored);
  return (
    <div className="space-y-2 text-sm" data-testid="soft-warning-summary">
      <p className="text-gray-700">
        {flags.total}件（説明未記入 {flags.unexplained}件・前年比大 {flags.bigChange}件）
      </p>
      <ul className="space-y-2">
        {stored.warnings.map((w) => (
          <li key={w.ruleId} className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
            <p className="font-medium">
              ［{SOFT_RULE_IMPORTANCE_LABELS[w.importance]}］{items.get(w.items[0] ?? "")?.label ?? w.items[0]}
            </p>
            <p className="mt-0.5">{w.message}</p>
            <p className="mt-0.5 font-medium">説明: {w.explanation ?? "（未記入）"}</p>
            {acks && <BigChangeAck acks={acks} warning={w} label={items.get(w.items[0] ?? "")?.label} />}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The acknowledgement of one 前年比大 warning (nothing for other warnings). */
function BigChangeAck({
  acks,
  warning,
  label,
}: Readonly<{ acks: TBigChangeAcks; warning: TStoredSoftWarnings["warnings"][number]; label: string | undefined }>) {
  const itemKey = bigChangeItemKey(warning);
  if (itemKey === null) return null;
  if (warning.explanation === null)
    return <p className="mt-1 text-xs text-amber-900">{UNEXPLAINED_BIG_CHANGE_MESSAGE}</p>;
  const ack = findAcknowledgement(acks.acknowledgements, "big-change", itemKey, acks.revision);
  const earlier = ack ? null : earlierAcknowledgement(acks.acknowledgements, "big-change", itemKey, acks.revision);
  return (
    <div className="mt-1">
      {earlier && <p className="text-xs text-amber-900">{earlierAcknowledgementText(earlier)}</p>}
      <FlagAckControl
        submissionId={acks.submissionId}
        kind="big-change"
        itemKey={itemKey}
        itemLabel={label ?? itemKey}
        revision={acks.revision}
        acknowledged={ack ? acknowledgementText(ack) : null}
      />
    </div>
  );
}
