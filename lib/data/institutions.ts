import "server-only";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { notFoundError } from "@/lib/errors";
import { institutionScope } from "./scope";

const institutionSelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  beds: true,
  postalCode: true,
  address: true,
  phone: true,
  contactEmail: true,
  isActive: true,
  prefectureCode: true,
  municipalityCode: true,
  municipality: { select: { name: true } },
} as const;

/** One institution, or NOT_FOUND when it does not exist *or* lies outside the viewer's scope. */
export async function findInstitution(viewer: TViewer, id: string) {
  const institution = await db.institution.findFirst({
    where: { AND: [institutionScope(viewer), { id }] },
    select: institutionSelect,
  });
  if (!institution) throw notFoundError("医療機関");
  return institution;
}

export type TInstitutionFilter = {
  municipalityCodes?: string[];
  kind?: "HOSPITAL" | "CLINIC";
  query?: string;
  includeInactive?: boolean;
  take?: number;
};

export async function listInstitutions(viewer: TViewer, filter: TInstitutionFilter = {}) {
  const query = filter.query?.normalize("NFKC").trim();
  return db.institution.findMany({
    where: {
      AND: [
        institutionScope(viewer),
        filter.includeInactive ? {} : { isActive: true },
        filter.municipalityCodes ? { municipalityCode: { in: filter.municipalityCodes } } : {},
        filter.kind ? { kind: filter.kind } : {},
        query ? { OR: [{ name: { contains: query } }, { code: { startsWith: query } }] } : {},
      ],
    },
    select: institutionSelect,
    orderBy: { code: "asc" },
    take: filter.take ?? 500,
  });
}
