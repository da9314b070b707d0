// A bulk send of the cycle's mail as the progress list shows it (the mail page renders it on the
// server, BatchProgress again from each poll): pure, no server code, so the client can use it.
import { formatDateTime } from "@/lib/domain/wareki";
import { MAIL_STATUS_LABELS, MAIL_STATUSES_SHOWN } from "@/lib/mail/status-labels";

export type TMailBatchSource = {
  id: string;
  kind: string;
  scheduleKey: string | null;
  createdAt: Date | string;
  createdByEmail: string | null;
  missed: boolean;
  total: number;
  done: number;
  counts: Partial<Record<string, number>>;
};

export type TMailBatchView = {
  id: string;
  /** 督促, 案内, with the scheduled round: 督促（予定: 期限の7日前） */
  label: string;
  createdAt: string;
  /** Who started it, in words. */
  startedBy: string;
  missed: boolean;
  total: number;
  done: number;
  /** e.g. 送信済 12・送信不要 3 (statuses with none left out), "—" when nothing. */
  countsText: string;
};

export const MISSED_ROUND_TEXT = "送信せず（予定の時刻にサーバーが停止していたか、時刻を過ぎてから予定に加えた回です）";

export function mailBatchView(b: TMailBatchSource): TMailBatchView {
  const days = b.scheduleKey?.startsWith("schedule:") ? b.scheduleKey.split(":")[1] : null;
  return {
    id: b.id,
    label: `${b.kind === "REMINDER" ? "督促" : "案内"}${days ? `（予定: 期限の${days}日前）` : ""}`,
    createdAt: formatDateTime(new Date(b.createdAt)),
    startedBy: b.scheduleKey !== null ? "督促の予定（自動）" : (b.createdByEmail ?? "不明"),
    missed: b.missed,
    total: b.total,
    done: b.done,
    countsText:
      MAIL_STATUSES_SHOWN.filter((s) => (b.counts[s] ?? 0) > 0)
        .map((s) => `${MAIL_STATUS_LABELS[s]} ${b.counts[s]}`)
        .join("・") || "—",
  };
}
