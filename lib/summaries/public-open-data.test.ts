import { describe, expect, it } from "vitest";
import {
  INSTITUTION_COLUMNS,
  OPEN_DATA_FILES,
  OPEN_DATA_TABLES,
  csvCell,
  toCsvTable,
  toRecords,
} from "./public-open-data";

const fn = (has: boolean, mode: "self" | "partner" | "both" | null = null) => ({ has, intent: false, mode });
const row = {
  code: "1810000001",
  name: "さくら内科クリニック",
  kind: "CLINIC" as const,
  municipalityCode: "182079",
  municipalityName: "鯖江市",
  zoneCode: "1803",
  zoneName: "丹南",
  address: "鯖江市本町1-1",
  revision: 2,
  confirmedAt: new Date("2026-03-31T15:30:00Z"),
  areas: ["1", "9"],
  diseases: ["高血圧", "糖尿病"],
  f1: true,
  f2i: false,
  f2ro: false,
  f2ha: true,
  f2ni: false,
  detail: {
    functions: { f1: fn(true), f2i: fn(false), f2ro: fn(false), f2ha: fn(true, "both"), f2ni: fn(false) },
    areaLabels: ["皮膚・形成外科領域", "循環器系領域"],
    answers: [],
    counts: { homeVisitCount: 120 },
  },
};

describe("open data", () => {
  it("one record per row, with typed values, and the same cells in the CSV", () => {
    const [record] = toRecords(INSTITUTION_COLUMNS, [row]);
    expect(record).toMatchObject({
      code: "1810000001",
      kind: "診療所",
      confirmedOn: "2026-04-01",
      f2ha: true,
      f2haMode: "自院及び連携",
      areas: "1|9",
      diseases: "高血圧|糖尿病",
      count_homeVisitCount: 120,
      count_homeEndOfLifeCount: null,
    });
    const csv = toCsvTable(INSTITUTION_COLUMNS, [row]);
    expect(csv.header).toHaveLength(INSTITUTION_COLUMNS.length);
    expect(csv.rows[0]).toEqual(INSTITUTION_COLUMNS.map((c) => csvCell(record![c.key] ?? null)));
  });
  it("keys are unique per table and every table has three files", () => {
    for (const table of Object.values(OPEN_DATA_TABLES)) {
      const keys = table.columns.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(OPEN_DATA_FILES.map((f) => f.file)).toContain("institutions-sjis.csv");
    expect(OPEN_DATA_FILES).toHaveLength(9);
  });
});
