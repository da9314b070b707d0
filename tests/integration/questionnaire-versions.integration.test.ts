import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishVersion, registerDefinition } from "@/lib/services/questionnaire-versions";
import { listQuestionnaireVersions } from "@/lib/data/questionnaires";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { buildDefinition, section } from "@/tests/factories/questionnaire";

let world: TWorld;
beforeAll(async () => {
  world = await buildWorld();
});

const definition = (label: string) =>
  buildDefinition({
    versionKey: "clinic-report-r8-test",
    fiscalYear: 2026,
    sections: [
      section("s", [{ key: "q1", type: "yesno", label, provisional: true, provisionalNote: "見出しから作成" }]),
    ],
  });

describe("questionnaire versions", () => {
  it("an administrator loads a draft, re-loads it changed, then publishes it", async () => {
    const created = await registerDefinition(world.viewers.admin, definition("初版の文言"), { publish: false });
    expect(created).toMatchObject({ outcome: "created", published: false });
    const updated = await registerDefinition(world.viewers.admin, definition("直した文言"), { publish: false });
    expect(updated).toMatchObject({ outcome: "updated", versionId: created.versionId });
    const published = await publishVersion(world.viewers.admin, created.versionId);
    expect(published.published).toBe(true);
    const row = await db.questionnaireVersion.findUniqueOrThrow({ where: { id: created.versionId } });
    expect(row.status).toBe("PUBLISHED");
    expect((row.definition as { sections: { items: { label: string }[] }[] }).sections[0]!.items[0]!.label).toBe(
      "直した文言",
    );
  });

  it("a published version never changes: different content under its key is refused, identical content is a no-op", async () => {
    await expect(
      registerDefinition(world.viewers.admin, definition("後から変更"), { publish: true }),
    ).rejects.toMatchObject({
      code: "VERSION_PUBLISHED",
      message: expect.stringContaining("新しい versionKey"),
    });
    await expect(
      registerDefinition(world.viewers.admin, definition("直した文言"), { publish: true }),
    ).resolves.toMatchObject({
      outcome: "unchanged",
    });
  });

  it("an invalid definition is refused with path-annotated Japanese messages", async () => {
    const error = await registerDefinition(
      world.viewers.admin,
      { ...definition("x"), sections: [] },
      { publish: false },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID_INPUT" });
    expect((error as { fieldErrors: { definition: string[] } }).fieldErrors.definition[0]).toMatch(/^sections/);
  });

  it("lists versions with their provisional items for administrators", async () => {
    const versions = await listQuestionnaireVersions(world.viewers.admin);
    expect(versions.find((v) => v.versionKey === "clinic-report-r8-test")).toMatchObject({
      itemCount: 1,
      provisionalCount: 1,
    });
  });

  it.each<keyof TWorld["viewers"]>(["fukuiPrefecture", "tannanCouncil", "sabaeClinic", "tannanHub"])(
    "%s may neither load, publish nor list versions",
    async (key) => {
      const viewer = world.viewers[key];
      await expect(registerDefinition(viewer, definition("z"), { publish: true })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(listQuestionnaireVersions(viewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    },
  );
});
