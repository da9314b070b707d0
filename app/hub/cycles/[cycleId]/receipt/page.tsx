import type { Metadata } from "next";
import { RespondentReceiptPage } from "@/app/_shared/respondent/receipt-page";
import { revisionParams, type TSearchParams } from "@/app/_shared/respondent/search-params";

export const metadata: Metadata = { title: "受付票" };

export default async function Page({ params, searchParams }: Readonly<{ params: Promise<{ cycleId: string }>; searchParams: TSearchParams }>) {
  const { revision, submitted } = await revisionParams(searchParams);
  return <RespondentReceiptPage role="hub" cycleId={(await params).cycleId} revision={revision} justSubmitted={submitted} />;
}
