import type { Metadata } from "next";
import { RespondentHome } from "@/app/_shared/respondent/home";

export const metadata: Metadata = { title: "ホーム" };

export default function Page() {
  return <RespondentHome role="institution" />;
}
