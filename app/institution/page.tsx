import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { getOwnInstitution } from "@/lib/data/overview";
import { PageHeader } from "@/components/ui/page-header";
import { FactList, Panel } from "@/components/ui/panel";
import { INSTITUTION_KIND_LABELS } from "@/lib/domain/labels";

export const metadata: Metadata = { title: "ホーム" };

export default async function InstitutionHome() {
  const viewer = await requireRole("institution");
  const institution = await getOwnInstitution(viewer);
  return (
    <>
      <PageHeader title={institution.name} eyebrow="医療機関ホーム" />
      <Panel title="医療機関の情報">
        <FactList
          items={[
            { label: "医療機関コード", value: institution.code },
            { label: "種別", value: INSTITUTION_KIND_LABELS[institution.kind] },
            { label: "所在地", value: `${institution.prefecture.name}${institution.municipality.name} ${institution.address ?? ""}` },
            { label: "病床数", value: institution.beds ?? "—" },
          ]}
        />
      </Panel>
    </>
  );
}
