import "server-only";
import { db, type Prisma } from "@/lib/db";
import { roleToDb, type TRole } from "@/lib/auth/roles";
import { changedFields, type TSnapshot } from "@/lib/audit/diff";

type TDbClient = Pick<typeof db, "auditEvent">;

/** Who did it: a viewer, or a user being signed in (not yet a viewer). */
export type TAuditActor = { userId: string | null; email: string; role: TRole } | null;

export type TAuditInput = {
  action: string;
  entityType: string;
  entityId: string;
  prefectureCode?: string | null;
  summary?: string;
  before?: TSnapshot | null;
  after?: TSnapshot | null;
};

/** Builds the row; pass it to createMany inside the same transaction as the change it records. */
export function auditRow(actor: TAuditActor, input: TAuditInput): Prisma.AuditEventCreateManyInput {
  const diff = input.before || input.after ? changedFields(input.before, input.after) : { before: null, after: null };
  return {
    actorId: actor?.userId ?? null,
    actorEmail: actor?.email ?? null,
    actorRole: actor ? roleToDb(actor.role) : null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    prefectureCode: input.prefectureCode ?? null,
    summary: input.summary ?? null,
    before: (diff.before ?? undefined) as Prisma.InputJsonValue | undefined,
    after: (diff.after ?? undefined) as Prisma.InputJsonValue | undefined,
  };
}

export async function recordAudit(client: TDbClient, actor: TAuditActor, input: TAuditInput): Promise<void> {
  await client.auditEvent.create({ data: auditRow(actor, input) });
}
