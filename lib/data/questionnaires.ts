import "server-only";
import { db } from "@/lib/db";
import { ZQuestionnaireDefinition, allItems, type TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import type { TViewer } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { notFoundError } from "@/lib/errors";

// Published versions never change, so their parsed definitions are cached for the life of the
// process: a draft save validates against a 100+ item definition without re-parsing it.
const publishedCache = new Map<string, TQuestionnaireDefinition>();

/**
 * The definition of a version, parsed at the read boundary (a row written before a format fix
 * cannot flow into validation or aggregation unchecked). Not scoped: definitions are public
 * documents; who may *use* one is decided by the cycle and submission queries.
 */
export async function getDefinition(
  versionId: string,
  /** Inside a transaction pass its client: on the embedded database the outer one would wait for it. */
  client: Pick<typeof db, "questionnaireVersion"> = db,
): Promise<TQuestionnaireDefinition> {
  const cached = publishedCache.get(versionId);
  if (cached) return cached;
  const version = await client.questionnaireVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { definition: true, status: true },
  });
  const definition = ZQuestionnaireDefinition.parse(version.definition);
  if (version.status !== "DRAFT") publishedCache.set(versionId, definition);
  return definition;
}

/** All versions with their usage, for the national administrator. */
export async function listQuestionnaireVersions(viewer: TViewer) {
  assertRole(viewer, "admin");
  const versions = await db.questionnaireVersion.findMany({
    orderBy: [{ kind: "asc" }, { fiscalYear: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      kind: true,
      versionKey: true,
      label: true,
      fiscalYear: true,
      status: true,
      publishedAt: true,
      createdAt: true,
      definitionSha256: true,
      definition: true,
      _count: { select: { cycles: true, submissions: true } },
    },
  });
  return versions.map(({ definition, ...version }) => {
    const parsed = ZQuestionnaireDefinition.safeParse(definition);
    const items = parsed.success ? allItems(parsed.data) : [];
    return {
      ...version,
      itemCount: items.length,
      provisionalCount: items.filter((i) => i.provisional).length,
      ndbCount: items.filter((i) => i.ndbPrefill).length,
    };
  });
}

export async function getQuestionnaireVersion(viewer: TViewer, id: string) {
  assertRole(viewer, "admin");
  const version = await db.questionnaireVersion.findUnique({
    where: { id },
    include: { _count: { select: { cycles: true, submissions: true } } },
  });
  if (!version) throw notFoundError("調査票の版");
  return { ...version, definition: ZQuestionnaireDefinition.parse(version.definition) };
}
