import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { countInstitutions } from "@/lib/data/overview";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { formatInteger } from "@/lib/format";

export const metadata: Metadata = { title: "全国" };

export default async function AdminHome() {
  const viewer = await requireRole("admin");
  const counts = await countInstitutions(viewer);
  return (
    <>
      <PageHeader title="全国" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Panel title="病院（全国）">
          <p className="text-3xl font-bold">{formatInteger(counts.hospitals)}</p>
        </Panel>
        <Panel title="診療所（全国）">
          <p className="text-3xl font-bold">{formatInteger(counts.clinics)}</p>
        </Panel>
      </div>
    </>
  );
}
