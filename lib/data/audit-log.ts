import "server-only";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { auditScope } from "./scope";

export type TAuditFilter = {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorEmail?: string;
  from?: Date;
  to?: Date;
  take?: number;
  /** Keyset pagination: events older than this id. */
  before?: bigint;
};

/** The audit trail a viewer may read: prefecture officers their prefecture's, admins all. */
export async function listAuditEvents(viewer: TViewer, filter: TAuditFilter = {}) {
  return db.auditEvent.findMany({
    where: {
      AND: [
        auditScope(viewer),
        filter.action ? { action: { startsWith: filter.action } } : {},
        filter.entityType ? { entityType: filter.entityType } : {},
        filter.entityId ? { entityId: filter.entityId } : {},
        filter.actorEmail ? { actorEmail: { contains: filter.actorEmail.toLowerCase() } } : {},
        filter.from ? { at: { gte: filter.from } } : {},
        filter.to ? { at: { lt: filter.to } } : {},
        filter.before ? { id: { lt: filter.before } } : {},
      ],
    },
    orderBy: { id: "desc" },
    take: filter.take ?? 100,
  });
}
