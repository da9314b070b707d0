// Japanese words for the send log's statuses, shared by the server pages and the progress bars
// (a client component): no server code here.

/** Japanese name of each status of the send log. */
export const MAIL_STATUS_LABELS: Record<string, string> = {
  QUEUED: "送信待ち",
  SENDING: "送信中",
  SENT: "送信済",
  // Kept with the enum; nothing sets it (no delivery notifications reach the app, docs/decisions/0021).
  DELIVERED: "配達済",
  BOUNCED: "宛先不明",
  FAILED: "失敗",
  SKIPPED: "送信不要",
};

/**
 * The statuses a message can have, in the order the filter and the counts list them. DELIVERED is
 * left out: nothing sets it, so offering it would only ever find nothing.
 */
export const MAIL_STATUSES_SHOWN = ["SENT", "SKIPPED", "BOUNCED", "FAILED", "QUEUED", "SENDING"] as const;

/** What 送信済 means, said wherever the send log is shown. */
export const MAIL_SENT_MEANING =
  "「送信済」は、都道府県のメールサーバーがメールを受け付けたことを示します。相手の受信箱に届いたことまでは確認できません（宛先のサーバーが後から受け取りを断った場合、その通知は差出人のアドレスに届きます）。";
