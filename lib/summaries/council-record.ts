// One council record (協議の場の記録) as words, in the shape of the guideline's 協議の結果公表シート
// (p.26): the zone and 年度, the meetings, ② 目指す姿, ③ 課題 with their indicators, ④ causes by
// 行政・医療・介護, ⑤ 対応策 with owner, period, indicator, baseline and target. The record page, the
// record PDF, the public page and the CSV (COUNCIL_COLUMNS in ./public-open-data.ts) all print these rows.
import type { TFrozenBaseline } from "@/lib/aggregation";
import {
  CAUSE_PARTIES,
  COUNCIL_BODY_LABELS,
  COUNCIL_MEASURE_STATUS_LABELS,
  COUNCIL_RECORD_STATUS_LABELS,
  type TCouncilMeasureStatus,
  type TCouncilMeeting,
  type TCouncilRecordStatus,
} from "@/lib/domain/council";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { formatInteger } from "@/lib/format";
import { indicatorText, ownerText, periodText } from "./council";
import { frozenBaselineText, indicatorValueText } from "./texts";

/** A record as lib/data/council-records.ts shapes it (plain, serialisable). */
export type TCouncilRecordSource = {
  id: string;
  prefectureCode: string;
  fiscalYear: number;
  zone: { id: string; code: string; name: string; schemeName: string };
  vision: string;
  meetings: TCouncilMeeting[];
  status: TCouncilRecordStatus;
  agreedAt: string | null;
  publishedAt: string | null;
  updatedAt: string;
  issues: {
    id: string;
    title: string;
    indicatorKeys: string[];
    indicatorLabels: string[];
    causeGovernment: string;
    causeMedical: string;
    causeCare: string;
  }[];
  measures: {
    id: string;
    issueId: string | null;
    title: string;
    ownerBody: string;
    ownerName: string;
    startMonth: string | null;
    deadlineMonth: string | null;
    indicatorKey: string | null;
    indicator: { label: string; unit: "share" | "per10k" } | null;
    baseline: TFrozenBaseline | null;
    baselineFrozenAt: string | null;
    targetValue: number | null;
    status: TCouncilMeasureStatus;
    notes: string;
  }[];
};

export type TCouncilRecordDocumentInput = {
  record: TCouncilRecordSource;
  prefectureName: string;
  isDemo: boolean;
  generatedAt: string;
};

export type TMeasureRow = {
  id: string;
  issue: string;
  measure: string;
  owner: string;
  period: string;
  indicator: string;
  baseline: string;
  target: string;
  status: string;
  notes: string;
};

export const recordTitle = (zoneName: string, fiscalYear: number) =>
  `${zoneName} ${fiscalYearLabel(fiscalYear)} 協議の結果`;

export const recordStatusText = (status: TCouncilRecordStatus) => COUNCIL_RECORD_STATUS_LABELS[status];

/** A meeting's date, attendees and agenda in words ("" where nothing was recorded). */
export function meetingParts(m: TCouncilMeeting): { date: string; attendees: string; agenda: string } {
  return {
    date: m.date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, mm, d) => `${y}年${Number(mm)}月${Number(d)}日`),
    attendees: m.attendees
      .map((a) => `${COUNCIL_BODY_LABELS[a.body]} ${formatInteger(a.count)}名${a.names ? `（${a.names}）` : ""}`)
      .join("、"),
    agenda: m.agenda,
  };
}

/** "2025-07-15　出席: 市町村 3名（…）、郡市医師会 2名　議題: …" */
export function meetingText(m: TCouncilMeeting): string {
  const p = meetingParts(m);
  return `${p.date}　出席: ${p.attendees || "—"}　議題: ${p.agenda || "—"}`;
}

export function measureRows(record: TCouncilRecordSource): TMeasureRow[] {
  const issueTitle = new Map(record.issues.map((i) => [i.id, i.title]));
  return record.measures.map((m) => ({
    id: m.id,
    issue: m.issueId ? (issueTitle.get(m.issueId) ?? "—") : "—",
    measure: m.title,
    owner: ownerText(m.ownerBody, m.ownerName),
    period: periodText(m.startMonth, m.deadlineMonth),
    indicator: indicatorText(m.indicatorKey, m.indicator),
    baseline: m.baseline
      ? `${frozenBaselineText(m.baseline)} ${fiscalYearLabel(m.baseline.fiscalYear)}`
      : m.indicatorKey
        ? "—（決定時に値なし）"
        : "",
    target: indicatorValueText(m.targetValue, m.indicator?.unit ?? m.baseline?.unit ?? "share"),
    status: COUNCIL_MEASURE_STATUS_LABELS[m.status],
    notes: m.notes,
  }));
}

/** ④ causes of a 課題, one line per party that wrote one. */
export function causeLines(issue: TCouncilRecordSource["issues"][number]): { party: string; text: string }[] {
  return CAUSE_PARTIES.map((p) => ({ party: p.label, text: issue[p.field] })).filter((c) => c.text !== "");
}
