import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { countInstitutions, listVisibleZones } from "@/lib/data/overview";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { formatInteger } from "@/lib/format";

export const metadata: Metadata = { title: "ホーム" };

export default async function PrefectureHome() {
  const viewer = await requireRole("prefecture");
  const [counts, zones] = await Promise.all([countInstitutions(viewer), listVisibleZones(viewer)]);
  return (
    <>
      <PageHeader title="都道府県ホーム" />
      <div className="grid gap-4 sm:grid-cols-3">
        <Panel title="病院">
          <p className="text-3xl font-bold">{formatInteger(counts.hospitals)}</p>
        </Panel>
        <Panel title="診療所">
          <p className="text-3xl font-bold">{formatInteger(counts.clinics)}</p>
        </Panel>
        <Panel title="圏域">
          <p className="text-3xl font-bold">{formatInteger(zones.length)}</p>
        </Panel>
      </div>
    </>
  );
}
