import "server-only";
import { createHash } from "node:crypto";
import { db, type Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { AppError } from "@/lib/errors";
import { auditRow } from "./audit";
import { parseDefinition, type TQuestionnaireDefinition } from "@/lib/questionnaire/definition";

export type TRegisterResult = {
  versionId: string;
  versionKey: string;
  outcome: "created" | "updated" | "unchanged";
  published: boolean;
};

/** SHA-256 of the parsed definition: zod emits keys in schema order, so equal content hashes equal. */
export function definitionSha256(definition: TQuestionnaireDefinition): string {
  return createHash("sha256").update(JSON.stringify(definition)).digest("hex");
}

/**
 * Loads a definition (admin upload, `npm run renkei -- publish-definition`, or the seed) as a
 * version, optionally publishing it. A published version is immutable: loading different
 * content under its versionKey is refused; loading identical content changes nothing.
 * `actor` null means a trusted script (seed, command line).
 */
export async function registerDefinition(
  actor: TViewer | null,
  raw: unknown,
  { publish }: { publish: boolean },
): Promise<TRegisterResult> {
  if (actor) assertRole(actor, "admin");
  const parsed = parseDefinition(raw);
  if (!parsed.ok) {
    throw new AppError("INVALID_INPUT", "調査票の定義に誤りがあります。", { definition: parsed.errors });
  }
  const definition = parsed.definition;
  const sha = definitionSha256(definition);
  if (definition.previous) {
    const previous = await db.questionnaireVersion.findUnique({
      where: { versionKey: definition.previous.versionKey },
    });
    if (!previous) {
      throw new AppError(
        "INVALID_INPUT",
        `前の版「${definition.previous.versionKey}」が登録されていません。先に登録してください。`,
      );
    }
  }

  const existing = await db.questionnaireVersion.findUnique({ where: { versionKey: definition.versionKey } });
  if (existing && existing.status !== "DRAFT" && existing.definitionSha256 !== sha) {
    throw new AppError(
      "VERSION_PUBLISHED",
      `版「${definition.versionKey}」は公開済みのため変更できません。内容を変える場合は新しい versionKey で登録してください。`,
    );
  }
  const willPublish = publish && existing?.status !== "PUBLISHED";
  if (existing && existing.definitionSha256 === sha && !willPublish) {
    return {
      versionId: existing.id,
      versionKey: existing.versionKey,
      outcome: "unchanged",
      published: existing.status === "PUBLISHED",
    };
  }

  const now = new Date();
  const data = {
    kind: definition.kind,
    fiscalYear: definition.fiscalYear,
    label: `${definition.title} ${definition.versionLabel}`,
    definition: definition as unknown as Prisma.InputJsonValue,
    definitionSha256: sha,
    ...(willPublish ? { status: "PUBLISHED" as const, publishedAt: now } : {}),
  };
  const version = await db.$transaction(async (tx) => {
    const saved = existing
      ? await tx.questionnaireVersion.update({ where: { id: existing.id }, data })
      : await tx.questionnaireVersion.create({
          data: { ...data, versionKey: definition.versionKey, createdById: actor?.userId ?? null },
        });
    await tx.auditEvent.createMany({
      data: [
        auditRow(actor, {
          action: willPublish
            ? "questionnaire.publish"
            : existing
              ? "questionnaire.update_draft"
              : "questionnaire.create",
          entityType: "questionnaireVersion",
          entityId: saved.id,
          summary: `${data.label}（${definition.versionKey}）を${willPublish ? "公開" : "下書き登録"}`,
          after: { versionKey: definition.versionKey, sha256: sha, status: saved.status },
        }),
      ],
    });
    return saved;
  });
  return {
    versionId: version.id,
    versionKey: version.versionKey,
    outcome: existing ? "updated" : "created",
    published: version.status === "PUBLISHED",
  };
}

/** Publishes a draft version as it stands (the administrator previewed it). */
export async function publishVersion(actor: TViewer, versionId: string): Promise<TRegisterResult> {
  assertRole(actor, "admin");
  const version = await db.questionnaireVersion.findUnique({ where: { id: versionId } });
  if (!version) throw new AppError("NOT_FOUND", "調査票の版が見つかりません。");
  return registerDefinition(actor, version.definition, { publish: true });
}
