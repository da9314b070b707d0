import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/viewer";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/notice";
import { parseSummaryParams } from "@/lib/summaries/params";
import { checkDashboardAccess } from "@/app/_shared/dashboard/dashboard-data";
import { StreamedDashboard } from "@/app/_shared/dashboard/streamed-dashboard";
import type { TSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "都道府県のダッシュボード" };

/** Any prefecture's dashboard for the administrator, opened from the national view (?cycle= is required). */
export default async function AdminPrefectureDashboard({
  searchParams,
}: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const viewer = await requireRole("admin");
  const raw = await searchParams;
  if (!parseSummaryParams(raw).cycleId) notFound();
  const access = await checkDashboardAccess(viewer, raw);
  if (access.kind === "none") notFound();
  if (access.kind === "preparing") {
    return (
      <>
        <PageHeader title="都道府県のダッシュボード" />
        <EmptyState title="この報告サイクルは準備中です">{access.message}</EmptyState>
      </>
    );
  }
  return <StreamedDashboard viewer={viewer} searchParams={raw} basePath="/admin/dashboard" audience="admin" />;
}
