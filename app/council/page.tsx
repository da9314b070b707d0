import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { EmptyState } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { DashboardScreen } from "@/components/dashboard/dashboard-screen";
import { loadDashboardScreen } from "@/app/_shared/dashboard/dashboard-data";
import type { TSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "圏域のダッシュボード" };

/**
 * The council member's home: the dashboard of one of their zones (the first by default), with a
 * switcher when they sit on several. Another zone's id in the URL is a 404 (the data layer checks
 * the zone against the member's own zones).
 */
export default async function CouncilHome({ searchParams }: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const viewer = await requireRole("council");
  const data = await loadDashboardScreen(viewer, await searchParams);
  if (!data) {
    return (
      <>
        <PageHeader title="協議の場ホーム" />
        <EmptyState title="集計できる報告サイクルがありません">
          県がかかりつけ医機能報告の受付を始めると、担当する圏域の集計が表示されます。
        </EmptyState>
      </>
    );
  }
  return <DashboardScreen data={data} basePath="/council" audience="council" />;
}
