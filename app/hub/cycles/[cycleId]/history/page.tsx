import type { Metadata } from "next";
import { RespondentHistoryPage } from "@/app/_shared/respondent/history-page";
import { revisionParams } from "@/app/_shared/respondent/search-params";
import type { TSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "変更履歴" };

export default async function Page({
  params,
  searchParams,
}: Readonly<{ params: Promise<{ cycleId: string }>; searchParams: Promise<TSearchParams> }>) {
  const { from, to } = await revisionParams(searchParams);
  return <RespondentHistoryPage role="hub" cycleId={(await params).cycleId} from={from} to={to} />;
}
