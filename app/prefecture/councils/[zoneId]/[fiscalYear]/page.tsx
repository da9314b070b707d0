import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { CouncilRecordPage, parseFiscalYear } from "@/app/_shared/council/record-page";

export const metadata: Metadata = { title: "協議の場の記録" };

/** A zone of the officer's prefecture, one 年度; another prefecture's zone is a 404. */
export default async function Page({ params }: Readonly<{ params: Promise<{ zoneId: string; fiscalYear: string }> }>) {
  const viewer = await requireRole("prefecture");
  const { zoneId, fiscalYear } = await params;
  return (
    <CouncilRecordPage
      viewer={viewer}
      zoneId={zoneId}
      fiscalYear={parseFiscalYear(fiscalYear)}
      listHref="/prefecture/councils"
    />
  );
}
