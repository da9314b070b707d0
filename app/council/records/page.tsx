import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { PageHeader } from "@/components/ui/page-header";
import { CouncilRecordsList } from "@/app/_shared/council/records-list";

export const metadata: Metadata = { title: "協議の記録" };

/** The council's own zones' records by 年度. */
export default async function CouncilRecordsPage() {
  const viewer = await requireRole("council");
  return (
    <>
      <PageHeader
        title="協議の記録"
        description="協議の場で合意した目指す姿・課題・対応策を年度ごとに記録します。記録した対応策は翌年度のダッシュボードと協議の場資料で進捗を確かめられます。"
      />
      <CouncilRecordsList viewer={viewer} basePath="/council/records" />
    </>
  );
}
