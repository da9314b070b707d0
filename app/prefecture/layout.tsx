import type { ReactNode } from "react";
import { RoleShell } from "@/app/_shared/role-shell";

export default function Layout({ children }: Readonly<{ children: ReactNode }>) {
  return <RoleShell role="prefecture">{children}</RoleShell>;
}
