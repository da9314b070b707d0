// Rows of the authorization matrix for the council records' JSON routes (ADR 0018). Part of
// ROUTE_MATRIX (tests/integration/route-matrix.ts).
import type { TWorld } from "@/tests/factories/world";
import { WORLD_COUNCIL_YEAR, councilRecordParams } from "@/tests/factories/council-records";
import { api, apiCells, type TCells, type TRole, type TRow } from "./route-matrix-kit";

// Writers are the zone's council and the officer of its prefecture; readers and respondents get
// a 403. The world's records (tests/factories/council-records.ts): 丹南 (the council member's
// zone, 合意済), 福井・坂井 (another zone of the prefecture, 合意済), 石川中央 (another prefecture).
// Each route has two rows: own = 丹南 with foreign = 石川中央 (everybody but the administrator
// 404), and foreign = 福井・坂井 (the council 404; the officer, whose prefecture it is, passes).
// Nothing the owners do here changes the world: a PUT sends the values already stored (200), a
// POST an empty form (400), a DELETE meets an agreed record (409, "set it back to 作成中 first").
type TRecordKey = keyof TWorld["councilRecords"];
const recordIds = (key: TRecordKey) => (w: TWorld) => councilRecordParams(w.councilRecords[key]);
const sameValues = {
  record: (w: TWorld) => ({ vision: w.councilRecords.tannan.record.vision, meetings: [], status: "AGREED" }),
  issue: (w: TWorld) => {
    const i = w.councilRecords.tannan.issue;
    const { title, indicatorKeys, causeGovernment, causeMedical, causeCare } = i;
    return { title, indicatorKeys, causeGovernment, causeMedical, causeCare };
  },
  measure: (w: TWorld) => {
    const m = w.councilRecords.tannan.measure;
    return {
      title: m.title,
      issueId: m.issueId ?? "",
      ownerBody: m.ownerBody,
      ownerName: m.ownerName,
      startMonth: m.startMonth ?? "",
      deadlineMonth: m.deadlineMonth ?? "",
      indicatorKey: m.indicatorKey ?? "",
      target: "",
      status: m.status,
      notes: m.notes,
    };
  },
};
const WRITERS: TRole[] = ["council", "prefecture"];
const COUNCIL_RECORD_WRITES: [method: string, path: string, own: number, body?: (w: TWorld) => unknown][] = [
  ["PUT", "[recordId]/route.ts", 200, sameValues.record],
  ["POST", "[recordId]/issues/route.ts", 400],
  ["PUT", "[recordId]/issues/[issueId]/route.ts", 200, sameValues.issue],
  ["DELETE", "[recordId]/issues/[issueId]/route.ts", 409],
  ["POST", "[recordId]/measures/route.ts", 400],
  ["PUT", "[recordId]/measures/[measureId]/route.ts", 200, sameValues.measure],
  ["DELETE", "[recordId]/measures/[measureId]/route.ts", 409],
];
const OTHER_ZONE = "another zone of the prefecture";
/** The second row of a route: 福井・坂井, not the council's zone but in the officer's prefecture. */
const otherZoneRow = (method: string, route: string, foreign: TCells, more: Partial<TRow> = {}): TRow => ({
  route,
  method,
  label: OTHER_ZONE,
  foreign: recordIds("fukuiSakai"),
  expect: { own: {}, foreign },
  ...more,
});
const START = "app/api/v1/council/records/route.ts";
const PDF = "app/api/v1/council/records/[recordId]/pdf/route.ts";
const READERS: TRole[] = ["council", "prefecture", "admin"];
export const COUNCIL_RECORD_ROWS: TRow[] = [
  // Starting a record that exists returns it (200, nothing created).
  api("POST", START, WRITERS, {
    body: (w: TWorld, scope: "own" | "foreign") => ({
      zoneId: scope === "own" ? w.zones.tannan.id : w.zones.kanazawa.id,
      fiscalYear: WORLD_COUNCIL_YEAR,
    }),
    foreign: () => ({}),
  }),
  otherZoneRow(
    "POST",
    START,
    { ...apiCells(WRITERS, 404, 403), prefecture: 200 },
    { foreign: () => ({}), body: (w: TWorld) => ({ zoneId: w.zones.fukuiSakai.id, fiscalYear: WORLD_COUNCIL_YEAR }) },
  ),
  ...COUNCIL_RECORD_WRITES.flatMap(([method, path, own, body]): TRow[] => {
    const route = `app/api/v1/council/records/${path}`;
    return [
      api(method, route, WRITERS, {
        ok: own,
        params: recordIds("tannan"),
        foreign: recordIds("kanazawa"),
        ...(body ? { body } : {}),
      }),
      // With an empty form: the officer's 400 (PUT, POST) is the validation it got to.
      otherZoneRow(method, route, { ...apiCells(WRITERS, 404, 403), prefecture: method === "DELETE" ? 409 : 400 }),
    ];
  }),
  // The record PDF: the administrator reads every prefecture's; a respondent's is a 404.
  api("GET", PDF, READERS, {
    refused: 404,
    params: recordIds("tannan"),
    foreign: recordIds("kanazawa"),
    national: true,
  }),
  otherZoneRow("GET", PDF, { ...apiCells(READERS, 404, 404), prefecture: 200, admin: 200 }),
];
