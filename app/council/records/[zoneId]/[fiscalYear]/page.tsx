import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/viewer";
import { CouncilRecordPage, parseFiscalYear } from "@/app/_shared/council/record-page";

export const metadata: Metadata = { title: "協議の記録" };

/** One of the council's zones, one 年度; another zone is a 404. */
export default async function Page({ params }: Readonly<{ params: Promise<{ zoneId: string; fiscalYear: string }> }>) {
  const viewer = await requireRole("council");
  const { zoneId, fiscalYear } = await params;
  return (
    <CouncilRecordPage
      viewer={viewer}
      zoneId={zoneId}
      fiscalYear={parseFiscalYear(fiscalYear)}
      listHref="/council/records"
    />
  );
}
