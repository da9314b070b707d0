import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { getOwnHub } from "@/lib/data/overview";
import { PageHeader } from "@/components/ui/page-header";
import { FactList, Panel } from "@/components/ui/panel";
import { HUB_OPERATOR_LABELS } from "@/lib/domain/labels";

export const metadata: Metadata = { title: "ホーム" };

export default async function HubHome() {
  const viewer = await requireRole("hub");
  const hub = await getOwnHub(viewer);
  return (
    <>
      <PageHeader title={hub.name} eyebrow="在宅医療連携拠点ホーム" />
      <Panel title="拠点の情報">
        <FactList
          items={[
            { label: "拠点の主体", value: `${HUB_OPERATOR_LABELS[hub.operatorType]}${hub.operatorName ? `（${hub.operatorName}）` : ""}` },
            { label: "担当する圏域", value: `${hub.zone.name}（${hub.zone.scheme.name}）` },
            { label: "構成市町村", value: hub.zone.municipalities.map((m) => m.municipality.name).join("、") },
          ]}
        />
      </Panel>
    </>
  );
}
