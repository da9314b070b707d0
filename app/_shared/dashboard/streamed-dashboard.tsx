import { Suspense } from "react";
import { notFound } from "next/navigation";
import type { TViewer } from "@/lib/auth/viewer-types";
import type { TSearchParams } from "@/lib/search-params";
import { DashboardScreen } from "@/components/dashboard/dashboard-screen";
import { LoadingSkeleton } from "@/components/ui/loading";
import { loadDashboardScreen } from "./dashboard-data";

type TScreenProps = {
  basePath: string;
  audience: "prefecture" | "admin" | "council";
  rosterHref?: string | null;
};

/**
 * A prefecture or zone dashboard that streams: the shell and a skeleton go out at once, the
 * figures follow when they are computed. Call checkDashboardAccess first (a 404 cannot be sent
 * once this has started streaming). Keyed by the URL, so a new filter shows the skeleton again.
 */
export function StreamedDashboard({
  viewer,
  searchParams,
  ...screen
}: Readonly<{ viewer: TViewer; searchParams: TSearchParams } & TScreenProps>) {
  return (
    <Suspense key={JSON.stringify(searchParams)} fallback={<LoadingSkeleton label="集計を読み込み中です" blocks={4} />}>
      <DashboardBody viewer={viewer} searchParams={searchParams} {...screen} />
    </Suspense>
  );
}

async function DashboardBody({
  viewer,
  searchParams,
  ...screen
}: Readonly<{ viewer: TViewer; searchParams: TSearchParams } & TScreenProps>) {
  const data = await loadDashboardScreen(viewer, searchParams);
  if (!data) notFound();
  return <DashboardScreen data={data} {...screen} />;
}
