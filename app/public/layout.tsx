import type { ReactNode } from "react";
import type { Metadata } from "next";
import { PublicShell } from "@/components/public/public-shell";

// The public side (公表): read without signing in (lib/http/public-paths.ts); search engines may
// index it, unlike the signed-in areas.
export const metadata: Metadata = {
  title: { default: "かかりつけ医機能の公表", template: "%s | かかりつけ医機能の公表（Renkei）" },
  robots: { index: true, follow: true },
};

export default function PublicLayout({ children }: Readonly<{ children: ReactNode }>) {
  return <PublicShell>{children}</PublicShell>;
}
