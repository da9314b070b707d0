// 圏域 and 人口 imports on a real database: schemes matched by name, zones by code, memberships
// replaced as a set; zones used by hubs or councils are never deleted silently; population per
// municipality; the default scheme — with bad files refused whole and nothing written.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkImport, createImportPreview } from "@/lib/services/import-jobs";
import { setDefaultScheme } from "@/lib/services/zones";
import type { TZonesPreview } from "@/lib/prefecture/import-preview";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { csvFile, textFile, xlsxFile } from "@/tests/fixtures/import/builders";
import { dataFingerprint, importFile } from "@/tests/support/prefecture-ops";

let world: TWorld;
let secondary: string;
let homeCare: string;
const ZONE_HEADER = ["区分名", "圏域コード", "圏域名", "市区町村コード", "市区町村名"];
const POP_HEADER = ["市区町村コード", "市区町村名", "総人口", "65歳以上人口", "75歳以上人口", "出典", "基準年"];
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );

const membership = async (schemeName: string) => {
  const zones = await db.zone.findMany({
    where: { scheme: { prefectureCode: "18", name: schemeName } },
    select: {
      code: true,
      name: true,
      municipalities: { select: { municipalityCode: true }, orderBy: { municipalityCode: "asc" } },
    },
    orderBy: { code: "asc" },
  });
  return zones.map((z) => [z.code, z.name, z.municipalities.map((m) => m.municipalityCode)]);
};

beforeAll(async () => {
  world = await buildWorld();
  secondary = (
    await db.zoneScheme.findFirstOrThrow({ where: { prefectureCode: "18", kind: "SECONDARY_MEDICAL_AREA" } })
  ).name;
  homeCare = (await db.zoneScheme.findFirstOrThrow({ where: { prefectureCode: "18", kind: "HOME_CARE_AREA" } })).name;
});

describe("zones", () => {
  it("creates a new scheme from the file (not the default: one already exists)", async () => {
    const file = csvFile([
      ZONE_HEADER,
      ["保健所圏域", "HC1", "福井保健所管内", "182010", "福井市"],
      ["保健所圏域", "HC1", "福井保健所管内", "182079", "鯖江市"],
      ["保健所圏域", "HC2", "丹南・嶺南", "182095", "越前市"],
      ["保健所圏域", "HC2", "丹南・嶺南", "182028", "敦賀市"],
    ]);
    const { job, preview } = await importFile(world.viewers.fukuiPrefecture, "ZONES", file);
    expect((preview.details as TZonesPreview).counts).toEqual({
      schemesNew: 1,
      zonesNew: 2,
      zonesChanged: 0,
      zonesUnchanged: 0,
      zonesRemoved: 0,
    });
    expect(job.result).toEqual({ created: 2, updated: 0, unchanged: 0, deleted: 0 });
    const scheme = await db.zoneScheme.findFirstOrThrow({ where: { prefectureCode: "18", name: "保健所圏域" } });
    expect(scheme).toMatchObject({ kind: "HEALTH_CENTER_AREA", isDefault: false });
    expect(await membership("保健所圏域")).toEqual([
      ["HC1", "福井保健所管内", ["182010", "182079"]],
      ["HC2", "丹南・嶺南", ["182028", "182095"]],
    ]);
  });

  it("renames, moves municipalities, adds and deletes zones of an existing scheme; keeps a council's zone", async () => {
    const file = csvFile([
      ZONE_HEADER,
      [secondary, "1801", "福井・坂井圏", "182010", ""],
      [secondary, "1803", "丹南", "182079", ""],
      [secondary, "1805", "越前・敦賀", "182095", ""],
      [secondary, "1805", "越前・敦賀", "182028", ""],
    ]);
    const { job, preview } = await importFile(world.viewers.fukuiPrefecture, "ZONES", file);
    const details = preview.details as TZonesPreview;
    expect(details.schemes[0]!.zones.map((z) => [z.code, z.change])).toEqual([
      ["1801", "renamed"],
      ["1803", "members"],
      ["1805", "new"],
    ]);
    expect(details.schemes[0]!.removedZones).toEqual([{ code: "1804", name: "嶺南" }]);
    expect(job.result).toEqual({ created: 1, updated: 2, unchanged: 0, deleted: 1 });
    expect(await membership(secondary)).toEqual([
      ["1801", "福井・坂井圏", ["182010"]],
      ["1803", "丹南", ["182079"]],
      ["1805", "越前・敦賀", ["182028", "182095"]],
    ]);
    // The council member of 丹南 keeps the zone (same id), now with one municipality.
    expect(await db.userZone.count({ where: { zoneId: world.zones.tannan.id } })).toBe(1);
    const events = await db.auditEvent.findMany({
      where: { action: { in: ["zone.update", "zone.create", "zone.delete", "zones.import"] } },
      orderBy: { id: "asc" },
    });
    expect(events.find((e) => e.entityId === world.zones.tannan.id)).toMatchObject({
      before: { municipalityCodes: ["182079", "182095"] },
      after: { municipalityCodes: ["182079"] },
    });
  });

  it("re-importing the same file changes nothing", async () => {
    const before = await dataFingerprint();
    const file = csvFile([
      ZONE_HEADER,
      [secondary, "1801", "福井・坂井圏", "182010", ""],
      [secondary, "1803", "丹南", "182079", ""],
      [secondary, "1805", "越前・敦賀", "182095", ""],
      [secondary, "1805", "越前・敦賀", "182028", ""],
    ]);
    const { job } = await importFile(world.viewers.fukuiPrefecture, "ZONES", file);
    expect(job.result).toEqual({ created: 0, updated: 0, unchanged: 3, deleted: 0 });
    expect({ ...(await dataFingerprint()), auditEvents: "" }).toEqual({ ...before, auditEvents: "" });
  });

  it("lets two zones swap names in one file", async () => {
    const file = csvFile([
      ZONE_HEADER,
      ["保健所圏域", "HC1", "丹南・嶺南", "182010", ""],
      ["保健所圏域", "HC1", "丹南・嶺南", "182079", ""],
      ["保健所圏域", "HC2", "福井保健所管内", "182095", ""],
      ["保健所圏域", "HC2", "福井保健所管内", "182028", ""],
    ]);
    const { job } = await importFile(world.viewers.fukuiPrefecture, "ZONES", file);
    expect(job.status).toBe("SUCCEEDED");
    expect((await membership("保健所圏域")).map((z) => z.slice(0, 2))).toEqual([
      ["HC1", "丹南・嶺南"],
      ["HC2", "福井保健所管内"],
    ]);
  });

  it("refuses to delete a zone a council member, a hub or a council record uses, and writes nothing", async () => {
    const before = await dataFingerprint();
    const withoutCouncilZone = csvFile([ZONE_HEADER, [secondary, "1801", "福井・坂井圏", "182010", ""]]);
    const council = await checkImport(world.viewers.fukuiPrefecture, { kind: "ZONES", file: withoutCouncilZone });
    expect(council.ok).toBe(false);
    expect(council.errors.map((e) => e.message).join("\n")).toMatch(
      /圏域「丹南」（コード 1803）がファイルにありませんが、協議の場のアカウント 1件と協議の場の記録 1件がこの圏域を使っているため削除できません/,
    );
    // 福井・坂井 has a council record and no account: the database would refuse the deletion at apply.
    const withoutRecordZone = csvFile([ZONE_HEADER, [secondary, "1803", "丹南圏", "182079", ""]]);
    const record = await checkImport(world.viewers.fukuiPrefecture, { kind: "ZONES", file: withoutRecordZone });
    expect(record.errors.map((e) => e.message).join("\n")).toMatch(
      /（コード 1801）がファイルにありませんが、協議の場の記録 1件がこの圏域を使っているため削除できません。協議の場の記録がある圏域は、ファイルに残してください。/,
    );

    const withoutHubZone = csvFile([ZONE_HEADER, [homeCare, "H1", "福井在宅", "182010", ""]]);
    const hub = await checkImport(world.viewers.fukuiPrefecture, { kind: "ZONES", file: withoutHubZone });
    expect(hub.errors.map((e) => e.message).join("\n")).toMatch(/拠点「丹南拠点/);
    expect(await dataFingerprint()).toEqual(before);
  });

  it("sets the default scheme (one at a time, audited)", async () => {
    const health = await db.zoneScheme.findFirstOrThrow({ where: { prefectureCode: "18", name: "保健所圏域" } });
    await setDefaultScheme(world.viewers.fukuiPrefecture, health.id);
    const defaults = await db.zoneScheme.findMany({ where: { prefectureCode: "18", isDefault: true } });
    expect(defaults.map((s) => s.id)).toEqual([health.id]);
    expect(
      await db.auditEvent.findFirst({ where: { action: "zone_scheme.set_default", entityId: health.id } }),
    ).toMatchObject({ after: { defaultScheme: "保健所圏域" } });
    // Ishikawa's default is untouched; its officer cannot touch Fukui's.
    expect(await db.zoneScheme.count({ where: { prefectureCode: "17", isDefault: true } })).toBe(1);
    expect(await errorOf(setDefaultScheme(world.viewers.ishikawaPrefecture, health.id))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await errorOf(setDefaultScheme(world.viewers.tannanCouncil, health.id))).toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("population", () => {
  const rows = (overrides: Record<string, (string | number)[]> = {}) => [
    POP_HEADER,
    overrides["182010"] ?? ["182010", "福井市", "257,000", "76,000", "41,000", "住民基本台帳（令和7年1月1日）", "2025"],
    overrides["182079"] ?? ["182079", "鯖江市", "68500", "19000", "9900", "住民基本台帳（令和7年1月1日）", "2025"],
    overrides["182095"] ?? ["182095", "越前市", "80000", "25000", "13200", "住民基本台帳（令和7年1月1日）", "2025"],
    overrides["182028"] ?? ["182028", "敦賀市", "63000", "18500", "9600", "住民基本台帳（令和7年1月1日）", "2025"],
  ];

  it("updates each municipality's figures with their source and year, then re-imports as unchanged", async () => {
    const first = await importFile(world.viewers.fukuiPrefecture, "POPULATION", csvFile(rows(), "shift_jis"));
    expect(first.preview.encoding).toBe("shift_jis");
    expect(first.job.result).toEqual({ created: 0, updated: 4, unchanged: 0 });
    const fukui = await db.municipality.findUniqueOrThrow({ where: { code: "182010" } });
    expect(fukui).toMatchObject({
      populationTotal: 257000,
      population65: 76000,
      population75: 41000,
      populationSource: "住民基本台帳（令和7年1月1日）",
      populationYear: 2025,
    });

    const second = await importFile(
      world.viewers.fukuiPrefecture,
      "POPULATION",
      await xlsxFile(
        rows({ "182079": ["182079", "鯖江市", 68400, 19100, 9950, "住民基本台帳（令和7年1月1日）", 2025] }),
      ),
    );
    expect(second.job.result).toEqual({ created: 0, updated: 1, unchanged: 3 });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "municipality.update_population", entityId: "182079" },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({
      before: { populationTotal: 68500, population65: 19000, population75: 9900 },
      after: { populationTotal: 68400, population65: 19100, population75: 9950 },
    });
  });
});

describe("zones and population: bad files are refused whole", () => {
  const zoneCases: [
    string,
    () => Promise<{ name: string; bytes: Uint8Array }> | { name: string; bytes: Uint8Array },
    RegExp,
  ][] = [
    ["EUC-JP", () => textFile(`${ZONE_HEADER.join(",")}\n二次医療圏,1801,福井,182010,福井市\n`, "euc-jp"), /EUC-JP/],
    [
      "a missing column",
      () =>
        csvFile([
          ["区分名", "圏域名", "市区町村コード"],
          ["二次医療圏", "福井", "182010"],
        ]),
      /必須の列「圏域コード」がありません/,
    ],
    [
      "an extra column",
      () =>
        csvFile([
          [...ZONE_HEADER, "備考"],
          ["二次医療圏", "1801", "福井", "182010", "福井市", "x"],
        ]),
      /取り込めない列があります/,
    ],
    [
      "a municipality twice in a scheme",
      () =>
        csvFile([
          ZONE_HEADER,
          ["二次医療圏", "1801", "福井", "182010", ""],
          ["二次医療圏", "1802", "坂井", "182010", ""],
        ]),
      /重複しています/,
    ],
    ["a bad 市区町村コード", () => csvFile([ZONE_HEADER, ["二次医療圏", "1801", "福井", "182011", ""]]), /検査数字/],
    [
      "an unknown 市区町村コード",
      () => csvFile([ZONE_HEADER, ["二次医療圏", "1801", "福井", "182044", ""]]),
      /登録されている福井県の市区町村にありません/,
    ],
    ["an empty file", () => ({ name: "empty.csv", bytes: new Uint8Array([0xef, 0xbb, 0xbf]) }), /空/],
    ["a 50 MB file", () => ({ name: "big.csv", bytes: new Uint8Array(50 * 1024 * 1024).fill(0x41) }), /上限（20 MB）/],
  ];
  it.each(zoneCases)("zones: %s", async (_label, make, message) => {
    const before = await dataFingerprint();
    const { preview } = await createImportPreview(world.viewers.fukuiPrefecture, { kind: "ZONES", file: await make() });
    expect(preview.ok).toBe(false);
    expect(preview.errors.map((e) => e.message).join("\n")).toMatch(message);
    expect(await dataFingerprint()).toEqual(before);
  });

  const popCases: [
    string,
    () => Promise<{ name: string; bytes: Uint8Array }> | { name: string; bytes: Uint8Array },
    RegExp,
  ][] = [
    [
      "UTF-16",
      () => textFile(`${POP_HEADER.join(",")}\n182010,福井市,1,1,1,x,2025\n`, "utf-16le-bom"),
      /UTF-16|Unicode/,
    ],
    [
      "a missing column",
      () => csvFile([POP_HEADER.slice(0, 6), ["182010", "福井市", "1", "1", "1", "x"]]),
      /必須の列「基準年」がありません/,
    ],
    [
      "duplicate codes",
      () =>
        csvFile([POP_HEADER, ["182010", "", "10", "5", "2", "x", "2025"], ["182010", "", "10", "5", "2", "x", "2025"]]),
      /重複しています/,
    ],
    [
      "75+ above 65+",
      () => csvFile([POP_HEADER, ["182010", "", "10", "5", "6", "x", "2025"]]),
      /75歳以上人口（6）が65歳以上人口（5）を超えています/,
    ],
    [
      "a name that does not match its code",
      () => csvFile([POP_HEADER, ["182010", "鯖江市", "10", "5", "2", "x", "2025"]]),
      /一致しません/,
    ],
    [
      "a formula in .xlsx",
      async () => ({
        name: "p.xlsx",
        bytes: (
          await xlsxFile(
            [POP_HEADER, ["182010", "福井市", 10, 5, 2, "x", 2025]],
            (s) => (s.getCell("C2").value = { formula: "5+5", result: 10 }),
          )
        ).bytes,
      }),
      /数式/,
    ],
  ];
  it.each(popCases)("population: %s", async (_label, make, message) => {
    const before = await dataFingerprint();
    const { preview } = await createImportPreview(world.viewers.fukuiPrefecture, {
      kind: "POPULATION",
      file: await make(),
    });
    expect(preview.ok).toBe(false);
    expect(preview.errors.map((e) => e.message).join("\n")).toMatch(message);
    expect(await dataFingerprint()).toEqual(before);
  });

  it.each(["tannanCouncil", "sabaeClinic", "tannanHub", "admin"] as const)(
    "%s may not import zones or population",
    async (key) => {
      const file = csvFile([POP_HEADER, ["182010", "福井市", "1", "1", "1", "x", "2025"]]);
      expect(await errorOf(createImportPreview(world.viewers[key], { kind: "POPULATION", file }))).toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await errorOf(createImportPreview(world.viewers[key], { kind: "ZONES", file }))).toMatchObject({
        code: "FORBIDDEN",
      });
    },
  );

  it("another prefecture's officer cannot import 福井's municipalities", async () => {
    const preview = await checkImport(world.viewers.ishikawaPrefecture, {
      kind: "POPULATION",
      file: csvFile([POP_HEADER, ["182010", "福井市", "1", "1", "1", "x", "2025"]]),
    });
    expect(preview.ok).toBe(false);
    expect(preview.errors[0]!.message).toMatch(/福井県のコードです。石川県（17）の市区町村コードを入力してください/);
  });
});
