// How audit events read on screen: Japanese names for actions, entities and fields, and values
// (enums, dates) as people read them. Pure; unknown keys fall back to the raw text.
import { CYCLE_STATUS_LABELS, SUBMISSION_STATUS_LABELS } from "@/lib/domain/labels";
import { INSTITUTION_KIND_LABELS, type TInstitutionKind } from "@/lib/domain/institution-kinds";
import { formatDateTime } from "@/lib/domain/wareki";
import type { TJson } from "@/lib/audit/diff";

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
};

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
    if (ISO_DATE.test(value)) return formatDateTime(new Date(value));
    return value;
  }
  if (typeof value === "number") return value.toLocaleString("ja-JP");
  if (Array.isArray(value)) return value.map((v) => auditValue(field, v)).join("、");
  return JSON.stringify(value);
}
