import type { Metadata } from "next";
import { RespondentReceiptPage } from "@/app/_shared/respondent/receipt-page";
import { revisionParams } from "@/app/_shared/respondent/search-params";
import type { TSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "受付票" };

export default async function Page({
  params,
  searchParams,
}: Readonly<{ params: Promise<{ cycleId: string }>; searchParams: Promise<TSearchParams> }>) {
  const { revision, submitted } = await revisionParams(searchParams);
  return (
    <RespondentReceiptPage role="hub" cycleId={(await params).cycleId} revision={revision} justSubmitted={submitted} />
  );
}
