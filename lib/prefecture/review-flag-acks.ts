// Acknowledged flags (確認済み（問題なし）, docs/decisions/0020 "Acknowledged flags"): the officer
// looked at an outlier or a 前年比大 item of one revision and accepts it, so it stops counting as a
// flag — in the list's filter, its ranking and the bulk guard. Pure: which kinds may be
// acknowledged, how a 前年比大 warning names its item, what is still open, and the words.
//
// Queries (照会) are closed instead, and an unexplained warning needs the clinic's explanation:
// neither is acknowledgeable.

import { formatDateTime } from "@/lib/domain/wareki";
import type { TReviewFlagKind } from "./review-flags";

export const ACKNOWLEDGEABLE_FLAG_KINDS = ["outlier", "big-change"] as const satisfies readonly TReviewFlagKind[];
export type TAcknowledgeableFlagKind = (typeof ACKNOWLEDGEABLE_FLAG_KINDS)[number];

export const isAcknowledgeable = (kind: string): kind is TAcknowledgeableFlagKind =>
  (ACKNOWLEDGEABLE_FLAG_KINDS as readonly string[]).includes(kind);

/** What the officer marks, and what the report view shows for it. */
export const ACK_LABEL = "確認済み（問題なし）";
export const ACK_NOTE_MAX = 200;

/** The flag as the officer reads it in a sentence: 「…」の外れ値 / 「…」の前年比大. */
export const ACK_KIND_WORDS: Record<TAcknowledgeableFlagKind, string> = {
  outlier: "外れ値",
  "big-change": "前年比大",
};

/** The part of a stored soft-rule warning the acknowledgement needs. */
type TWarningLike = { kind: string; items: readonly string[] };

/**
 * The item a 前年比大 warning is about (a `change` rule compares one item with last year), or null
 * for any other warning. The acknowledgement is stored under this key.
 */
export const bigChangeItemKey = (warning: TWarningLike): string | null =>
  warning.kind === "change" ? (warning.items[0] ?? null) : null;

export const NO_FLAG_MESSAGE = "この項目には、この版の目印がありません。画面を再読み込みしてください。";
export const UNEXPLAINED_BIG_CHANGE_MESSAGE =
  "説明が記入されていない前年比大は確認済みにできません。回答者の説明が必要です（照会で尋ねられます）。";

/**
 * Why this item's 前年比大 cannot be acknowledged, or null when it can: the revision raises none for
 * it, or its warning has no explanation (that is the clinic's to give — the warning-unexplained
 * flag, which is never acknowledgeable).
 */
export function bigChangeAckRefusal(
  warnings: readonly (TWarningLike & { explanation: string | null })[],
  itemKey: string,
): string | null {
  const matching = warnings.filter((w) => bigChangeItemKey(w) === itemKey);
  if (matching.length === 0) return NO_FLAG_MESSAGE;
  return matching.some((w) => w.explanation === null) ? UNEXPLAINED_BIG_CHANGE_MESSAGE : null;
}

/** The 前年比大 warnings not acknowledged (the report's big-change flag count). */
export function openBigChangeCount(warnings: readonly TWarningLike[], acknowledged: ReadonlySet<string>): number {
  return warnings.filter((w) => {
    const key = bigChangeItemKey(w);
    return key !== null && !acknowledged.has(key);
  }).length;
}

/**
 * Submission.bigChangeAckRevision after an acknowledgement changed: the revision when every
 * 前年比大 warning of it is acknowledged (the report's big-change flag is then off), else 0.
 */
export function bigChangeAckRevision(
  revision: number,
  warnings: readonly TWarningLike[],
  acknowledged: ReadonlySet<string>,
): number {
  const changes = warnings.filter((w) => bigChangeItemKey(w) !== null);
  return changes.length > 0 && openBigChangeCount(changes, acknowledged) === 0 ? revision : 0;
}

/** One stored acknowledgement as the report view shows it. */
export type TFlagAcknowledgementView = {
  kind: string;
  itemKey: string;
  revision: number;
  note: string | null;
  acknowledgedByEmail: string;
  acknowledgedAt: Date;
};

/** The acknowledgement of this item's flag in this revision, if any. */
export function findAcknowledgement<T extends TFlagAcknowledgementView>(
  acknowledgements: readonly T[],
  kind: TAcknowledgeableFlagKind,
  itemKey: string,
  revision: number,
): T | null {
  return acknowledgements.find((a) => a.kind === kind && a.itemKey === itemKey && a.revision === revision) ?? null;
}

/**
 * The latest acknowledgement of the same item's flag in an earlier revision: a correction brought
 * the flag back, and the officer sees that it had been accepted before.
 */
export function earlierAcknowledgement<T extends TFlagAcknowledgementView>(
  acknowledgements: readonly T[],
  kind: TAcknowledgeableFlagKind,
  itemKey: string,
  revision: number,
): T | null {
  return (
    acknowledgements
      .filter((a) => a.kind === kind && a.itemKey === itemKey && a.revision < revision)
      .sort((a, b) => b.revision - a.revision)[0] ?? null
  );
}

/** 「確認済み（問題なし）2026/12/05 17:40・pref@…：メモ」 */
export function acknowledgementText(ack: TFlagAcknowledgementView): string {
  return `${ACK_LABEL} ${formatDateTime(ack.acknowledgedAt)}・${ack.acknowledgedByEmail}${ack.note ? `：${ack.note}` : ""}`;
}

/** 「第1版では確認済み（問題なし）でした（2026/12/05 17:40）」: the flag is back after a correction. */
export function earlierAcknowledgementText(ack: TFlagAcknowledgementView): string {
  return `第${ack.revision}版では${ACK_LABEL}でした（${formatDateTime(ack.acknowledgedAt)}）。修正された版で改めて目印が付いています。`;
}

/** The audit row's summary of an acknowledgement or its undoing. */
export function acknowledgementAuditSummary(input: {
  name: string;
  revision: number;
  kind: TAcknowledgeableFlagKind;
  itemLabel: string;
  undo: boolean;
}): string {
  const what = `${input.name} の報告（第${input.revision}版）の「${input.itemLabel}」の${ACK_KIND_WORDS[input.kind]}`;
  return input.undo ? `${what}の${ACK_LABEL}を取り消した` : `${what}を${ACK_LABEL}にした`;
}
