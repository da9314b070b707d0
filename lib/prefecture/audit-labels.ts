// How audit events read on screen: Japanese names for actions, entities and fields, and values
// (enums, dates) as people read them. Pure.
//
// THE registry of event kinds: a branch that records a new kind adds one line to
// AUDIT_ACTION_LABELS (and, for a new family, one to AUDIT_FAMILY_LABELS). A kind missing here
// still reads in words (auditActionLabel: 「メールの送信」, 「協議の場の操作」), never as a raw key.
import { CYCLE_STATUS_LABELS, SUBMISSION_STATUS_LABELS } from "@/lib/domain/labels";
import { INSTITUTION_KIND_LABELS, type TInstitutionKind } from "@/lib/domain/institution-kinds";
import { formatDateTime } from "@/lib/domain/wareki";
import type { TJson } from "@/lib/audit/diff";
import { ROLE_LABELS, type TRole } from "@/lib/auth/roles";
import { ACK_KIND_WORDS, isAcknowledgeable } from "./review-flag-acks";

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "system.seed_demo": "デモデータの作成",
  "auth.login": "ログイン",
  "auth.login_failed": "ログイン失敗",
  "auth.locked": "ログイン一時停止",
  "auth.throttled": "ログイン失敗（試行待機）",
  "auth.second_factor": "2段階認証",
  "auth.second_factor_failed": "2段階認証の失敗",
  "auth.second_factor_throttled": "2段階認証の失敗（入力待機）",
  "download.pdf_packet": "資料PDFのダウンロード",
  "download.pdf_batch": "資料一括ZIPのダウンロード",
  "download.summary_export": "集計表のダウンロード",
  "cycle.create": "報告サイクルの作成",
  "cycle.update_dates": "日程の変更",
  "cycle.open": "受付開始",
  "cycle.close": "受付締切",
  "submission.save_draft": "下書き保存",
  "submission.submit": "提出",
  "submission.resubmit": "再提出",
  "submission.amend": "変更報告の提出",
  // Starting or abandoning a change: a 変更報告 after 確認済み, a 修正 before (the summary says which).
  "submission.start_amendment": "変更報告・修正の開始",
  "submission.discard_amendment": "変更報告・修正の取りやめ",
  "submission.confirm": "確認済み",
  "submission.return": "差戻し",
  "submission.reopen": "期限後の入力許可",
  "submission.reopen_cancel": "期限後の入力許可の取消",
  "submission.paper_submit": "紙の報告の取込",
  "submissions.bulk_confirm": "一括確認",
  "submissions.import_paper": "紙の報告の取込（ファイル）",
  "submissions.export": "回答一覧の出力",
  "submissions.export_not_submitted": "未提出一覧の出力",
  "roster.import": "名簿の取込",
  "institution.create": "医療機関の追加",
  "institution.update": "医療機関の更新",
  "institution.deactivate": "医療機関の無効化",
  "institution.reactivate": "医療機関の再有効化",
  "institution.update_contact": "連絡先の変更",
  "zones.import": "圏域の取込",
  "zone_scheme.create": "圏域の区分の作成",
  "zone_scheme.set_default": "既定の区分の変更",
  "zone.create": "圏域の作成",
  "zone.update": "圏域の変更",
  "zone.delete": "圏域の削除",
  "population.import": "人口の取込",
  "municipality.update_population": "人口の更新",
  "ndb.import": "NDBプレプリント値の取込",
  "accounts.bulk_create": "アカウントの一括作成",
  "account.create": "アカウントの作成",
  "account.issue_link": "パスワード設定用リンクの発行",
  "account.link_mail_failed": "リンクのメール送信失敗",
  "account.set_password": "パスワードの設定",
  "account.deactivate": "アカウントの無効化",
  "account.reactivate": "アカウントの再有効化",
  "account.reset_requested": "パスワード再設定の依頼",
  "account.two_factor_enabled": "2段階認証の設定",
  "account.two_factor_disabled": "2段階認証の解除",
  "account.two_factor_reset": "2段階認証のリセット",
  "account.recovery_codes_regenerated": "回復コードの再発行",
  "account.notice_mail_failed": "通知メールの送信失敗",
  "auth.logout": "ログアウト",
  "import.download_rejected": "取り込めなかった行のダウンロード",
  "import.partial": "取込（一部の行を除く）",
  "counters.reconcile": "集計の照合・補正",
  "audit.export": "監査ログの出力",
  // Accounts for every role (ADR 0022)
  "account.zones_change": "担当圏域の変更",
  // Council records (ADR 0018)
  "council_record.create": "協議の記録の作成",
  "council_record.update": "協議の記録の更新",
  "council_record.draft": "協議の記録を作成中に戻す",
  "council_record.agreed": "協議の記録の合意",
  "council_record.published": "協議の結果の公表",
  "council_issue.create": "課題の追加",
  "council_issue.update": "課題の更新",
  "council_issue.delete": "課題の削除",
  "council_measure.create": "対応策の追加",
  "council_measure.update": "対応策の更新",
  "council_measure.delete": "対応策の削除",
  "download.council_record": "協議の記録PDFのダウンロード",
  // Review flags and item queries (ADR 0020)
  "item_query.ask": "照会",
  "item_query.answer": "照会への回答",
  "item_query.close": "照会の完了",
  "review_flags.compute": "外れ値の計算",
  "review_flags.request": "外れ値の再計算の依頼",
  "review_flag.acknowledge": "目印の確認済み（問題なし）",
  "review_flag.unacknowledge": "目印の確認済み（問題なし）の取消",
  // Cycle mail (ADR 0021)
  "mail.announce": "案内メールの送信",
  "mail.remind": "督促メールの送信",
  "mail.send": "メールの送信",
  "mail.dispatch": "メールの送信準備",
  "mail.resend": "メールの再送",
  "mail.schedule": "督促の予定の変更",
  "mail.settings": "メールの差出人・署名の変更",
  "mail.export_recipients": "宛先一覧の出力",
  "mail.export_letters": "郵送用文書の出力",
  // Publication (ADR 0017)
  "publication.schedule": "公表の予定の設定",
  "publication.publish_now": "今すぐ公表",
  "publication.run": "公表の実行",
  "publication.hold": "公表の保留",
  "publication.release": "公表の保留の解除",
  "publication.withdraw": "公表の取下げ",
};

/** The first part of an event kind ("mail" of "mail.send"): what it is about, for unknown kinds. */
export const AUDIT_FAMILY_LABELS: Record<string, string> = {
  system: "システム",
  auth: "ログイン",
  download: "ダウンロード",
  cycle: "報告サイクル",
  submission: "報告",
  submissions: "報告",
  roster: "名簿",
  institution: "医療機関",
  zones: "圏域",
  zone: "圏域",
  zone_scheme: "圏域の区分",
  population: "人口",
  municipality: "市区町村",
  ndb: "NDBプレプリント値",
  accounts: "アカウント",
  account: "アカウント",
  audit: "監査ログ",
  mail: "メール",
  reminder: "督促",
  reminders: "督促",
  notice: "通知",
  council: "協議の場",
  council_record: "協議の場の記録",
  publication: "公表",
  query: "照会",
  queries: "照会",
  import: "取込",
  counters: "集計",
  job: "バックグラウンド処理",
  jobs: "バックグラウンド処理",
  questionnaire: "調査票",
  hub: "在宅医療連携拠点",
};

/** The last part of an event kind ("send" of "mail.send"), for unknown kinds. */
export const AUDIT_VERB_LABELS: Record<string, string> = {
  create: "作成",
  update: "更新",
  delete: "削除",
  import: "取込",
  export: "出力",
  send: "送信",
  resend: "再送信",
  schedule: "予約",
  cancel: "取消",
  preview: "プレビュー",
  publish: "公表",
  unpublish: "公表の取消",
  open: "開始",
  close: "終了",
  answer: "回答",
  ask: "照会",
  reply: "返信",
  deactivate: "無効化",
  reactivate: "再有効化",
  bounce: "不達",
  fail: "失敗",
  failed: "失敗",
  delivered: "配信",
  record: "記録",
};

/** An event kind in words: its registered label, else words built from its parts — never the raw key. */
export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const [family = "", ...rest] = action.split(".");
  const subject = AUDIT_FAMILY_LABELS[family];
  const verbKey = rest.join("_").split("_").at(-1) ?? "";
  const verb = AUDIT_VERB_LABELS[rest.join("_")] ?? AUDIT_VERB_LABELS[verbKey];
  if (subject && verb) return `${subject}の${verb}`;
  if (subject) return `${subject}の操作`;
  return verb ? `${verb}（その他）` : "その他の操作";
}

export const auditEntityLabel = (entityType: string) => AUDIT_ENTITY_LABELS[entityType] ?? "その他";

/** Groups offered by the action filter (matched as prefixes). */
export const AUDIT_ACTION_GROUPS: { value: string; label: string }[] = [
  { value: "cycle.", label: "報告サイクル" },
  { value: "submission", label: "報告（提出・確認・差戻し）" },
  { value: "roster.", label: "名簿の取込" },
  { value: "institution.", label: "医療機関" },
  { value: "zone", label: "圏域" },
  { value: "population.", label: "人口の取込" },
  { value: "municipality.", label: "人口の更新" },
  { value: "ndb.", label: "NDBプレプリント値" },
  { value: "account", label: "アカウント" },
  { value: "auth.", label: "ログイン" },
  { value: "download.", label: "ダウンロード" },
  { value: "submissions.export", label: "出力" },
];

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  reporting_cycle: "報告サイクル",
  submission: "報告",
  institution: "医療機関",
  import_job: "取込",
  zone: "圏域",
  zone_scheme: "圏域の区分",
  municipality: "市区町村",
  user: "アカウント",
  prefecture: "都道府県",
  document: "資料",
  audit_log: "監査ログ",
  council_record: "協議の場の記録",
  council_issue: "協議の場の課題",
  council_measure: "協議の場の対応策",
};

const FIELD_LABELS: Record<string, string> = {
  status: "状況",
  revision: "版",
  reviewComment: "回答者へのコメント",
  reopenedUntil: "期限後の入力許可",
  isActive: "有効",
  isAmending: "変更報告中",
  name: "名称",
  kind: "種別",
  beds: "病床数",
  postalCode: "郵便番号",
  address: "住所",
  phone: "電話",
  contactEmail: "担当者メール",
  municipalityCode: "市区町村コード",
  municipalityCodes: "市区町村",
  requestDate: "報告依頼日",
  opensAt: "受付開始",
  closesAt: "提出期限",
  publishAt: "公表予定日",
  fiscalYear: "年度",
  populationTotal: "総人口",
  population65: "65歳以上人口",
  population75: "75歳以上人口",
  populationSource: "出典",
  populationYear: "基準年",
  fileName: "ファイル名",
  fileSha256: "ファイルの SHA-256",
  created: "新規",
  updated: "更新",
  unchanged: "変更なし",
  deactivated: "無効化",
  deleted: "削除",
  email: "メールアドレス",
  delivery: "渡し方",
  expiresAt: "有効期限",
  channel: "提出方法",
  defaultScheme: "既定の区分",
  deactivateMissing: "ファイルにない医療機関を無効化",
  overwriteWeb: "Web の報告を上書き",
  format: "形式",
  rows: "件数",
  confirmed: "確認した件数",
  filter: "絞り込み条件",
  table: "表",
  document: "資料",
  zoneId: "圏域",
  schemeId: "圏域の区分",
  cycleId: "報告サイクル",
  cycle: "報告サイクル",
  zone: "圏域",
  q: "検索語",
  sort: "並び順",
  role: "役割",
  count: "件数",
  comment: "コメント",
  reason: "理由",
  until: "期限",
  from: "期間（から）",
  to: "期間（まで）",
  actor: "操作した人",
  action: "操作",
  institution: "医療機関",
  flag: "目印",
  itemKey: "項目",
  note: "メモ",
  // Council records (ADR 0018): the fields of a 課題 and a 対応策, e.g. in a deletion's before.
  title: "件名",
  vision: "目指す姿",
  indicatorKeys: "指標",
  causeGovernment: "原因（行政）",
  causeMedical: "原因（医療）",
  causeCare: "原因（介護）",
  detachedMeasures: "課題なしで残る対応策",
  issueId: "課題",
  ownerBody: "担当",
  ownerName: "担当の名称",
  startMonth: "開始",
  deadlineMonth: "期限",
  indicatorKey: "確認する指標",
  targetValue: "目標値",
  notes: "経過・メモ",
};

/** Values of the export formats as officers name them. */
const FORMAT_LABELS: Record<string, string> = {
  csv: "CSV（UTF-8）",
  "csv-sjis": "CSV（Shift_JIS）",
  xlsx: "Excel（.xlsx）",
};

export const auditFieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

const STATUS_LABELS: Record<string, string> = { ...SUBMISSION_STATUS_LABELS, ...CYCLE_STATUS_LABELS };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A snapshot value as text: statuses and booleans in Japanese, instants in Japan time. */
export function auditValue(field: string, value: TJson | undefined): string {
  if (value === undefined || value === null || value === "") return "（なし）";
  if (typeof value === "boolean") return value ? "はい" : "いいえ";
  if (typeof value === "string") {
    if (field === "status" && STATUS_LABELS[value]) return STATUS_LABELS[value]!;
    if (field === "kind") return INSTITUTION_KIND_LABELS[value as TInstitutionKind] ?? value;
    if (field === "format") return FORMAT_LABELS[value] ?? value;
    if (field === "flag" && isAcknowledgeable(value)) return ACK_KIND_WORDS[value];
    if (field === "role" && value in ROLE_LABELS) return ROLE_LABELS[value as TRole];
    if (ISO_DATE.test(value)) return formatDateTime(new Date(value));
    return value;
  }
  if (typeof value === "number") return value.toLocaleString("ja-JP");
  if (Array.isArray(value)) return value.map((v) => auditValue(field, v)).join("、");
  return objectText(value);
}

/** An object as words: a named thing by its name (and code), anything else as 「項目: 値」 pairs. */
function objectText(value: { [key: string]: TJson }): string {
  if (typeof value.name === "string")
    return typeof value.code === "string" ? `${value.name}（${value.code}）` : value.name;
  const parts = Object.entries(value)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${auditFieldLabel(k)}: ${auditValue(k, v)}`);
  return parts.length > 0 ? parts.join("・") : "（なし）";
}
