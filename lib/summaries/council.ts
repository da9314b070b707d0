// The council records and their follow-up as rows of words: the dashboard block, the record
// pages, the council packet's 「前年度の協議結果と進捗」 and worksheets, the record PDF and the
// public page/CSV all print these, so a baseline or a verdict reads the same everywhere.
import type { TFrozenBaseline, TIndicatorReading, TProgress, TProgressVerdict } from "@/lib/aggregation";
import {
  COUNCIL_BODY_LABELS,
  COUNCIL_MEASURE_STATUS_LABELS,
  type TCouncilBody,
  type TCouncilMeasureStatus,
  type TCouncilRecordStatus,
} from "@/lib/domain/council";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { formatInteger } from "@/lib/format";
import {
  frozenBaselineText,
  indicatorValueText,
  progressText,
  progressTone,
  readingDetail,
  readingText,
} from "./texts";

/** What a follow-up row is made from (lib/data/council-follow-up.ts TFollowUpMeasure). */
export type TFollowUpSource = {
  id: string;
  issueTitle: string | null;
  title: string;
  ownerBody: string;
  ownerName: string;
  startMonth: string | null;
  deadlineMonth: string | null;
  status: TCouncilMeasureStatus;
  notes: string;
  indicatorKey: string | null;
  indicator: { label: string; unit: "share" | "per10k" } | null;
  baseline: TFrozenBaseline | null;
  current: TIndicatorReading | null;
  target: number | null;
  progress: TProgress | null;
};

/** Last year's decisions of a zone, followed up with this year's figures (lib/data/council-follow-up.ts). */
export type TCouncilFollowUp = {
  /** The 年度 the decisions were made in (N − 1). */
  fiscalYear: number;
  /** The 年度 whose figures are the current values (N). */
  currentFiscalYear: number;
  zoneName: string;
  recordStatus: TCouncilRecordStatus;
  vision: string;
  issues: { title: string; indicatorLabels: string[] }[];
  measures: TFollowUpSource[];
};

export type TFollowUpRow = {
  id: string;
  issue: string;
  measure: string;
  owner: string;
  period: string;
  status: string;
  indicator: string;
  baseline: string;
  current: string;
  target: string;
  verdict: string;
  verdictCode: TProgressVerdict | null;
  tone: "good" | "bad" | "warn" | "muted";
  /** "n=57" — the reports the current value rests on. */
  n: string;
  notes: string;
};

export const ownerText = (body: string, name: string): string => {
  const label = COUNCIL_BODY_LABELS[body as TCouncilBody] ?? body;
  return name ? `${label}（${name}）` : label;
};

/** "2025-07〜2026-03", "〜2026-03", "2025-07〜", or "—". */
export function periodText(start: string | null, deadline: string | null): string {
  const month = (m: string | null) => (m ? m.replace(/^(\d{4})-(\d{2})$/, (_, y, mm) => `${y}年${Number(mm)}月`) : "");
  if (!start && !deadline) return "—";
  return `${month(start)}〜${month(deadline)}`;
}

/** A measure's indicator label, or why it has none. */
export function indicatorText(key: string | null, indicator: { label: string } | null): string {
  if (!key) return "（指標なし）";
  return indicator ? indicator.label : `（現在の指標一覧にない指標: ${key}）`;
}

export function followUpRow(m: TFollowUpSource): TFollowUpRow {
  const unit = m.indicator?.unit ?? m.baseline?.unit ?? "share";
  const verdict = m.progress ? progressText(m.progress) : m.indicatorKey ? "今年度の値なし" : "—";
  return {
    id: m.id,
    issue: m.issueTitle ?? "—",
    measure: m.title,
    owner: ownerText(m.ownerBody, m.ownerName),
    period: periodText(m.startMonth, m.deadlineMonth),
    status: COUNCIL_MEASURE_STATUS_LABELS[m.status],
    indicator: indicatorText(m.indicatorKey, m.indicator),
    baseline: m.baseline
      ? `${frozenBaselineText(m.baseline)} ${fiscalYearLabel(m.baseline.fiscalYear)}`
      : m.indicatorKey
        ? "—"
        : "",
    current:
      m.progress?.verdict === "indicatorRemoved" || !m.current
        ? "—"
        : `${readingText(m.current)}（${readingDetail(m.current)}）`,
    target: indicatorValueText(m.target, unit),
    verdict,
    verdictCode: m.progress?.verdict ?? null,
    tone: m.progress ? progressTone(m.progress.verdict) : "muted",
    n: m.current ? `n=${formatInteger(m.current.base)}` : "—",
    notes: m.notes,
  };
}

/** "令和6年度の協議で決めた対応策（3件）の令和7年度の進捗": the heading of a follow-up. */
export function followUpHeading(fiscalYear: number, currentFiscalYear: number, count: number): string {
  return `${fiscalYearLabel(fiscalYear)}の協議で決めた対応策（${formatInteger(count)}件）の${fiscalYearLabel(currentFiscalYear)}の進捗`;
}

/** How the follow-up is judged, in one sentence (dashboard, packet, public page). */
export const FOLLOW_UP_RULE =
  "基準値は対応策を決めた時点の値（その後のデータ更新で変わりません）、現在値は今年度の報告（病院・診療所、提出済・確認済・差戻し）の集計です。目標に届いたものを「達成」、目標の方向へ1ポイント（人口当たりの値は基準値の5%）以上動いたものを「改善」、反対へ動いたものを「悪化」、それより小さい動きを「横ばい」とします。報告数が10件未満の判定は参考値です。";

/** Counts of verdicts, e.g. "達成 1・改善 2・悪化 1" (prefecture's side-by-side view). */
export function verdictCountsText(rows: readonly TFollowUpRow[]): string {
  const counts = new Map<string, number>();
  for (const r of rows)
    if (r.verdictCode) counts.set(r.verdict.split("（")[0]!, (counts.get(r.verdict.split("（")[0]!) ?? 0) + 1);
  return counts.size > 0 ? [...counts].map(([k, v]) => `${k} ${formatInteger(v)}`).join("・") : "—";
}
