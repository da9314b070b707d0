import "server-only";
import { db, type Prisma } from "@/lib/db";
import { foldForSearch, publicFacts } from "@/lib/aggregation/public-row";
import { getDefinition } from "./questionnaires";
import { parseStoredAnswers, parseStoredDerived } from "./json-columns";

// Exactly what a publication run would make public for one cycle (docs/decisions/0017):
// - every CONFIRMED report, from its latest revision (the one the prefecture confirmed);
// - an institution whose 変更報告 awaits review (SUBMITTED after a confirmed one) keeps the row the
//   live run published, until the amendment is confirmed and the next run picks it up;
// - never drafts, returned reports or an institution the prefecture holds back.
// The officer's preview and the run itself call this one function, so the preview is the run.

export type TPublicationRow = Omit<Prisma.PublishedInstitutionCreateManyInput, "runId">;

export type TCollected = { rows: TPublicationRow[]; carriedForward: number; heldBack: number };

type TClient = Pick<
  typeof db,
  "submission" | "publishedInstitution" | "publicationHold" | "zone" | "questionnaireVersion"
>;

/** The public rows of a cycle; `liveRunId` is the run now public (for carried-forward rows). */
export async function collectPublicationRows(
  cycle: { id: string; prefectureCode: string },
  options: { liveRunId: string | null; institutionIds?: string[]; client?: TClient } = { liveRunId: null },
): Promise<TCollected> {
  const client = options.client ?? db;
  const only = options.institutionIds ? { institutionId: { in: options.institutionIds } } : {};
  const [holds, submissions, zones] = await Promise.all([
    client.publicationHold.findMany({
      where: { cycleId: cycle.id, releasedAt: null, ...only },
      select: { institutionId: true },
    }),
    client.submission.findMany({
      where: { cycleId: cycle.id, institutionId: { not: null }, status: { in: ["CONFIRMED", "SUBMITTED"] }, ...only },
      select: {
        institutionId: true,
        status: true,
        revision: true,
        reviewedAt: true,
        questionnaireVersionId: true,
        revisions: { orderBy: { revision: "desc" }, take: 1, select: { answers: true, derived: true } },
        institution: {
          select: {
            code: true,
            name: true,
            kind: true,
            address: true,
            municipalityCode: true,
            municipality: { select: { name: true } },
          },
        },
      },
    }),
    client.zone.findMany({
      where: { scheme: { prefectureCode: cycle.prefectureCode, isDefault: true } },
      select: { code: true, name: true, municipalities: { select: { municipalityCode: true } } },
    }),
  ]);
  const held = new Set(holds.map((h) => h.institutionId));
  const zoneOf = new Map(zones.flatMap((z) => z.municipalities.map((m) => [m.municipalityCode, z] as const)));
  const rows: TPublicationRow[] = [];
  const pendingAmendments: string[] = [];
  let heldBack = 0;
  for (const s of submissions) {
    const institutionId = s.institutionId!;
    if (held.has(institutionId)) {
      if (s.status === "CONFIRMED") heldBack += 1;
      continue;
    }
    if (s.status === "SUBMITTED") {
      if (s.revision > 1) pendingAmendments.push(institutionId);
      continue;
    }
    const revision = s.revisions[0];
    if (!revision) continue;
    const definition = await getDefinition(s.questionnaireVersionId, client);
    const facts = publicFacts(definition, parseStoredAnswers(revision.answers), parseStoredDerived(revision.derived));
    const zone = zoneOf.get(s.institution!.municipalityCode);
    rows.push({
      institutionId,
      prefectureCode: cycle.prefectureCode,
      code: s.institution!.code,
      name: s.institution!.name,
      searchName: foldForSearch(s.institution!.name),
      kind: s.institution!.kind,
      municipalityCode: s.institution!.municipalityCode,
      municipalityName: s.institution!.municipality.name,
      zoneCode: zone?.code ?? null,
      zoneName: zone?.name ?? null,
      address: s.institution!.address,
      revision: s.revision,
      confirmedAt: s.reviewedAt,
      ...facts.flags,
      areas: facts.areas,
      diseases: facts.diseases,
      detail: facts.detail as unknown as Prisma.InputJsonValue,
    });
  }
  const carried =
    options.liveRunId && pendingAmendments.length > 0
      ? await client.publishedInstitution.findMany({
          where: { runId: options.liveRunId, institutionId: { in: pendingAmendments } },
          omit: { runId: true },
        })
      : [];
  for (const row of carried) rows.push({ ...row, detail: row.detail as Prisma.InputJsonValue });
  rows.sort((a, b) => a.code.localeCompare(b.code));
  return { rows, carriedForward: carried.length, heldBack };
}
