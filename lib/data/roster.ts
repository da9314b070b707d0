import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import type { TRosterFilter, TRosterSortKey, TSort } from "@/lib/prefecture/filters";
import { findInstitution } from "./institutions";
import { cycleScope, institutionScope, submissionScope, userScope, zoneScope } from "./scope";

export const ROSTER_PAGE_SIZE = 50;

/**
 * SQL order of a roster column, then the stable tie-breaker (code, id; ascending whatever the
 * direction). Empty phones and addresses come last both ways: they say nothing about the order.
 */
export function rosterOrder({ key, dir }: TSort<TRosterSortKey>): Prisma.InstitutionOrderByWithRelationInput[] {
  const tie: Prisma.InstitutionOrderByWithRelationInput[] = [{ code: "asc" }, { id: "asc" }];
  const primary: Record<TRosterSortKey, Prisma.InstitutionOrderByWithRelationInput[]> = {
    municipality: [{ municipalityCode: dir }],
    code: [{ code: dir }],
    name: [{ name: dir }],
    kind: [{ kind: dir }, { beds: { sort: dir, nulls: "last" } }],
    phone: [{ phone: { sort: dir, nulls: "last" } }],
    email: [{ contactEmail: { sort: dir, nulls: "last" } }],
    accounts: [{ users: { _count: dir } }],
    state: [{ isActive: dir === "asc" ? "desc" : "asc" }],
  };
  return [...primary[key], ...tie];
}

/** The roster as the prefecture searches it: by name or code, zone (any scheme), municipality, kind, state. */
export async function listRoster(viewer: TViewer, filter: TRosterFilter) {
  const zone = filter.zone
    ? await db.zone.findFirst({
        where: { AND: [zoneScope(viewer), { id: filter.zone }] },
        select: { municipalities: { select: { municipalityCode: true } } },
      })
    : null;
  const where: Prisma.InstitutionWhereInput = {
    AND: [
      institutionScope(viewer),
      filter.active === "active" ? { isActive: true } : filter.active === "inactive" ? { isActive: false } : {},
      filter.zone ? { municipalityCode: { in: zone?.municipalities.map((m) => m.municipalityCode) ?? [] } } : {},
      filter.municipality ? { municipalityCode: filter.municipality } : {},
      filter.kind ? { kind: filter.kind } : {},
      filter.q
        ? {
            OR: [
              { name: { contains: filter.q, mode: "insensitive" } },
              { code: { startsWith: filter.q } },
              { contactEmail: { contains: filter.q.toLowerCase() } },
            ],
          }
        : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.institution.count({ where }),
    db.institution.findMany({
      where,
      select: {
        id: true,
        code: true,
        name: true,
        kind: true,
        beds: true,
        phone: true,
        contactEmail: true,
        isActive: true,
        suspendedSince: true,
        suspensionReason: true,
        municipality: { select: { name: true } },
        _count: { select: { users: true } },
      },
      orderBy: rosterOrder({ key: filter.sort, dir: filter.dir }),
      skip: (filter.page - 1) * ROSTER_PAGE_SIZE,
      take: ROSTER_PAGE_SIZE,
    }),
  ]);
  return { total, rows, page: filter.page, pages: Math.max(1, Math.ceil(total / ROSTER_PAGE_SIZE)) };
}

/** One institution with its zones, accounts and reports (each cycle of the prefecture). */
export async function getInstitutionDetail(viewer: TViewer, institutionId: string) {
  const institution = await findInstitution(viewer, institutionId);
  const [zones, accounts, cycles] = await Promise.all([
    db.zone.findMany({
      where: {
        AND: [zoneScope(viewer), { municipalities: { some: { municipalityCode: institution.municipalityCode } } }],
      },
      select: { id: true, name: true, scheme: { select: { name: true } } },
    }),
    db.user.findMany({
      where: { AND: [userScope(viewer), { institutionId: institution.id }] },
      select: { id: true, email: true, name: true, isActive: true, passwordHash: true, lastLoginAt: true },
      orderBy: { email: "asc" },
    }),
    db.reportingCycle.findMany({
      where: { AND: [cycleScope(viewer), { kind: "CLINIC_REPORT" }] },
      select: {
        id: true,
        fiscalYear: true,
        kind: true,
        status: true,
        submissions: {
          where: { AND: [submissionScope(viewer), { institutionId: institution.id }] },
          select: {
            id: true,
            status: true,
            revision: true,
            isAmending: true,
            submittedAt: true,
            updatedAt: true,
            reopenedUntil: true,
          },
        },
      },
      orderBy: { fiscalYear: "desc" },
    }),
  ]);
  return {
    institution,
    zones,
    accounts: accounts.map(({ passwordHash, ...a }) => ({ ...a, hasPassword: passwordHash !== null })),
    cycles: cycles.map(({ submissions, ...c }) => ({ cycle: c, submission: submissions[0] ?? null })),
  };
}
