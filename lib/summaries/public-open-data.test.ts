import { describe, expect, it } from "vitest";
import {
  COUNCIL_COLUMNS,
  INSTITUTION_COLUMNS,
  OPEN_DATA_FILES,
  OPEN_DATA_TABLES,
  councilTableRows,
  csvCell,
  toCsvTable,
  toRecords,
} from "./public-open-data";
import type { TCouncilRecordSource } from "./council-record";

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
    expect(OPEN_DATA_FILES.map((f) => f.file)).toEqual(
      expect.arrayContaining(["councils.csv", "councils-sjis.csv", "councils.json"]),
    );
    expect(OPEN_DATA_FILES).toHaveLength(12);
  });
});

const record: TCouncilRecordSource = {
  id: "r1",
  prefectureCode: "18",
  fiscalYear: 2024,
  zone: { id: "z1", code: "1803", name: "丹南", schemeName: "二次医療圏" },
  vision: "住み慣れた地域で最期まで過ごせる",
  meetings: [
    { date: "2024-07-10", agenda: "現状の共有", attendees: [{ body: "MUNICIPALITY", count: 3, names: "" }] },
    { date: "2024-11-20", agenda: "対応策の決定", attendees: [{ body: "MEDICAL_ASSOCIATION", count: 2, names: "" }] },
    { date: "2025-02-05", agenda: "", attendees: [] },
  ],
  status: "PUBLISHED",
  agreedAt: "2024-11-20T06:00:00.000Z",
  publishedAt: "2024-12-01T15:30:00.000Z",
  updatedAt: "2024-12-01T15:30:00.000Z",
  issues: [
    {
      id: "i1",
      title: "在宅医療を担う診療所が少ない",
      indicatorKeys: ["f2ha.has"],
      indicatorLabels: ["2号(ハ) 在宅医療の提供 有り"],
      causeGovernment: "",
      causeMedical: "夜間の往診の負担",
      causeCare: "訪問看護との連絡が少ない",
    },
    {
      id: "i2",
      title: "対応策をまだ決めていない課題",
      indicatorKeys: [],
      indicatorLabels: [],
      causeGovernment: "",
      causeMedical: "",
      causeCare: "",
    },
  ],
  measures: [
    {
      id: "m1",
      issueId: "i1",
      title: "訪問診療の同行研修",
      ownerBody: "MEDICAL_ASSOCIATION",
      ownerName: "丹生郡医師会",
      startMonth: "2025-04",
      deadlineMonth: "2026-03",
      indicatorKey: "f2ha.has",
      indicator: { label: "2号(ハ) 在宅医療の提供 有り", unit: "share" },
      baseline: { unit: "share", count: 8, denominator: 19, base: 19, value: 8 / 19, fiscalYear: 2024 },
      baselineFrozenAt: "2024-11-20T06:00:00.000Z",
      targetValue: 0.5,
      status: "IN_PROGRESS",
      notes: "内部のメモ",
    },
    {
      id: "m2",
      issueId: null,
      title: "住民向けの講演会",
      ownerBody: "MUNICIPALITY",
      ownerName: "",
      startMonth: null,
      deadlineMonth: null,
      indicatorKey: null,
      indicator: null,
      baseline: null,
      baselineFrozenAt: null,
      targetValue: null,
      status: "PLANNED",
      notes: "",
    },
  ],
};

describe("council results (councils table)", () => {
  it("one row per measure in the ①–⑤ order, a 課題 without measures and a measure without 課題 on rows of their own", () => {
    const records = toRecords(COUNCIL_COLUMNS, councilTableRows([record]));
    expect(records.map((r) => [r.issue, r.measure])).toEqual([
      ["在宅医療を担う診療所が少ない", "訪問診療の同行研修"],
      ["対応策をまだ決めていない課題", null],
      [null, "住民向けの講演会"],
    ]);
    expect(records[0]).toEqual({
      zoneCode: "1803",
      zoneName: "丹南",
      zoneScheme: "二次医療圏",
      fiscalYear: 2024,
      fiscalYearName: "令和6年度",
      publishedOn: "2024-12-02",
      meetingDates: "2024-07-10|2024-11-20|2025-02-05",
      meetings:
        "2024年7月10日　出席: 市町村 3名　議題: 現状の共有|2024年11月20日　出席: 郡市医師会 2名　議題: 対応策の決定|2025年2月5日",
      vision: "住み慣れた地域で最期まで過ごせる",
      issue: "在宅医療を担う診療所が少ない",
      issueIndicators: "2号(ハ) 在宅医療の提供 有り",
      causeGovernment: "",
      causeMedical: "夜間の往診の負担",
      causeCare: "訪問看護との連絡が少ない",
      measure: "訪問診療の同行研修",
      ownerBody: "郡市医師会",
      ownerName: "丹生郡医師会",
      startMonth: "2025-04",
      deadlineMonth: "2026-03",
      indicatorKey: "f2ha.has",
      indicator: "2号(ハ) 在宅医療の提供 有り",
      baseline: "42.1%（8/19） 令和6年度",
      baselineValue: 42.1,
      target: "50.0%",
      targetValue: 50,
      status: "実施中",
    });
    expect(records[2]).toMatchObject({
      ownerBody: "市町村",
      ownerName: null,
      baseline: null,
      target: null,
      status: "未着手",
    });
    // Notes (備考) through the year are not published; no "—" placeholder (none in Shift_JIS).
    expect(JSON.stringify(records)).not.toContain("内部のメモ");
    expect(JSON.stringify(records)).not.toContain("—");
    const csv = toCsvTable(COUNCIL_COLUMNS, councilTableRows([record]));
    expect(csv.header.slice(0, 8)).toEqual([
      "圏域コード",
      "圏域名",
      "圏域区分",
      "年度",
      "年度（和暦）",
      "公表日",
      "① 開催日",
      "① 協議の場の開催状況",
    ]);
    expect(csv.rows[1]).toEqual(COUNCIL_COLUMNS.map((c) => csvCell(records[1]![c.key] ?? null)));
  });

  it("a record with neither 課題 nor measure still has its row (meetings, 目指す姿, 公表日); records follow each other", () => {
    const bare = {
      ...record,
      id: "r2",
      zone: { ...record.zone, code: "1801", name: "福井・坂井" },
      issues: [],
      measures: [],
    };
    const rows = toRecords(COUNCIL_COLUMNS, councilTableRows([bare, record]));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ zoneCode: "1801", issue: null, measure: null, publishedOn: "2024-12-02" });
    expect(rows.slice(1).every((r) => r.zoneCode === "1803")).toBe(true);
  });
});
