import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { roleFromDb } from "@/lib/auth/roles";
import type { TSnapshot } from "@/lib/audit/diff";
import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { sameSession, type TAuditEventRow } from "@/lib/summaries/audit-history";
import { getDefinition } from "./questionnaires";
import { auditScope, institutionScope, submissionScope } from "./scope";

export type TAuditFilter = {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorEmail?: string;
  /** An institution by 医療機関コード or part of its name: its own events and its reports'. */
  institution?: string;
  from?: Date;
  to?: Date;
  take?: number;
  /** Keyset pagination: events older than this id. */
  before?: bigint;
};

/** Institutions (and their reports) a text names, within the viewer's scope; at most 200. */
async function institutionCondition(viewer: TViewer, text: string): Promise<Prisma.AuditEventWhereInput> {
  const digits = text.normalize("NFKC").replace(/[\s-]/g, "");
  const institutions = await db.institution.findMany({
    where: {
      AND: [
        institutionScope(viewer),
        /^\d+$/.test(digits) ? { code: { startsWith: digits } } : { name: { contains: text.trim() } },
      ],
    },
    select: { id: true },
    take: 200,
  });
  const ids = institutions.map((i) => i.id);
  if (ids.length === 0) return { id: { in: [] } };
  const submissions = await db.submission.findMany({
    where: { AND: [submissionScope(viewer), { institutionId: { in: ids } }] },
    select: { id: true },
  });
  return {
    OR: [
      { entityType: "institution", entityId: { in: ids } },
      { entityType: "submission", entityId: { in: submissions.map((s) => s.id) } },
    ],
  };
}

async function auditWhere(viewer: TViewer, filter: TAuditFilter): Promise<Prisma.AuditEventWhereInput> {
  return {
    AND: [
      auditScope(viewer),
      filter.action ? { action: { startsWith: filter.action } } : {},
      filter.entityType ? { entityType: filter.entityType } : {},
      filter.entityId ? { entityId: filter.entityId } : {},
      filter.actorEmail ? { actorEmail: { contains: filter.actorEmail.toLowerCase() } } : {},
      filter.institution ? await institutionCondition(viewer, filter.institution) : {},
      filter.from ? { at: { gte: filter.from } } : {},
      filter.to ? { at: { lt: filter.to } } : {},
      filter.before ? { id: { lt: filter.before } } : {},
    ],
  };
}

/** The audit trail a viewer may read: prefecture officers their prefecture's, admins all. */
export async function listAuditEvents(viewer: TViewer, filter: TAuditFilter = {}) {
  return db.auditEvent.findMany({
    where: await auditWhere(viewer, filter),
    orderBy: { id: "desc" },
    take: filter.take ?? 100,
  });
}

type TSubject = { name: string | null; definition: Pick<TQuestionnaireDefinition, "sections"> | null };

/** Names and questionnaires of the reports and institutions a page of events is about (in scope). */
async function subjectsOf(
  viewer: TViewer,
  events: readonly { entityType: string; entityId: string }[],
): Promise<Map<string, TSubject>> {
  const ids = (type: string) => [...new Set(events.filter((e) => e.entityType === type).map((e) => e.entityId))];
  const [submissions, institutions] = await Promise.all([
    db.submission.findMany({
      where: { AND: [submissionScope(viewer), { id: { in: ids("submission") } }] },
      select: {
        id: true,
        questionnaireVersionId: true,
        institution: { select: { name: true } },
        hub: { select: { name: true } },
      },
    }),
    db.institution.findMany({
      where: { AND: [institutionScope(viewer), { id: { in: ids("institution") } }] },
      select: { id: true, name: true },
    }),
  ]);
  const versions = [...new Set(submissions.map((s) => s.questionnaireVersionId))];
  const definitions = new Map(await Promise.all(versions.map(async (v) => [v, await getDefinition(v)] as const)));
  const out = new Map<string, TSubject>();
  for (const s of submissions) {
    out.set(`submission:${s.id}`, {
      name: s.institution?.name ?? s.hub?.name ?? null,
      definition: definitions.get(s.questionnaireVersionId) ?? null,
    });
  }
  for (const i of institutions) out.set(`institution:${i.id}`, { name: i.name, definition: null });
  return out;
}

export type TAuditHistoryPage = { rows: TAuditEventRow[]; next: string | null };

/**
 * One page of the audit trail with what lib/summaries/audit-history needs to word it: the
 * subject's name and, for reports, the questionnaire that names its items and answer codes.
 */
export async function listAuditHistory(
  viewer: TViewer,
  filter: TAuditFilter & { take: number },
): Promise<TAuditHistoryPage> {
  const found = (await listAuditEvents(viewer, { ...filter, take: filter.take + 1 })).map(toRow);
  const rows = found.slice(0, filter.take);
  const beyond = found[filter.take];
  // An autosave session that runs on past the page is shown whole on the next page.
  while (beyond && rows.length > 1 && sameSession(rows.at(-1)!, beyond)) rows.pop();
  const subjects = await subjectsOf(viewer, rows);
  return {
    rows: rows.map((row) => {
      const subject = subjects.get(`${row.entityType}:${row.entityId}`);
      return { ...row, subjectName: subject?.name ?? null, definition: subject?.definition ?? null };
    }),
    next: beyond ? rows.at(-1)!.id : null,
  };
}

function toRow(e: Awaited<ReturnType<typeof listAuditEvents>>[number]): TAuditEventRow {
  return {
    id: String(e.id),
    at: e.at,
    actorEmail: e.actorEmail,
    actorRole: e.actorRole ? roleFromDb(e.actorRole) : null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    summary: e.summary,
    before: (e.before ?? null) as TSnapshot | null,
    after: (e.after ?? null) as TSnapshot | null,
  };
}
