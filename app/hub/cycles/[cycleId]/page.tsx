import type { Metadata } from "next";
import { RespondentFormPage } from "@/app/_shared/respondent/form-page";

export const metadata: Metadata = { title: "報告" };

export default async function Page({ params }: Readonly<{ params: Promise<{ cycleId: string }> }>) {
  return <RespondentFormPage role="hub" cycleId={(await params).cycleId} />;
}
