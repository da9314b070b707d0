// Finding 9 (issue 12): downloads of official documents are audited — who, what, which scope —
// and filed under the prefecture whose data they hold.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { actAs, callRoute, requestStore } from "@/tests/support/route-harness";

vi.mock("next/headers", () => ({ cookies: () => requestStore.cookies(), headers: () => requestStore.headers() }));

let world: TWorld;
beforeAll(async () => {
  world = await buildWorld();
});

describe("download audit", () => {
  it("records the council's zone packet PDF under its prefecture, with the zone", async () => {
    await actAs(world.users.tannanCouncil.id);
    const query = `?cycle=${world.cycles.fukuiClinicCycle.id}&zone=${world.zones.tannan.id}`;
    expect(await callRoute("app/api/v1/pdf/packets/zone/route.ts", "GET", {}, query)).toBe(200);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "download.pdf_packet" } });
    expect(event).toMatchObject({
      actorId: world.users.tannanCouncil.id,
      prefectureCode: "18",
      entityType: "document",
    });
    expect(event.after).toMatchObject({ document: "zonePacket", zoneId: world.zones.tannan.id });
    expect(event.summary).toMatch(/^ダウンロード: .+\.pdf$/);
  });

  it("records the officer's summary export with table and format", async () => {
    await actAs(world.users.fukuiPrefecture.id);
    const query = `?cycle=${world.cycles.fukuiClinicCycle.id}&table=zones&format=csv`;
    expect(await callRoute("app/api/v1/summaries/export/route.ts", "GET", {}, query)).toBe(200);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "download.summary_export" } });
    expect(event).toMatchObject({ actorId: world.users.fukuiPrefecture.id, prefectureCode: "18" });
    expect(event.after).toMatchObject({ table: "zones", format: "csv" });
  });

  it("records nothing for a refused download", async () => {
    await actAs(world.users.ishikawaPrefecture.id);
    const query = `?cycle=${world.cycles.fukuiClinicCycle.id}&table=zones&format=csv`;
    expect(await callRoute("app/api/v1/summaries/export/route.ts", "GET", {}, query)).toBe(404);
    expect(await db.auditEvent.count({ where: { actorId: world.users.ishikawaPrefecture.id } })).toBe(0);
  });
});
