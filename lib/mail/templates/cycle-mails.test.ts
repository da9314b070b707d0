import { describe, expect, it } from "vitest";
import { escapeHtml } from "./blocks";
import { defaultMailSender, renderCycleMail, type TCycleMailInput } from "./cycle-mails";

const common = {
  sender: {
    prefectureName: "福井県",
    senderName: "福井県 健康福祉部 地域医療課",
    contact: "電話 0776-20-0000（平日 9時〜17時）",
    signature: "よろしくお願いいたします。",
  },
  cycleTitle: "令和7年度 かかりつけ医機能報告",
  closesAt: new Date("2026-02-27T14:59:59.999Z"),
  respondentName: "さくら内科<クリニック>",
  recipientName: "山田 花子",
  email: "yamada@example.jp",
  formUrl: "https://renkei.example.jp/institution/cycles/c1",
};

const cases: [TCycleMailInput, string, string[]][] = [
  [
    { ...common, kind: "ANNOUNCEMENT" },
    "【福井県】令和7年度 かかりつけ医機能報告のご案内",
    ["受付を開始しました", "令和8年2月27日（金）", "ログインID: yamada@example.jp"],
  ],
  [
    {
      ...common,
      kind: "INVITATION",
      setPasswordUrl: "https://renkei.example.jp/set-password?token=abc",
      linkExpiresAt: new Date("2026-01-10T00:00:00Z"),
    },
    "【福井県】令和7年度 かかりつけ医機能報告のご案内（パスワード設定のお願い）",
    ["https://renkei.example.jp/set-password?token=abc", "一度だけ使えます", "リンクの有効期限: 2026/01/10"],
  ],
  [
    { ...common, kind: "REMINDER", statusLabel: "下書き", forgotUrl: "https://renkei.example.jp/login/forgot" },
    "【福井県】令和7年度 かかりつけ医機能報告の提出期限が近づいています",
    ["まだ提出されていません（現在: 下書き）", "/login/forgot", "行き違い"],
  ],
  [
    { ...common, kind: "RETURNED", comment: "問2の病床数を\n確認してください。", revision: 2 },
    "【福井県】令和7年度 かかりつけ医機能報告の報告が差し戻されました",
    ["（第2版）", "＞ 問2の病床数を\n＞ 確認してください。", "もう一度提出"],
  ],
  [
    { ...common, kind: "CONFIRMED", comment: null, revision: 1 },
    "【福井県】令和7年度 かかりつけ医機能報告の報告を確認しました",
    ["（第1版）を確認しました", "変更報告"],
  ],
  [
    { ...common, kind: "REOPENED", reopenedUntil: new Date("2026-03-10T14:59:59.999Z") },
    "【福井県】令和7年度 かかりつけ医機能報告の入力期限を延長しました",
    ["入力できる期限: 令和8年3月10日（火）"],
  ],
  [
    { ...common, kind: "RECEIPT", revision: 3, revisionLabel: "再提出", submittedAt: new Date("2026-02-01T01:02:00Z") },
    "【福井県】令和7年度 かかりつけ医機能報告の報告を受け付けました",
    ["（再提出）を受け付けました", "版: 第3版", "受付日時: 2026/02/01 10:02"],
  ],
  [
    {
      ...common,
      kind: "QUERY",
      itemLabels: ["時間外対応加算の算定回数"],
      message: "前年の10倍です。\n実数か確認してください。",
      revision: 2,
      correction: { way: "start", what: "修正" },
    },
    "【福井県】令和7年度 かかりつけ医機能報告の「時間外対応加算の算定回数」について照会があります",
    [
      "報告（第2版）の次の項目について",
      "照会の項目: 時間外対応加算の算定回数",
      "照会の内容（都道府県から）\n＞ 前年の10倍です。\n＞ 実数か確認してください。",
      "「都道府県からの照会」の回答欄から回答してください",
      "入力画面の「修正を始める」から修正して提出してください",
      "https://renkei.example.jp/institution/cycles/c1#queries",
    ],
  ],
  [
    {
      ...common,
      kind: "QUERY",
      itemLabels: ["当番医制への参加", "後方支援病床の数", "時間外対応加算の算定回数"],
      message: "ご確認ください。",
      revision: 1,
      correction: { way: "closed" },
    },
    "【福井県】令和7年度 かかりつけ医機能報告の「当番医制への参加」ほか2項目について照会があります",
    [
      "照会の項目: 当番医制への参加\n後方支援病床の数\n時間外対応加算の算定回数",
      "提出期限を過ぎているため",
      "回答欄に訂正内容を書いてください（都道府県が入力を再開すると修正できます）",
    ],
  ],
];

describe("cycle mails", () => {
  it.each(cases)("%# $kind: subject and wording", (input, subject, phrases) => {
    const mail = renderCycleMail(input);
    expect(mail.subject).toBe(subject);
    for (const phrase of phrases) expect(mail.text).toContain(phrase);
    // Every mail is addressed, signed with the prefecture's settings, and says where to ask.
    expect(mail.text.startsWith("さくら内科<クリニック>\n山田 花子 様")).toBe(true);
    expect(mail.text).toContain(
      "福井県 健康福祉部 地域医療課\n電話 0776-20-0000（平日 9時〜17時）\nよろしくお願いいたします。",
    );
    expect(mail.text).toContain("下記の問い合わせ先");
  });

  it.each(cases)("%# $kind: the HTML says the same, escaped", (input) => {
    const mail = renderCycleMail(input);
    expect(mail.html).toContain("さくら内科&lt;クリニック&gt;<br>山田 花子 様");
    expect(mail.html).not.toContain("<クリニック>");
    expect(mail.html).toContain('lang="ja"');
    // The invitation links to setting a password first, a 照会 to the form's queries; every other mail to the form.
    const link =
      input.kind === "INVITATION"
        ? input.setPasswordUrl
        : input.kind === "QUERY"
          ? `${input.formUrl}#queries`
          : input.formUrl;
    expect(mail.html).toContain(`<a href="${escapeHtml(link)}">`);
  });

  it("the 差戻し comment is quoted as written, HTML in it escaped", () => {
    const mail = renderCycleMail({ ...common, kind: "RETURNED", comment: "<b>太字</b> & 記号", revision: 1 });
    expect(mail.text).toContain("＞ <b>太字</b> & 記号");
    expect(mail.html).toContain("&lt;b&gt;太字&lt;/b&gt; &amp; 記号");
  });

  it("a 照会 after the deadline does not point to buttons the form does not show", () => {
    const closed = renderCycleMail({
      ...common,
      kind: "QUERY",
      itemLabels: ["後方支援病床の数"],
      message: "<確認>",
      revision: 1,
      correction: { way: "closed" },
    });
    expect(closed.text).not.toContain("を始める");
    expect(closed.text).toContain("＞ <確認>");
    expect(closed.html).toContain("&lt;確認&gt;");
  });

  it("a 確認 note appears only when there is one; an empty signature leaves no blank line", () => {
    const withNote = renderCycleMail({ ...common, kind: "CONFIRMED", comment: "ありがとうございました", revision: 1 });
    expect(withNote.text).toContain("都道府県からのメモ\n＞ ありがとうございました");
    const sender = defaultMailSender("福井県");
    const mail = renderCycleMail({ ...common, sender, kind: "ANNOUNCEMENT" });
    expect(mail.text).toContain(
      "福井県 かかりつけ医機能報告 担当\n問い合わせ先は、都道府県の担当課にお尋ねください。\n\nこのメールは",
    );
  });
});
