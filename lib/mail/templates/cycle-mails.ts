// The wording of every mail of the reporting cycle, in one place (table-tested in
// cycle-mails.test.ts): 案内, 案内＋パスワード設定, 督促, and the notices of 差戻し, 確認, 期限後の
// 入力許可, 照会 (issue 16) and the receipt of a submission. Pure functions of plain input; the send job fills the
// input from the database at send time, so a mail says what is true when it leaves.
import { formatDateTime, formatDeadline } from "@/lib/domain/wareki";
import { queryCorrectionText, type TQueryCorrection } from "@/lib/domain/cycle-window";
import { renderBlocks, signatureBlocks, type TMailBlock, type TMailSender, type TRenderedMail } from "./blocks";

export type TCycleMailKind =
  "ANNOUNCEMENT" | "INVITATION" | "REMINDER" | "RETURNED" | "CONFIRMED" | "REOPENED" | "RECEIPT" | "QUERY";

/** Japanese name of each kind, as the send log and the preview show it. */
export const MAIL_KIND_LABELS: Record<TCycleMailKind, string> = {
  ANNOUNCEMENT: "案内",
  INVITATION: "案内（パスワード設定用リンク付き）",
  REMINDER: "督促",
  RETURNED: "差戻しのお知らせ",
  CONFIRMED: "確認のお知らせ",
  REOPENED: "期限後の入力許可のお知らせ",
  RECEIPT: "提出の受付",
  QUERY: "照会のお知らせ",
};

export { MAIL_STATUS_LABELS } from "../status-labels";

export type TCycleMailCommon = {
  sender: TMailSender;
  /** e.g. 令和7年度 かかりつけ医機能報告 */
  cycleTitle: string;
  closesAt: Date;
  /** The respondent: 医療機関 or 拠点 name. */
  respondentName: string;
  /** The person the mail is addressed to. */
  recipientName: string;
  /** Login ID (the address it is sent to). */
  email: string;
  /** Where the respondent answers (the form page, or the sign-in page). */
  formUrl: string;
};

export type TCycleMailInput = TCycleMailCommon &
  (
    | { kind: "ANNOUNCEMENT" }
    | { kind: "INVITATION"; setPasswordUrl: string; linkExpiresAt: Date }
    | { kind: "REMINDER"; statusLabel: string; forgotUrl: string }
    | { kind: "RETURNED"; comment: string; revision: number }
    | { kind: "CONFIRMED"; comment: string | null; revision: number }
    | { kind: "REOPENED"; reopenedUntil: Date }
    | { kind: "RECEIPT"; revision: number; revisionLabel: string; submittedAt: Date }
    | {
        kind: "QUERY";
        /** The labels of the items asked about (one or a few), in the officer's order. */
        itemLabels: readonly string[];
        /** The officer's question, as written. */
        message: string;
        /** The revision the officer asked about. */
        revision: number;
        /** How the respondent can correct the report now (not at all after the deadline until reopened). */
        correction: TQueryCorrection;
      }
  );

/** 「A」 or 「A」ほか2項目: the items of a 照会 in a subject line. */
function subjectItems(labels: readonly string[]): string {
  const [first = ""] = labels;
  return labels.length > 1 ? `「${first}」ほか${labels.length - 1}項目` : `「${first}」`;
}

const greeting = (input: TCycleMailCommon): TMailBlock => ({
  p: `${input.respondentName}\n${input.recipientName} 様`,
});

const deadlineFact = (input: TCycleMailCommon) => ["提出期限", `${formatDeadline(input.closesAt)} 23:59`] as const;
const loginFact = (input: TCycleMailCommon) => ["ログインID", input.email] as const;

function body(input: TCycleMailInput): { subject: string; blocks: TMailBlock[] } {
  const { sender, cycleTitle } = input;
  const pref = sender.prefectureName;
  switch (input.kind) {
    case "ANNOUNCEMENT":
      return {
        subject: `【${pref}】${cycleTitle}のご案内`,
        blocks: [
          {
            p: `${pref}です。${cycleTitle}の受付を開始しました。\n提出期限までに、Renkei（連携）から報告してください。`,
          },
          { facts: [deadlineFact(input), loginFact(input)] },
          { link: input.formUrl, label: "報告はこちらから（ログインが必要です）" },
          { p: "入力の途中で保存し、あとから続けることができます。ご不明な点は下記までお問い合わせください。" },
        ],
      };
    case "INVITATION":
      return {
        subject: `【${pref}】${cycleTitle}のご案内（パスワード設定のお願い）`,
        blocks: [
          {
            p: `${pref}です。${cycleTitle}の受付を開始しました。\nRenkei（連携）のアカウントをご用意しましたので、まずパスワードを設定してください。`,
          },
          { facts: [deadlineFact(input), loginFact(input), ["リンクの有効期限", formatDateTime(input.linkExpiresAt)]] },
          { link: input.setPasswordUrl, label: "パスワードの設定（一度だけ使えます）" },
          {
            p: "設定後、ログインして報告してください。リンクの期限が過ぎた場合は、下記までご連絡ください。\n心当たりがない場合は、このメールを破棄してください。",
          },
        ],
      };
    case "REMINDER":
      return {
        subject: `【${pref}】${cycleTitle}の提出期限が近づいています`,
        blocks: [
          {
            p: `${pref}です。${cycleTitle}の報告が、まだ提出されていません（現在: ${input.statusLabel}）。\n提出期限までに提出してください。`,
          },
          { facts: [deadlineFact(input), loginFact(input)] },
          { link: input.formUrl, label: "報告はこちらから（ログインが必要です）" },
          { link: input.forgotUrl, label: "パスワードを設定していない・忘れた場合" },
          { p: "このメールと行き違いで提出された場合は、ご容赦ください。" },
        ],
      };
    case "RETURNED":
      return {
        subject: `【${pref}】${cycleTitle}の報告が差し戻されました`,
        blocks: [
          {
            p: `${pref}です。提出いただいた${cycleTitle}の報告（第${input.revision}版）を確認し、修正をお願いすることになりました。`,
          },
          { quote: input.comment, label: "差戻しの理由（都道府県から）" },
          { p: "内容を修正のうえ、もう一度提出してください。" },
          { facts: [deadlineFact(input)] },
          { link: input.formUrl, label: "報告の修正はこちらから（ログインが必要です）" },
        ],
      };
    case "CONFIRMED":
      return {
        subject: `【${pref}】${cycleTitle}の報告を確認しました`,
        blocks: [
          {
            p: `${pref}です。提出いただいた${cycleTitle}の報告（第${input.revision}版）を確認しました。ご協力ありがとうございました。`,
          },
          ...(input.comment ? [{ quote: input.comment, label: "都道府県からのメモ" }] : []),
          { p: "内容に変更が生じた場合は、Renkei（連携）から変更報告をしてください。" },
          { link: input.formUrl, label: "報告の確認はこちらから（ログインが必要です）" },
        ],
      };
    case "REOPENED":
      return {
        subject: `【${pref}】${cycleTitle}の入力期限を延長しました`,
        blocks: [
          {
            p: `${pref}です。${cycleTitle}の提出期限を過ぎましたが、貴機関は次の日まで入力・提出できるようにしました。`,
          },
          { facts: [["入力できる期限", `${formatDeadline(input.reopenedUntil)} 23:59`], loginFact(input)] },
          { link: input.formUrl, label: "報告はこちらから（ログインが必要です）" },
        ],
      };
    case "QUERY":
      return {
        subject: `【${pref}】${cycleTitle}の${subjectItems(input.itemLabels)}について照会があります`,
        blocks: [
          {
            p: `${pref}です。提出いただいた${cycleTitle}の報告（第${input.revision}版）の次の項目について、確認させてください。`,
          },
          { facts: [["照会の項目", input.itemLabels.join("\n")]] },
          { quote: input.message, label: "照会の内容（都道府県から）" },
          {
            p: `ログインして、入力画面の上にある「都道府県からの照会」の回答欄から回答してください。\n${queryCorrectionText(input.correction)}`,
          },
          { link: `${input.formUrl}#queries`, label: "照会への回答はこちらから（ログインが必要です）" },
        ],
      };
    case "RECEIPT":
      return {
        subject: `【${pref}】${cycleTitle}の報告を受け付けました`,
        blocks: [
          { p: `${cycleTitle}の報告（${input.revisionLabel}）を受け付けました。都道府県が内容を確認します。` },
          {
            facts: [
              ["受付日時", formatDateTime(input.submittedAt)],
              ["版", `第${input.revision}版`],
              ["提出した方", input.email],
            ],
          },
          { link: input.formUrl, label: "提出した内容と受付票はこちらから（ログインが必要です）" },
          { p: "このメールは提出の控えです。心当たりがない場合は、下記までご連絡ください。" },
        ],
      };
  }
}

/** Subject, plain text, HTML and the blocks (for the letter) of one cycle mail. */
export function renderCycleMail(input: TCycleMailInput): TRenderedMail {
  const { subject, blocks } = body(input);
  return renderBlocks(subject, [greeting(input), ...blocks, ...signatureBlocks(input.sender)]);
}

/** The defaults of a prefecture's mail settings until its officer saves its own. */
export function defaultMailSender(prefectureName: string): TMailSender {
  return {
    prefectureName,
    senderName: `${prefectureName} かかりつけ医機能報告 担当`,
    contact: "問い合わせ先は、都道府県の担当課にお尋ねください。",
    signature: "",
  };
}
