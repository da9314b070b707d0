import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/viewer";
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
  if (!(await checkDashboardAccess(viewer, raw))) notFound();
  return <StreamedDashboard viewer={viewer} searchParams={raw} basePath="/admin/dashboard" audience="admin" />;
}
