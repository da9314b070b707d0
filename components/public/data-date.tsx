import type { TLivePublication } from "@/lib/data/public";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { dataAsOfText } from "@/lib/summaries/public";
import { PublicDemoNote } from "./public-shell";

/** The date of the data, shown on every public page (and printed). */
export function DataDate({ live }: Readonly<{ live: TLivePublication }>) {
  return (
    <>
      {live.isDemo && <PublicDemoNote />}
      <p className="mb-4 text-sm text-gray-700" data-testid="data-date">
        {dataAsOfText(live.dataAsOf, `${fiscalYearLabel(live.fiscalYear)} かかりつけ医機能報告`)}
      </p>
    </>
  );
}
