import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/notice";
import { checkDashboardAccess } from "@/app/_shared/dashboard/dashboard-data";
import { StreamedDashboard } from "@/app/_shared/dashboard/streamed-dashboard";
import { FollowUpPanel } from "@/app/_shared/council/follow-up-panel";
import type { TSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "ダッシュボード" };

export default async function PrefectureDashboardPage({
  searchParams,
}: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const viewer = await requireRole("prefecture");
  const params = await searchParams;
  const access = await checkDashboardAccess(viewer, params);
  if (access.kind === "preparing") {
    return (
      <>
        <PageHeader title="ダッシュボード" />
        <EmptyState title="この報告サイクルは準備中です">{access.message}</EmptyState>
      </>
    );
  }
  if (access.kind === "none") {
    return (
      <>
        <PageHeader title="ダッシュボード" />
        <EmptyState title="集計できる報告サイクルがありません">
          かかりつけ医機能報告の
          <Link href="/prefecture/cycles" className="text-teal-800 underline">
            報告サイクル
          </Link>
          を作成し、受付を始めると集計が表示されます。
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <FollowUpPanel viewer={viewer} searchParams={params} />
      <StreamedDashboard
        viewer={viewer}
        searchParams={params}
        basePath="/prefecture/dashboard"
        audience="prefecture"
        rosterHref="/prefecture/roster"
      />
    </>
  );
}
