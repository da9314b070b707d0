import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { EmptyState } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { checkDashboardAccess } from "@/app/_shared/dashboard/dashboard-data";
import { StreamedDashboard } from "@/app/_shared/dashboard/streamed-dashboard";
import { FollowUpPanel } from "@/app/_shared/council/follow-up-panel";
import type { TSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "圏域のダッシュボード" };

/**
 * The council member's home: the dashboard of one of their zones (the first by default), with a
 * switcher when they sit on several. Another zone's id in the URL is a 404 (the data layer checks
 * the zone against the member's own zones).
 */
export default async function CouncilHome({ searchParams }: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const viewer = await requireRole("council");
  const params = await searchParams;
  const access = await checkDashboardAccess(viewer, params);
  if (access.kind === "preparing") {
    return (
      <>
        <PageHeader title="協議の場ホーム" />
        <EmptyState title="この報告サイクルは準備中です">{access.message}</EmptyState>
      </>
    );
  }
  if (access.kind === "none") {
    return (
      <>
        <PageHeader title="協議の場ホーム" />
        <EmptyState title="集計できる報告サイクルがありません">
          県がかかりつけ医機能報告の受付を始めると、担当する圏域の集計が表示されます。
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <FollowUpPanel viewer={viewer} searchParams={params} />
      <StreamedDashboard viewer={viewer} searchParams={params} basePath="/council" audience="council" />
    </>
  );
}
