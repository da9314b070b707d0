/** 受付番号: readable on the phone, unique per revision — R7-1A2B3C4D-02. */
export function receiptNumber({
  fiscalYear,
  submissionId,
  revision,
}: {
  fiscalYear: number;
  submissionId: string;
  revision: number;
}): string {
  const era = fiscalYear - 2018; // 令和 year
  return `R${era}-${submissionId.slice(-8).toUpperCase()}-${String(revision).padStart(2, "0")}`;
}
