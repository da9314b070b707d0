// Role checks for services and route handlers. Pure (no Next.js imports), so the command line
// can run the same services.
import { forbiddenError } from "@/lib/errors";
import type { TRole } from "./roles";
import type { TViewer, TViewerOf } from "./viewer-types";

export function assertRole<R extends TRole>(viewer: TViewer, ...roles: R[]): asserts viewer is TViewerOf<R> {
  if (!(roles as TRole[]).includes(viewer.role)) throw forbiddenError();
}

export function hasRole<R extends TRole>(viewer: TViewer, ...roles: R[]): viewer is TViewerOf<R> {
  return (roles as TRole[]).includes(viewer.role);
}
