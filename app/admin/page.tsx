import type { Metadata } from "next";
import { Suspense } from "react";
import { requireRole } from "@/lib/auth/viewer";
import { listDashboardCycles } from "@/lib/data/summary-scope";
import { getSummaryView } from "@/lib/data/summary-views";
import { parseSummaryParams } from "@/lib/summaries/params";
import { DEFAULT_TILE_INDICATOR, TILE_INDICATOR_KEYS } from "@/lib/summaries/tile-map";
import { NationalView } from "@/components/dashboard/national-view";
import type { TSearchParams } from "@/lib/search-params";
import type { TViewer } from "@/lib/auth/viewer-types";
import { LoadingSkeleton } from "@/components/ui/loading";

export const metadata: Metadata = { title: "全国" };

/**
 * The national view (?year=, ?kind=, ?confirmed=1, ?indicator= for the tile map). It streams:
 * the shell and a skeleton at once, the 47 prefectures' figures when computed. Nothing here is
 * a 404, so nothing must be decided before the stream starts.
 */
export default async function AdminHome({ searchParams }: Readonly<{ searchParams: Promise<TSearchParams> }>) {
  const viewer = await requireRole("admin");
  const raw = await searchParams;
  return (
    <Suspense key={JSON.stringify(raw)} fallback={<LoadingSkeleton label="全国の集計を読み込み中です" blocks={3} />}>
      <National viewer={viewer} raw={raw} />
    </Suspense>
  );
}

async function National({ viewer, raw }: Readonly<{ viewer: TViewer; raw: TSearchParams }>) {
  // A cycle in the URL belongs to the prefecture view (/admin/dashboard); here it is ignored.
  const params = { ...parseSummaryParams(raw), cycleId: null, schemeId: null, zoneId: null };
  const [view, cycles] = await Promise.all([getSummaryView(viewer, params), listDashboardCycles(viewer)]);
  if (view.level !== "national") throw new Error("national view expected");
  const requested = typeof raw.indicator === "string" ? raw.indicator : "";
  const indicator = (TILE_INDICATOR_KEYS as readonly string[]).includes(requested) ? requested : DEFAULT_TILE_INDICATOR;
  return (
    <NationalView
      view={view}
      years={[...new Set(cycles.map((c) => c.fiscalYear))]}
      indicator={indicator}
      basePath="/admin"
      prefectureHref={(cycleId) => `/admin/dashboard?cycle=${encodeURIComponent(cycleId)}`}
    />
  );
}
