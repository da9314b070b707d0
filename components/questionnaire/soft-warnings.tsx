"use client";
import { EXPLANATION_MAX_LENGTH, SOFT_RULE_IMPORTANCE_LABELS, type TSoftWarning } from "@/lib/questionnaire/soft-rules";
import { cx } from "@/components/ui/cx";

export const explanationId = (ruleId: string) => `explanation-${ruleId}`;

/**
 * The soft-rule warnings shown under an item (docs/decisions/0019-soft-rules.md): the message for
 * the clerk and an explanation field — required when the rule says so, otherwise optional. The
 * explanation is saved with the draft and sent with the submission.
 */
export function SoftWarnings({
  warnings,
  explanations,
  onExplain,
  disabled,
  missing,
}: Readonly<{
  warnings: TSoftWarning[];
  explanations: Record<string, string>;
  onExplain: (ruleId: string, text: string) => void;
  disabled: boolean;
  /** Rule ids whose required explanation was found missing on a submit attempt. */
  missing: ReadonlySet<string>;
}>) {
  if (warnings.length === 0) return null;
  return (
    <div className="space-y-2 px-3 pb-3">
      {warnings.map((warning) => {
        const id = explanationId(warning.ruleId);
        const text = explanations[warning.ruleId] ?? "";
        const unexplained = missing.has(warning.ruleId) && !text.trim();
        return (
          <div
            key={warning.ruleId}
            className={cx(
              "rounded-md border px-3 py-2 text-sm",
              warning.importance === "caution"
                ? "border-amber-300 bg-amber-50 text-amber-950"
                : "border-sky-200 bg-sky-50 text-sky-950",
            )}
            data-testid={`soft-warning-${warning.ruleId}`}
            data-importance={warning.importance}
          >
            <p>
              <span className="mr-2 rounded bg-white px-1.5 text-xs font-semibold ring-1 ring-current">
                {SOFT_RULE_IMPORTANCE_LABELS[warning.importance]}
              </span>
              <span id={`${id}-message`}>{warning.message}</span>
            </p>
            {!disabled && (
              <div className="mt-2">
                <label htmlFor={id} className="block text-xs font-medium">
                  説明{warning.explanationRequired ? "（提出には記入が必要です）" : "（任意）"}
                </label>
                <textarea
                  id={id}
                  rows={2}
                  maxLength={EXPLANATION_MAX_LENGTH}
                  value={text}
                  onChange={(e) => onExplain(warning.ruleId, e.target.value)}
                  aria-describedby={`${id}-message${unexplained ? ` ${id}-error` : ""}`}
                  aria-invalid={unexplained || undefined}
                  aria-required={warning.explanationRequired || undefined}
                  className="mt-1 block w-full max-w-3xl rounded-md border border-gray-400 bg-white px-2 py-1.5 text-gray-900 focus:border-teal-700 focus:ring-2 focus:ring-teal-600 focus:outline-none"
                  data-testid={id}
                />
                {unexplained && (
                  <p id={`${id}-error`} className="mt-1 font-medium text-red-700">
                    説明を記入してください。
                  </p>
                )}
              </div>
            )}
            {disabled && text.trim() && <p className="mt-1">説明: {text}</p>}
          </div>
        );
      })}
    </div>
  );
}
