import "server-only";
import type { Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";

/**
 * Authorization, expressed once. Every read in lib/data is built from one of these `where`
 * fragments, so a query can only ever match rows the viewer may see. Changing this file changes
 * who sees what: review it with the role-access integration tests (tests/integration/scope).
 *
 * Rules (docs/decisions/0002-auth-and-scoping.md):
 * - institution: its own institution and its own submissions only.
 * - hub: its own hub and its own submissions only.
 * - prefecture: everything whose prefecture is its own.
 * - council: institutions/hubs located in the municipalities of its zones, and their
 *   *submitted* reports (never drafts); nothing else of the prefecture.
 * - admin: everything (national), read-mostly.
 *
 * A fragment that matches nothing is `{ id: { in: [] } }`-style, never "no filter".
 */

const NOTHING = { in: [] as string[] };

export function institutionScope(viewer: TViewer): Prisma.InstitutionWhereInput {
  switch (viewer.role) {
    case "institution":
      return { id: viewer.institutionId };
    case "hub":
      return { id: NOTHING };
    case "prefecture":
      return { prefectureCode: viewer.prefectureCode };
    case "council":
      return { prefectureCode: viewer.prefectureCode, municipalityCode: { in: viewer.municipalityCodes } };
    case "admin":
      return {};
  }
}

/**
 * The public directory of institutions (医療機関コード, name, municipality — what 地方厚生局 lists
 * publish), used to pick partner institutions. Respondents search their own prefecture;
 * never contact details or answers.
 */
export function directoryScope(viewer: TViewer): Prisma.InstitutionWhereInput {
  switch (viewer.role) {
    case "institution":
    case "hub":
    case "council":
    case "prefecture":
      return { prefectureCode: viewer.prefectureCode, isActive: true };
    case "admin":
      return { isActive: true };
  }
}

export function hubScope(viewer: TViewer): Prisma.HubWhereInput {
  switch (viewer.role) {
    case "institution":
      return { id: NOTHING };
    case "hub":
      return { id: viewer.hubId };
    case "prefecture":
      return { prefectureCode: viewer.prefectureCode };
    case "council":
      // A hub is the council's business when its zone overlaps the council's municipalities
      // (hub zones may come from another scheme than the council's zones).
      return {
        prefectureCode: viewer.prefectureCode,
        zone: { municipalities: { some: { municipalityCode: { in: viewer.municipalityCodes } } } },
      };
    case "admin":
      return {};
  }
}

export function municipalityScope(viewer: TViewer): Prisma.MunicipalityWhereInput {
  switch (viewer.role) {
    case "institution":
    case "hub":
    case "prefecture":
      return { prefectureCode: viewer.prefectureCode };
    case "council":
      return { code: { in: viewer.municipalityCodes } };
    case "admin":
      return {};
  }
}

export function zoneScope(viewer: TViewer): Prisma.ZoneWhereInput {
  switch (viewer.role) {
    case "institution":
    case "hub":
    case "prefecture":
      return { scheme: { prefectureCode: viewer.prefectureCode } };
    case "council":
      return { id: { in: viewer.zoneIds } };
    case "admin":
      return {};
  }
}

export function cycleScope(viewer: TViewer): Prisma.ReportingCycleWhereInput {
  switch (viewer.role) {
    case "institution":
      return { prefectureCode: viewer.prefectureCode, kind: "CLINIC_REPORT" };
    case "hub":
      return { prefectureCode: viewer.prefectureCode, kind: "HUB_SELF_ASSESSMENT" };
    case "prefecture":
    case "council":
      return { prefectureCode: viewer.prefectureCode };
    case "admin":
      return {};
  }
}

/** Submissions whose existence and status the viewer may see. */
export function submissionScope(viewer: TViewer): Prisma.SubmissionWhereInput {
  switch (viewer.role) {
    case "institution":
      return { institutionId: viewer.institutionId };
    case "hub":
      return { hubId: viewer.hubId };
    case "prefecture":
      return { prefectureCode: viewer.prefectureCode };
    case "council":
      return {
        prefectureCode: viewer.prefectureCode,
        revision: { gt: 0 },
        OR: [{ institution: { municipalityCode: { in: viewer.municipalityCodes } } }, { hub: hubScope(viewer) }],
      };
    case "admin":
      return {};
  }
}

export function userScope(viewer: TViewer): Prisma.UserWhereInput {
  switch (viewer.role) {
    case "institution":
    case "hub":
    case "council":
      return viewer.userId ? { id: viewer.userId } : { id: NOTHING };
    case "prefecture":
      return {
        OR: [
          { prefectureCode: viewer.prefectureCode },
          { institution: { prefectureCode: viewer.prefectureCode } },
          { hub: { prefectureCode: viewer.prefectureCode } },
        ],
      };
    case "admin":
      return {};
  }
}

export function auditScope(viewer: TViewer): Prisma.AuditEventWhereInput {
  switch (viewer.role) {
    case "prefecture":
      return { prefectureCode: viewer.prefectureCode };
    case "admin":
      return {};
    default:
      return viewer.userId ? { actorId: viewer.userId } : { id: { in: [] } };
  }
}

/** The prefecture a viewer works in, or null for the national administrator. */
export function viewerPrefecture(viewer: TViewer): string | null {
  return viewer.role === "admin" ? null : viewer.prefectureCode;
}

// --- council-loop ---
/**
 * Council records (協議の場の記録): a council member its own zones', the officer its prefecture's,
 * the administrator all (read only). Respondents see none.
 */
export function councilRecordScope(viewer: TViewer): Prisma.CouncilRecordWhereInput {
  switch (viewer.role) {
    case "institution":
    case "hub":
      return { id: NOTHING };
    case "prefecture":
      return { prefectureCode: viewer.prefectureCode };
    case "council":
      return { prefectureCode: viewer.prefectureCode, zoneId: { in: viewer.zoneIds } };
    case "admin":
      return {};
  }
}
