import "server-only";
import { db } from "@/lib/db";
import { ZQuestionnaireDefinition, type TQuestionnaireDefinition } from "@/lib/questionnaire/definition";

// Published versions never change, so their parsed definitions are cached for the life of the
// process: a draft save validates against a 100+ item definition without re-parsing it.
const publishedCache = new Map<string, TQuestionnaireDefinition>();

/**
 * The definition of a version, parsed at the read boundary (a row written before a format fix
 * cannot flow into validation or aggregation unchecked). Not scoped: definitions are public
 * documents; who may *use* one is decided by the cycle and submission queries.
 */
export async function getDefinition(versionId: string): Promise<TQuestionnaireDefinition> {
  const cached = publishedCache.get(versionId);
  if (cached) return cached;
  const version = await db.questionnaireVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { definition: true, status: true },
  });
  const definition = ZQuestionnaireDefinition.parse(version.definition);
  if (version.status !== "DRAFT") publishedCache.set(versionId, definition);
  return definition;
}

export async function findVersionByKey(versionKey: string) {
  return db.questionnaireVersion.findUnique({ where: { versionKey } });
}
