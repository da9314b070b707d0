// Download names of the documents (Japanese, as offices file them): prefecture, 年度, document,
// zone or respondent. Characters Windows refuses in file names are replaced.
import { fiscalYearLabel } from "@/lib/domain/wareki";
import type { TDocumentRequest, TPrefectureSummaryInput } from "./props";

const safe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim();

export function documentFileName(request: TDocumentRequest): string {
  switch (request.kind) {
    case "zonePacket": {
      const d = request.input.dashboard;
      return safe(`${d.cycle.prefectureName}_${fiscalYearLabel(d.cycle.fiscalYear)}_協議の場資料_${d.zone.name}.pdf`);
    }
    case "prefectureSummary": {
      const d = request.input.dashboard;
      return safe(
        `${d.cycle.prefectureName}_${fiscalYearLabel(d.cycle.fiscalYear)}_全圏域の集計_${d.scheme?.name ?? "圏域"}.pdf`,
      );
    }
    case "clinicNotice":
      return safe(`院内掲示_${request.input.respondent.name}_${fiscalYearLabel(request.input.cycle.fiscalYear)}.pdf`);
    case "councilRecord": {
      const r = request.input.record;
      return safe(`${request.input.prefectureName}_${fiscalYearLabel(r.fiscalYear)}_協議の結果_${r.zone.name}.pdf`);
    }
    case "submissionCopy":
      return safe(
        `提出控え_${request.input.respondent.name}_${fiscalYearLabel(request.input.cycle.fiscalYear)}_第${request.input.revision.number}版.pdf`,
      );
    case "mailLetters":
      return safe(`${request.input.prefectureName}_${request.input.title}.pdf`);
  }
}

/** The ZIP of every zone's packet. */
export function packetZipName(input: TPrefectureSummaryInput): string {
  const d = input.dashboard;
  return safe(
    `${d.cycle.prefectureName}_${fiscalYearLabel(d.cycle.fiscalYear)}_協議の場資料_${d.scheme?.name ?? "圏域"}_全圏域.zip`,
  );
}
