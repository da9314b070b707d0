import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { PageHeader } from "@/components/ui/page-header";
import { CouncilRecordsList } from "@/app/_shared/council/records-list";

export const metadata: Metadata = { title: "協議の場の記録" };

/** Every zone's council records side by side, with last year's measures' progress. */
export default async function PrefectureCouncilsPage() {
  const viewer = await requireRole("prefecture");
  return (
    <>
      <PageHeader
        title="協議の場の記録"
        description="圏域ごとの協議の結果と、前年度に決めた対応策の進捗（達成・改善・横ばい・悪化）を並べて示します。圏域名から記録を開いて編集・公表できます。"
      />
      <CouncilRecordsList viewer={viewer} basePath="/prefecture/councils" />
    </>
  );
}
