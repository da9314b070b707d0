import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { listVisibleZones } from "@/lib/data/overview";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";

export const metadata: Metadata = { title: "ホーム" };

export default async function CouncilHome() {
  const viewer = await requireRole("council");
  const zones = await listVisibleZones(viewer);
  return (
    <>
      <PageHeader title="協議の場ホーム" />
      <div className="grid gap-4 md:grid-cols-2">
        {zones.map((zone) => (
          <Panel key={zone.id} title={`${zone.name}（${zone.scheme.name}）`}>
            <p className="text-sm text-gray-700">{zone.municipalities.map((m) => m.municipality.name).join("、")}</p>
          </Panel>
        ))}
      </div>
    </>
  );
}
