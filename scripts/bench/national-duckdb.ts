// The reference for the national benchmark: the same dashboard figures computed by DuckDB (an
// in-process columnar engine, dev dependency of the benchmark only, no extensions) straight from
// raw rows — institutions, the latest submitted revision of every clinic report, municipalities
// and zones — exported from our database. Comparing our pre-aggregated path with a fast
// per-request scan of raw rows says how much the counters buy, and checking that DuckDB's figures
// equal the dashboard's is an independent check of the counters themselves.
import { DuckDBInstance, LIST, VARCHAR, listValue, type DuckDBConnection } from "@duckdb/node-api";
import { PRIMARY_CARE_AREAS, PRIMARY_FUNCTION_KEY, SECONDARY_FUNCTION_KEYS } from "@/lib/aggregation/clinic-tags";
import { RESPONSE_STATUSES } from "@/lib/aggregation/status";
import type { TClinicSummary } from "@/lib/aggregation";

export const FUNCTION_KEYS = [PRIMARY_FUNCTION_KEY, ...SECONDARY_FUNCTION_KEYS] as const;
export const AREA_CODES = PRIMARY_CARE_AREAS.map((a) => a.code);
const MODES = ["self", "partner", "both", "unknown"] as const;

/** The figures compared: respondents by status, reports counted, functions by mode, the 17 areas. */
export type TFigures = Record<string, number>;

export function figuresOfSummary(summary: TClinicSummary): TFigures {
  const out: TFigures = { respondents: summary.status.respondents, n: summary.n };
  for (const status of RESPONSE_STATUSES) out[`status.${status}`] = summary.status.byStatus[status];
  for (const key of FUNCTION_KEYS) {
    const f = summary.functions.find((x) => x.key === key);
    out[`${key}.has`] = f?.has.count ?? 0;
    for (const mode of MODES) out[`${key}.${mode}`] = f?.modes[mode].overN.count ?? 0;
  }
  for (const code of AREA_CODES)
    out[`area.${code}`] = summary.areas.areas.find((a) => a.code === code)?.offered.count ?? 0;
  if (summary.population.age65 !== null) out["population65"] = summary.population.age65;
  return out;
}

/** Differences between two figure sets (keys present on both sides; population only when both know it). */
export function diffFigures(label: string, ours: TFigures | undefined, theirs: TFigures | undefined): string[] {
  if (!ours || !theirs) return [`${label}: ${ours ? "DuckDB" : "dashboard"} has no row`];
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
  const out: string[] = [];
  for (const key of keys) {
    if (key === "population65" && (ours[key] === undefined || theirs[key] === undefined)) continue;
    if ((ours[key] ?? 0) !== (theirs[key] ?? 0))
      out.push(`${label} ${key}: dashboard ${ours[key] ?? 0} ≠ DuckDB ${theirs[key] ?? 0}`);
  }
  return out;
}

export type TRawRows = {
  institutions: { id: string; pref: string; muni: string; kind: string; active: boolean }[];
  submissions: ({
    institutionId: string;
    cycleId: string;
    status: string;
    revision: number;
    areas: string[] | null;
  } & Record<string, unknown>)[];
  cycles: { id: string; pref: string; fy: number }[];
  municipalities: { code: string; pref: string; pop65: number | null }[];
  zoneMembers: { zoneId: string; schemeId: string; muni: string }[];
};

/** Reads the raw rows from our database (PostgreSQL dialect, embedded or not). */
export async function exportRawRows(): Promise<TRawRows> {
  const { db, Prisma } = await import("@/lib/db");
  const { getDefinition } = await import("@/lib/data/questionnaires");
  const { findItemByTag } = await import("@/lib/questionnaire/definition");
  const { PRIMARY_CARE_AREAS_TAG } = await import("@/lib/aggregation/clinic-tags");
  const cycles = await db.$queryRaw<{ id: string; pref: string; fy: number; versionId: string }[]>`
    SELECT "id", "prefectureCode" AS pref, "fiscalYear" AS fy, "questionnaireVersionId" AS "versionId"
    FROM "ReportingCycle" WHERE "kind" = 'CLINIC_REPORT'`;
  // The 17 areas item has another key in each definition version: look it up by tag, as the counters do.
  const areaKeys: Record<string, string> = {};
  for (const versionId of new Set(cycles.map((c) => c.versionId))) {
    const item = findItemByTag(await getDefinition(versionId), PRIMARY_CARE_AREAS_TAG);
    if (item) areaKeys[versionId] = item.key;
  }
  const functionColumns = FUNCTION_KEYS.map(
    (key) => Prisma.sql`(r."derived"->'functions'->${key}->>'has')::boolean AS ${Prisma.raw(`"${key}_has"`)},
      r."derived"->'functions'->${key}->>'mode' AS ${Prisma.raw(`"${key}_mode"`)}`,
  );
  const submissions = await db.$queryRaw<TRawRows["submissions"]>`
    SELECT s."institutionId", s."cycleId", s."status"::text AS status, s."revision",
      ${Prisma.join(functionColumns)},
      CASE WHEN r."id" IS NULL THEN NULL ELSE ARRAY(
        SELECT jsonb_array_elements_text(
          CASE WHEN jsonb_typeof(r."answers" -> (${JSON.stringify(areaKeys)}::jsonb ->> s."questionnaireVersionId")) = 'array'
            THEN r."answers" -> (${JSON.stringify(areaKeys)}::jsonb ->> s."questionnaireVersionId") ELSE '[]'::jsonb END)
      ) END AS areas
    FROM "Submission" s
    JOIN "ReportingCycle" c ON c."id" = s."cycleId" AND c."kind" = 'CLINIC_REPORT'
    LEFT JOIN "SubmissionRevision" r ON r."submissionId" = s."id" AND r."revision" = s."revision"
    WHERE s."institutionId" IS NOT NULL`;
  const institutions = await db.$queryRaw<TRawRows["institutions"]>`
    SELECT "id", "prefectureCode" AS pref, "municipalityCode" AS muni, "kind"::text AS kind, "isActive" AS active FROM "Institution"`;
  const municipalities = await db.$queryRaw<TRawRows["municipalities"]>`
    SELECT "code", "prefectureCode" AS pref, "population65" AS pop65 FROM "Municipality"`;
  const zoneMembers = await db.$queryRaw<TRawRows["zoneMembers"]>`
    SELECT "zoneId", "schemeId", "municipalityCode" AS muni FROM "ZoneMunicipality"`;
  return {
    institutions,
    submissions,
    cycles: cycles.map(({ id, pref, fy }) => ({ id, pref, fy })),
    municipalities,
    zoneMembers,
  };
}

export type TDuck = { connection: DuckDBConnection; close: () => void };

/** Loads the raw rows into an in-memory DuckDB with its appender (no extensions are loaded). */
export async function loadDuckDb(rows: TRawRows): Promise<TDuck> {
  const instance = await DuckDBInstance.create(":memory:", {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
  });
  const connection = await instance.connect();
  const fnColumns = FUNCTION_KEYS.map((k) => `${k}_has BOOLEAN, ${k}_mode VARCHAR`).join(", ");
  await connection.run(`
    CREATE TABLE inst (id VARCHAR, pref VARCHAR, muni VARCHAR, kind VARCHAR, active BOOLEAN);
    CREATE TABLE sub (institution_id VARCHAR, cycle_id VARCHAR, status VARCHAR, revision INTEGER, ${fnColumns}, areas VARCHAR[]);
    CREATE TABLE cyc (id VARCHAR, pref VARCHAR, fy INTEGER);
    CREATE TABLE muni (code VARCHAR, pref VARCHAR, pop65 INTEGER);
    CREATE TABLE zone_member (zone_id VARCHAR, scheme_id VARCHAR, muni VARCHAR);`);
  const append = async <T>(
    table: string,
    items: readonly T[],
    write: (a: Awaited<ReturnType<DuckDBConnection["createAppender"]>>, item: T) => void,
  ) => {
    const appender = await connection.createAppender(table);
    for (const item of items) {
      write(appender, item);
      appender.endRow();
    }
    appender.closeSync();
  };
  const text = (a: Awaited<ReturnType<DuckDBConnection["createAppender"]>>, v: unknown) =>
    v === null || v === undefined ? a.appendNull() : a.appendVarchar(String(v));
  await append("inst", rows.institutions, (a, r) => {
    a.appendVarchar(r.id);
    a.appendVarchar(r.pref);
    a.appendVarchar(r.muni);
    a.appendVarchar(r.kind);
    a.appendBoolean(r.active);
  });
  const listType = LIST(VARCHAR);
  await append("sub", rows.submissions, (a, r) => {
    a.appendVarchar(r.institutionId);
    a.appendVarchar(r.cycleId);
    a.appendVarchar(r.status);
    a.appendInteger(r.revision);
    for (const key of FUNCTION_KEYS) {
      const has = r[`${key}_has`];
      if (has === null || has === undefined) a.appendNull();
      else a.appendBoolean(Boolean(has));
      text(a, r[`${key}_mode`]);
    }
    if (r.areas === null) a.appendNull();
    else a.appendList(listValue(r.areas), listType);
  });
  await append("cyc", rows.cycles, (a, r) => {
    a.appendVarchar(r.id);
    a.appendVarchar(r.pref);
    a.appendInteger(r.fy);
  });
  await append("muni", rows.municipalities, (a, r) => {
    a.appendVarchar(r.code);
    a.appendVarchar(r.pref);
    if (r.pop65 === null) a.appendNull();
    else a.appendInteger(r.pop65);
  });
  await append("zone_member", rows.zoneMembers, (a, r) => {
    a.appendVarchar(r.zoneId);
    a.appendVarchar(r.schemeId);
    a.appendVarchar(r.muni);
  });
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** The aggregate columns: one filtered count per figure (DuckDB evaluates them in one pass). */
function measures(): string {
  const parts = [
    "count(*) AS respondents",
    ...RESPONSE_STATUSES.map((s) => `count(*) FILTER (WHERE status = '${s}') AS "status.${s}"`),
    "count(*) FILTER (WHERE counted) AS n",
  ];
  for (const key of FUNCTION_KEYS) {
    parts.push(`count(*) FILTER (WHERE counted AND ${key}_has) AS "${key}.has"`);
    for (const mode of MODES) {
      const condition = mode === "unknown" ? `${key}_mode IS NULL` : `${key}_mode = '${mode}'`;
      parts.push(`count(*) FILTER (WHERE counted AND ${key}_has AND ${condition}) AS "${key}.${mode}"`);
    }
  }
  for (const code of AREA_CODES)
    parts.push(`count(*) FILTER (WHERE counted AND list_contains(areas, '${code}')) AS "area.${code}"`);
  return parts.join(",\n      ");
}

/**
 * Respondents of clinic-report cycles, as the counters define them: every active institution
 * (NOT_STARTED without a submission) and every inactive one that reported; a report counts when
 * it has a submitted revision.
 */
function base(where: string): string {
  const fn = FUNCTION_KEYS.map((k) => `s.${k}_has, s.${k}_mode`).join(", ");
  return `
    SELECT i.pref, i.muni, c.fy, coalesce(s.status, 'NOT_STARTED') AS status, coalesce(s.revision, 0) > 0 AS counted, ${fn}, s.areas
    FROM inst i
    JOIN cyc c ON c.pref = i.pref
    LEFT JOIN sub s ON s.institution_id = i.id AND s.cycle_id = c.id
    WHERE (i.active OR coalesce(s.revision, 0) > 0) AND ${where}`;
}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Prefecture view: the prefecture and each zone of a scheme, for the current and previous 年度. */
export function prefectureSql(prefectureCode: string, schemeId: string, years: readonly number[]): string {
  return `
    WITH b AS (${base(`i.pref = ${quote(prefectureCode)} AND c.fy IN (${years.join(", ")})`)}),
    zm AS (SELECT zone_id, muni FROM zone_member WHERE scheme_id = ${quote(schemeId)}),
    pop AS (
      SELECT CASE WHEN grouping(zm.zone_id) = 1 THEN '*' ELSE zm.zone_id END AS grp,
        sum(m.pop65) AS population65, count(*) FILTER (WHERE m.pop65 IS NULL) AS unknown
      FROM muni m LEFT JOIN zm ON zm.muni = m.code
      WHERE m.pref = ${quote(prefectureCode)}
      GROUP BY GROUPING SETS ((zm.zone_id), ())
    ),
    agg AS (
      SELECT b.fy, CASE WHEN grouping(zm.zone_id) = 1 THEN '*' ELSE zm.zone_id END AS grp, ${measures()}
      FROM b LEFT JOIN zm ON zm.muni = b.muni
      GROUP BY GROUPING SETS ((b.fy, zm.zone_id), (b.fy))
    )
    SELECT agg.*, CASE WHEN pop.unknown = 0 THEN pop.population65 END AS population65
    FROM agg LEFT JOIN pop ON pop.grp = agg.grp
    WHERE agg.grp IS NOT NULL`;
}

/** National view: every prefecture and the nation, for the current and previous 年度. */
export function nationalSql(years: readonly number[]): string {
  return `
    WITH b AS (${base(`c.fy IN (${years.join(", ")})`)}),
    pop AS (
      SELECT coalesce(pref, '*') AS grp, sum(pop65) AS population65, count(*) FILTER (WHERE pop65 IS NULL) AS unknown
      FROM muni GROUP BY GROUPING SETS ((pref), ())
    ),
    agg AS (
      SELECT fy, CASE WHEN grouping(pref) = 1 THEN '*' ELSE pref END AS grp, ${measures()}
      FROM b GROUP BY GROUPING SETS ((fy, pref), (fy))
    )
    SELECT agg.*, CASE WHEN pop.unknown = 0 THEN pop.population65 END AS population65
    FROM agg LEFT JOIN pop ON pop.grp = agg.grp`;
}

/** Runs a figures query; rows keyed `${fy}:${group}` ('*' = the whole prefecture or nation). */
export async function runFigures(connection: DuckDBConnection, sql: string): Promise<Map<string, TFigures>> {
  const reader = await connection.runAndReadAll(sql);
  const out = new Map<string, TFigures>();
  for (const row of reader.getRowObjectsJS()) {
    const figures: TFigures = {};
    for (const [key, value] of Object.entries(row)) {
      if (key === "fy" || key === "grp") continue;
      if (value === null || value === undefined) continue;
      figures[key] = Number(value);
    }
    out.set(`${Number(row.fy)}:${String(row.grp)}`, figures);
  }
  return out;
}
