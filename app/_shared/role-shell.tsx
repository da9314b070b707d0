import type { ReactNode } from "react";
import { requireRole } from "@/lib/auth/viewer";
import type { TRole } from "@/lib/auth/roles";
import { getViewerContext } from "@/lib/data/viewer-context";
import { AppShell } from "@/components/layout/app-shell";

/** The layout of one role's area: only that role gets in, inside the common app shell. */
export async function RoleShell({ role, children }: Readonly<{ role: TRole; children: ReactNode }>) {
  const viewer = await requireRole(role);
  const context = await getViewerContext(viewer);
  return <AppShell context={{ role: viewer.role, userName: viewer.name, ...context }}>{children}</AppShell>;
}
