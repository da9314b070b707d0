import type { TViewer } from "@/lib/auth/viewer-types";
import { getDashboardFollowUp } from "@/lib/data/council-follow-up";
import { resolveSummaryFilter } from "@/lib/data/summary-scope";
import { parseSummaryParams } from "@/lib/summaries/params";
import type { TSearchParams } from "@/lib/search-params";
import { Panel } from "@/components/ui/panel";
import { FollowUpTable } from "@/components/council/follow-up-table";

/** On a zone dashboard: last year's council decisions judged in the shown cycle's figures. */
export async function FollowUpPanel({
  viewer,
  searchParams,
}: Readonly<{ viewer: TViewer; searchParams: TSearchParams }>) {
  const filter = await resolveSummaryFilter(viewer, parseSummaryParams(searchParams)).catch(() => null);
  if (!filter) return null;
  const followUp = await getDashboardFollowUp(viewer, filter);
  if (!followUp) return null;
  return (
    <Panel title="前年度の協議結果と進捗" className="mb-5">
      <FollowUpTable followUp={followUp} />
    </Panel>
  );
}
