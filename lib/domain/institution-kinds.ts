// 病院 / 診療所: the two kinds of reporting institution (InstitutionKind in prisma/schema.prisma; a
// test in lib/aggregation checks the two agree). Free of imports, so the pure layers, the PDFs and
// client components all take the labels from here.
export const INSTITUTION_KINDS = ["HOSPITAL", "CLINIC"] as const;
export type TInstitutionKind = (typeof INSTITUTION_KINDS)[number];
export const INSTITUTION_KIND_LABELS: Record<TInstitutionKind, string> = { HOSPITAL: "病院", CLINIC: "診療所" };
