// Every role reads and writes only within its scope — and the attempts that must fail, fail.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findInstitution, listInstitutions } from "@/lib/data/institutions";
import { updateInstitutionContact } from "@/lib/services/institutions";
import { listVisibleZones } from "@/lib/data/overview";
import { listAuditEvents } from "@/lib/data/audit-log";
import { hubScope, submissionScope, userScope } from "@/lib/data/scope";
import { loadViewer } from "@/lib/auth/viewer";
import type { TViewer } from "@/lib/auth/viewer-types";
import { buildWorld, type TWorld } from "@/tests/factories/world";

let world: TWorld;
beforeAll(async () => {
  world = await buildWorld();
});

type TViewerKey = keyof TWorld["viewers"];
type TInstitutionKey = keyof TWorld["institutions"];

const code = (error: unknown) => (error as { code?: string }).code;

describe("institutions: who may read which", () => {
  const expectations: [TViewerKey, TInstitutionKey[]][] = [
    ["sabaeClinic", ["sabaeClinic"]],
    ["kanazawaClinic", ["kanazawaClinic"]],
    ["tannanHub", []],
    ["fukuiPrefecture", ["sabaeClinic", "echizenHospital", "fukuiClinic", "tsurugaClinic"]],
    ["ishikawaPrefecture", ["kanazawaClinic"]],
    ["tannanCouncil", ["sabaeClinic", "echizenHospital"]],
    ["admin", ["sabaeClinic", "echizenHospital", "fukuiClinic", "tsurugaClinic", "kanazawaClinic"]],
  ];

  it.each(expectations)("%s lists exactly its institutions", async (viewerKey, visible) => {
    const rows = await listInstitutions(world.viewers[viewerKey]);
    expect(rows.map((r) => r.id).sort()).toEqual(visible.map((k) => world.institutions[k].id).sort());
  });

  it.each(expectations)("%s cannot open an institution outside its scope by id", async (viewerKey, visible) => {
    const viewer = world.viewers[viewerKey];
    for (const key of Object.keys(world.institutions) as TInstitutionKey[]) {
      const attempt = findInstitution(viewer, world.institutions[key].id);
      if (visible.includes(key)) await expect(attempt).resolves.toMatchObject({ id: world.institutions[key].id });
      else await expect(attempt).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("searches by name or code only within scope", async () => {
    const bySabae = await listInstitutions(world.viewers.fukuiPrefecture, { query: "金沢クリニック" });
    expect(bySabae).toHaveLength(0);
    const byCode = await listInstitutions(world.viewers.fukuiPrefecture, {
      query: world.institutions.sabaeClinic.code,
    });
    expect(byCode.map((r) => r.id)).toEqual([world.institutions.sabaeClinic.id]);
  });
});

describe("institutions: who may change contact details", () => {
  const contact = { phone: "0778-11-2222", contactEmail: "New@Example.jp" };

  it("the institution changes its own", async () => {
    const updated = await updateInstitutionContact(
      world.viewers.sabaeClinic,
      world.institutions.sabaeClinic.id,
      contact,
    );
    expect(updated.contactEmail).toBe("new@example.jp");
  });

  it("the institution cannot change another one (even in its own prefecture)", async () => {
    await expect(
      updateInstitutionContact(world.viewers.sabaeClinic, world.institutions.fukuiClinic.id, contact),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const untouched = await db.institution.findUniqueOrThrow({ where: { id: world.institutions.fukuiClinic.id } });
    expect(untouched.phone).toBeNull();
  });

  it("the prefecture changes institutions in its prefecture only", async () => {
    await expect(
      updateInstitutionContact(world.viewers.fukuiPrefecture, world.institutions.tsurugaClinic.id, contact),
    ).resolves.toMatchObject({ phone: "0778-11-2222" });
    await expect(
      updateInstitutionContact(world.viewers.fukuiPrefecture, world.institutions.kanazawaClinic.id, contact),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it.each<TViewerKey>(["tannanCouncil", "tannanHub", "admin"])(
    "%s may not change contact details at all",
    async (key) => {
      await expect(
        updateInstitutionContact(world.viewers[key], world.institutions.sabaeClinic.id, contact),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    },
  );

  it("bad input gets Japanese field messages and changes nothing", async () => {
    const error = await updateInstitutionContact(world.viewers.sabaeClinic, world.institutions.sabaeClinic.id, {
      phone: "abc",
      contactEmail: "not-an-email",
    }).catch((e: unknown) => e);
    expect(code(error)).toBe("INVALID_INPUT");
    expect((error as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      phone: ["電話番号は数字とハイフンで入力してください。"],
      contactEmail: ["メールアドレスの形式が正しくありません。"],
    });
  });
});

describe("zones, hubs, submissions and users", () => {
  it("a council sees only its zones", async () => {
    const zones = await listVisibleZones(world.viewers.tannanCouncil);
    expect(zones.map((z) => z.id)).toEqual([world.zones.tannan.id]);
  });

  it("a prefecture sees its own zones of every scheme, not the neighbour's", async () => {
    const ids = (await listVisibleZones(world.viewers.fukuiPrefecture)).map((z) => z.id);
    expect(ids).toContain(world.zones.homeTannan.id);
    expect(ids).not.toContain(world.zones.kanazawa.id);
  });

  it.each<[TViewerKey, ("tannanHub" | "fukuiHub" | "kanazawaHub")[]]>([
    ["tannanHub", ["tannanHub"]],
    ["sabaeClinic", []],
    ["tannanCouncil", ["tannanHub"]],
    ["fukuiPrefecture", ["tannanHub", "fukuiHub"]],
    ["admin", ["tannanHub", "fukuiHub", "kanazawaHub"]],
  ])("%s sees hubs %j", async (key, hubs) => {
    const rows = await db.hub.findMany({ where: hubScope(world.viewers[key]), select: { id: true } });
    expect(rows.map((r) => r.id).sort()).toEqual(hubs.map((h) => world.hubs[h].id).sort());
  });

  it.each<[TViewerKey, (keyof TWorld["submissions"])[]]>([
    ["sabaeClinic", ["sabaeSubmission"]],
    ["kanazawaClinic", ["kanazawaSubmission"]],
    ["tannanHub", ["tannanHubSubmission"]],
    ["fukuiPrefecture", ["sabaeSubmission", "sabaeDraftNeighbour", "fukuiSubmission", "tannanHubSubmission"]],
    // Councils see submitted reports of their zones, never drafts, never other zones.
    ["tannanCouncil", ["sabaeSubmission", "tannanHubSubmission"]],
    [
      "admin",
      ["sabaeSubmission", "sabaeDraftNeighbour", "fukuiSubmission", "kanazawaSubmission", "tannanHubSubmission"],
    ],
  ])("%s sees submissions %j", async (key, expected) => {
    const rows = await db.submission.findMany({ where: submissionScope(world.viewers[key]), select: { id: true } });
    expect(rows.map((r) => r.id).sort()).toEqual(expected.map((s) => world.submissions[s].id).sort());
  });

  it("a prefecture lists users of its prefecture (officers, institutions, hubs) only", async () => {
    const rows = await db.user.findMany({ where: userScope(world.viewers.fukuiPrefecture), select: { id: true } });
    const ids = rows.map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        world.users.sabaeClinic.id,
        world.users.tannanHub.id,
        world.users.fukuiPrefecture.id,
        world.users.tannanCouncil.id,
      ]),
    );
    expect(ids).not.toContain(world.users.kanazawaClinic.id);
    expect(ids).not.toContain(world.users.ishikawaPrefecture.id);
    expect(ids).not.toContain(world.users.admin.id);
  });
});

describe("audit log", () => {
  it("records changes with before/after, visible to the prefecture of the change only", async () => {
    const fukui = await listAuditEvents(world.viewers.fukuiPrefecture, { action: "institution.update_contact" });
    expect(fukui.length).toBeGreaterThanOrEqual(2);
    const event = fukui.find((e) => e.entityId === world.institutions.tsurugaClinic.id)!;
    expect(event.before).toEqual({ phone: null, contactEmail: "敦賀クリニック@example.jp" });
    expect(event.after).toEqual({ phone: "0778-11-2222", contactEmail: "new@example.jp" });
    const ishikawa = await listAuditEvents(world.viewers.ishikawaPrefecture, { action: "institution.update_contact" });
    expect(ishikawa).toHaveLength(0);
  });

  it("a respondent sees only its own actions", async () => {
    const own = await listAuditEvents(world.viewers.sabaeClinic);
    expect(own.every((e) => e.actorId === world.users.sabaeClinic.id)).toBe(true);
  });
});

describe("viewers are re-read from the database", () => {
  it("resolves a council's municipalities from its zones", () => {
    const council = world.viewers.tannanCouncil as Extract<TViewer, { role: "council" }>;
    expect(council.municipalityCodes).toEqual(["182079", "182095"]);
  });

  it("a deactivated account or a bumped session version has no viewer", async () => {
    const user = world.users.kanazawaClinic;
    expect(await loadViewer(user.id, 0)).not.toBeNull();
    expect(await loadViewer(user.id, 1)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await loadViewer(user.id)).toBeNull();
  });
});
