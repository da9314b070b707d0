// The headline cards of a summary: 提出状況, 1号 and each 2号 有り, 1号 per 10,000 aged 65+.
import type { TClinicSummary } from "@/lib/aggregation";
import { RESPONSE_STATUSES, RESPONSE_STATUS_LABELS } from "@/lib/aggregation/status";
import { formatInteger, formatRate } from "@/lib/format";
import { per10kText } from "./texts";

export type THeadlineCard = {
  key: string;
  label: string;
  /** The big figure: "42.1%", "12.3", "—". */
  value: string;
  /** What it rests on: "有り 24 / n=57". */
  detail: string;
  /** A second line (e.g. per 10,000 aged 65+), or null. */
  note: string | null;
};

/** 提出状況, 1号 有り, each 2号 function 有り, and 1号 有り per 10,000 people aged 65+. */
export function headlineCards(summary: TClinicSummary): THeadlineCard[] {
  const s = summary.status;
  const cards: THeadlineCard[] = [
    {
      key: "status",
      label: "提出状況",
      value: formatRate(s.withRevision, s.respondents),
      detail: `提出 ${formatInteger(s.withRevision)} / 対象 ${formatInteger(s.respondents)}`,
      // Every status, so the parts add up to 対象 (STATUS_COUNTING_RULE).
      note: RESPONSE_STATUSES.map(
        (status) => `${RESPONSE_STATUS_LABELS[status]} ${formatInteger(s.byStatus[status])}`,
      ).join("・"),
    },
  ];
  for (const f of summary.functions) {
    cards.push({
      key: f.key,
      label: f.isPrimary ? "1号機能 有り" : `2号 ${f.shortLabel} 有り`,
      value: formatRate(f.has.count, f.has.n),
      detail: `有り ${formatInteger(f.has.count)} / n=${formatInteger(f.has.n)}`,
      note: f.isPrimary ? null : `意向有り ${formatInteger(f.intent.count)}`,
    });
  }
  const primary = summary.functions.find((f) => f.isPrimary);
  if (primary) {
    cards.push({
      key: "per10k65",
      label: "1号 有り（65歳以上人口1万人あたり）",
      value: primary.n > 0 ? per10kText(primary.per10k65) : "—",
      detail: `有り ${formatInteger(primary.per10k65.count)}機関 / 65歳以上 ${formatInteger(primary.per10k65.population)}人`,
      note:
        summary.population.age65 === null
          ? "人口が未登録の市区町村があるため算出できません"
          : `n=${formatInteger(primary.n)}`,
    });
  }
  return cards;
}
