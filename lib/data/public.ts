import "server-only";
import { db, Prisma } from "@/lib/db";
import { foldForSearch, PUBLIC_FUNCTION_KEYS, type TPublicFunctionKey } from "@/lib/aggregation/public-row";
import type { TPublicCounts } from "@/lib/summaries/public";
import type { TCountRecordInput, TPublishedRecordInput } from "@/lib/summaries/public-open-data";
import { parsePublicDetail } from "./json-columns";

// Reads of the public side (公表): no viewer, because nobody signs in — the scope is "what a live
// publication run holds", enforced here: a cycle is public only while its setting is PUBLISHED,
// it has a live run, and its 公表日 has come. Only PublishedInstitution rows are read (never
// submissions), so a draft, a returned report or a contact detail cannot leak through this file.
// Results are cached in memory per publication version (live run + the setting's last change),
// which changes with every run, hold and withdrawal (docs/decisions/0017-publication.md).

export type TLivePublication = {
  prefectureCode: string;
  prefectureName: string;
  isDemo: boolean;
  cycleId: string;
  fiscalYear: number;
  runId: string;
  dataAsOf: Date;
  licence: string;
  institutionCount: number;
  /** Changes whenever what is public changes: the ETag and the cache key. */
  version: string;
  /** Every fiscal year of this prefecture that is public, newest first. */
  years: number[];
};

const liveWhere = (now: Date): Prisma.PublicationSettingWhereInput => ({
  status: "PUBLISHED",
  liveRunId: { not: null },
  cycle: { publishAt: { lte: now } },
});

const PREF_CODE = /^(0[1-9]|[1-3][0-9]|4[0-7])$/;
export const isPrefectureCode = (code: string) => PREF_CODE.test(code);

/** The live publication of a prefecture (the newest year, or `fiscalYear`), or null. */
export async function getLivePublication(
  prefectureCode: string,
  fiscalYear?: number,
): Promise<TLivePublication | null> {
  if (!isPrefectureCode(prefectureCode)) return null;
  const settings = await db.publicationSetting.findMany({
    where: { prefectureCode, ...liveWhere(new Date()) },
    select: {
      licence: true,
      updatedAt: true,
      cycle: {
        select: { id: true, fiscalYear: true, prefecture: { select: { code: true, name: true, isDemo: true } } },
      },
      liveRun: { select: { id: true, dataAsOf: true, institutionCount: true } },
    },
    orderBy: { cycle: { fiscalYear: "desc" } },
  });
  const chosen = fiscalYear === undefined ? settings[0] : settings.find((s) => s.cycle.fiscalYear === fiscalYear);
  if (!chosen?.liveRun) return null;
  return {
    prefectureCode,
    prefectureName: chosen.cycle.prefecture.name,
    isDemo: chosen.cycle.prefecture.isDemo,
    cycleId: chosen.cycle.id,
    fiscalYear: chosen.cycle.fiscalYear,
    runId: chosen.liveRun.id,
    dataAsOf: chosen.liveRun.dataAsOf,
    licence: chosen.licence,
    institutionCount: chosen.liveRun.institutionCount,
    version: `${chosen.liveRun.id}.${chosen.updatedAt.getTime().toString(36)}`,
    years: settings.map((s) => s.cycle.fiscalYear),
  };
}

export type TPublishedPrefecture = {
  code: string;
  name: string;
  isDemo: boolean;
  years: { fiscalYear: number; dataAsOf: Date; institutions: number }[];
};

/** Prefectures with at least one live publication, in JIS order. */
export async function listPublishedPrefectures(): Promise<TPublishedPrefecture[]> {
  const settings = await db.publicationSetting.findMany({
    where: liveWhere(new Date()),
    select: {
      cycle: { select: { fiscalYear: true, prefecture: { select: { code: true, name: true, isDemo: true } } } },
      liveRun: { select: { dataAsOf: true, institutionCount: true } },
    },
    orderBy: [{ prefectureCode: "asc" }, { cycle: { fiscalYear: "desc" } }],
  });
  const out = new Map<string, TPublishedPrefecture>();
  for (const s of settings) {
    const p = s.cycle.prefecture;
    const entry = out.get(p.code) ?? { code: p.code, name: p.name, isDemo: p.isDemo, years: [] };
    entry.years.push({
      fiscalYear: s.cycle.fiscalYear,
      dataAsOf: s.liveRun!.dataAsOf,
      institutions: s.liveRun!.institutionCount,
    });
    out.set(p.code, entry);
  }
  return [...out.values()];
}

// ---- cache ------------------------------------------------------------------------------------

const CACHE_LIMIT = 400;
const globalCache = globalThis as unknown as { renkeiPublicCache?: Map<string, Promise<unknown>> };
const cache: Map<string, Promise<unknown>> = (globalCache.renkeiPublicCache ??= new Map());

function cached<T>(live: TLivePublication, key: string, load: () => Promise<T>): Promise<T> {
  // Benchmarks time the database, not the memo (scripts/bench/public-search.ts).
  if (process.env.RENKEI_PUBLIC_CACHE === "0") return load();
  const full = `${live.version}|${key}`;
  const hit = cache.get(full) as Promise<T> | undefined;
  if (hit) return hit;
  const promise = load();
  cache.set(full, promise);
  promise.catch(() => cache.delete(full));
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return promise;
}

// ---- search -----------------------------------------------------------------------------------

export type TPublicSearch = {
  q?: string;
  municipality?: string;
  zone?: string;
  /** Also the other municipalities of the municipality's zone, the municipality first. */
  near?: boolean;
  fn?: TPublicFunctionKey;
  area?: string;
  disease?: string;
  page: number;
};

export const PUBLIC_PAGE_SIZE = 20;

export type TPublicListRow = {
  institutionId: string;
  code: string;
  name: string;
  kind: "HOSPITAL" | "CLINIC";
  municipalityCode: string;
  municipalityName: string;
  zoneName: string | null;
  address: string | null;
  areas: string[];
} & Record<TPublicFunctionKey, boolean>;

const LIST_COLUMNS = Prisma.sql`"institutionId", "code", "name", "kind"::text AS "kind", "municipalityCode",
  "municipalityName", "zoneName", "address", "areas", "f1", "f2i", "f2ro", "f2ha", "f2ni"`;

/** The zone of a municipality in the prefecture's default scheme (what the runs record). */
async function zoneOfMunicipality(prefectureCode: string, municipalityCode: string): Promise<string | null> {
  const row = await db.zoneMunicipality.findFirst({
    where: { municipalityCode, zone: { scheme: { prefectureCode, isDefault: true } } },
    select: { zone: { select: { code: true } } },
  });
  return row?.zone.code ?? null;
}

/** Every municipality of the prefecture (the search form offers those without institutions too). */
export function publicMunicipalities(live: TLivePublication): Promise<{ code: string; name: string }[]> {
  return cached(live, "municipalities", () =>
    db.municipality.findMany({
      where: { prefectureCode: live.prefectureCode },
      select: { code: true, name: true },
      orderBy: { code: "asc" },
    }),
  );
}

function searchConditions(runId: string, s: TPublicSearch, nearZone: string | null): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`"runId" = ${runId}`];
  const q = s.q ? foldForSearch(s.q) : "";
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(/^\d{1,10}$/.test(q) ? Prisma.sql`"code" LIKE ${`${q}%`}` : Prisma.sql`"searchName" LIKE ${pattern}`);
  }
  if (s.municipality && s.near && nearZone) where.push(Prisma.sql`"zoneCode" = ${nearZone}`);
  else if (s.municipality) where.push(Prisma.sql`"municipalityCode" = ${s.municipality}`);
  if (s.zone) where.push(Prisma.sql`"zoneCode" = ${s.zone}`);
  if (s.fn) where.push(Prisma.sql`${Prisma.raw(`"${s.fn}"`)} = true`);
  if (s.area) where.push(Prisma.sql`${s.area} = ANY("areas")`);
  if (s.disease) where.push(Prisma.sql`${s.disease} = ANY("diseases")`);
  return where;
}

/** The public search: by name or code, municipality (and near it), zone, function, area, disease. */
export async function searchPublicInstitutions(
  live: TLivePublication,
  search: TPublicSearch,
): Promise<{ rows: TPublicListRow[]; total: number; page: number; pageSize: number; nearZone: string | null }> {
  if (search.fn && !PUBLIC_FUNCTION_KEYS.includes(search.fn)) throw new Error(`unknown function ${search.fn}`);
  return cached(live, `search:${JSON.stringify(search)}`, async () => {
    const nearZone =
      search.municipality && search.near ? await zoneOfMunicipality(live.prefectureCode, search.municipality) : null;
    const where = Prisma.join(searchConditions(live.runId, search, nearZone), " AND ");
    const order = search.municipality
      ? Prisma.sql`("municipalityCode" <> ${search.municipality}), "code"`
      : Prisma.sql`"code"`;
    const offset = (search.page - 1) * PUBLIC_PAGE_SIZE;
    const [rows, counted] = await Promise.all([
      db.$queryRaw<TPublicListRow[]>`SELECT ${LIST_COLUMNS} FROM "PublishedInstitution" WHERE ${where}
        ORDER BY ${order} LIMIT ${PUBLIC_PAGE_SIZE} OFFSET ${offset}`,
      db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "PublishedInstitution" WHERE ${where}`,
    ]);
    return { rows, total: Number(counted[0]?.n ?? 0), page: search.page, pageSize: PUBLIC_PAGE_SIZE, nearZone };
  });
}

// ---- counts -----------------------------------------------------------------------------------

type TCountRow = { code: string | null; name: string | null } & Record<keyof TPublicCounts, bigint | number>;

const COUNT_COLUMNS = Prisma.sql`count(*) AS "institutions",
  sum(CASE WHEN "f1" THEN 1 ELSE 0 END) AS "f1", sum(CASE WHEN "f2i" THEN 1 ELSE 0 END) AS "f2i",
  sum(CASE WHEN "f2ro" THEN 1 ELSE 0 END) AS "f2ro", sum(CASE WHEN "f2ha" THEN 1 ELSE 0 END) AS "f2ha",
  sum(CASE WHEN "f2ni" THEN 1 ELSE 0 END) AS "f2ni"`;

const toCounts = (r: TCountRow): TCountRecordInput => ({
  code: r.code ?? "",
  name: r.name ?? "（圏域外）",
  institutions: Number(r.institutions),
  f1: Number(r.f1 ?? 0),
  f2i: Number(r.f2i ?? 0),
  f2ro: Number(r.f2ro ?? 0),
  f2ha: Number(r.f2ha ?? 0),
  f2ni: Number(r.f2ni ?? 0),
});

/** Counts per zone or municipality (optionally inside one zone), and their total. */
export function publicCounts(
  live: TLivePublication,
  by: "zone" | "municipality",
  inZone?: string,
): Promise<{ rows: TCountRecordInput[]; total: TCountRecordInput }> {
  return cached(live, `counts:${by}:${inZone ?? ""}`, async () => {
    const [code, name] = by === "zone" ? ['"zoneCode"', '"zoneName"'] : ['"municipalityCode"', '"municipalityName"'];
    const zoneFilter = inZone ? Prisma.sql`AND "zoneCode" = ${inZone}` : Prisma.empty;
    const rows = await db.$queryRaw<TCountRow[]>`SELECT ${Prisma.raw(code)} AS "code", ${Prisma.raw(name)} AS "name",
      ${COUNT_COLUMNS} FROM "PublishedInstitution" WHERE "runId" = ${live.runId} ${zoneFilter}
      GROUP BY 1, 2 ORDER BY 1`;
    const list = rows.map(toCounts);
    const total = list.reduce(
      (sum, r) => {
        for (const k of ["institutions", "f1", "f2i", "f2ro", "f2ha", "f2ni"] as const) sum[k] += r[k];
        return sum;
      },
      { code: "", name: "合計", institutions: 0, f1: 0, f2i: 0, f2ro: 0, f2ha: 0, f2ni: 0 } as TCountRecordInput,
    );
    return { rows: list, total };
  });
}

/** Distinct diseases of the live run (for the search form), in label order. */
export function publicDiseases(live: TLivePublication): Promise<string[]> {
  return cached(live, "diseases", async () => {
    const rows = await db.$queryRaw<{ d: string }[]>`SELECT DISTINCT unnest("diseases") AS d
      FROM "PublishedInstitution" WHERE "runId" = ${live.runId} ORDER BY 1`;
    return rows.map((r) => r.d);
  });
}

// ---- one institution, and the open-data rows ---------------------------------------------------

export type TPublicInstitution = TPublishedRecordInput & { institutionId: string };

const recordSelect = {
  institutionId: true,
  code: true,
  name: true,
  kind: true,
  municipalityCode: true,
  municipalityName: true,
  zoneCode: true,
  zoneName: true,
  address: true,
  revision: true,
  confirmedAt: true,
  f1: true,
  f2i: true,
  f2ro: true,
  f2ha: true,
  f2ni: true,
  areas: true,
  diseases: true,
  detail: true,
} as const satisfies Prisma.PublishedInstitutionSelect;

const toRecord = (r: Prisma.PublishedInstitutionGetPayload<{ select: typeof recordSelect }>): TPublicInstitution => ({
  ...r,
  detail: parsePublicDetail(r.detail),
});

export function getPublicInstitution(
  live: TLivePublication,
  institutionId: string,
): Promise<TPublicInstitution | null> {
  return cached(live, `institution:${institutionId}`, async () => {
    const row = await db.publishedInstitution.findUnique({
      where: { runId_institutionId: { runId: live.runId, institutionId } },
      select: recordSelect,
    });
    return row ? toRecord(row) : null;
  });
}

/** Every published row of the live run (open data), in code order. */
export function publicRecords(live: TLivePublication): Promise<TPublicInstitution[]> {
  return cached(live, "records", async () =>
    (
      await db.publishedInstitution.findMany({
        where: { runId: live.runId },
        select: recordSelect,
        orderBy: { code: "asc" },
      })
    ).map(toRecord),
  );
}

/** One page of published rows for the JSON API. */
export async function publicRecordPage(
  live: TLivePublication,
  page: number,
  pageSize: number,
): Promise<{ rows: TPublicInstitution[]; total: number }> {
  return cached(live, `page:${page}:${pageSize}`, async () => {
    const [rows, total] = await Promise.all([
      db.publishedInstitution.findMany({
        where: { runId: live.runId },
        select: recordSelect,
        orderBy: { code: "asc" },
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
      db.publishedInstitution.count({ where: { runId: live.runId } }),
    ]);
    return { rows: rows.map(toRecord), total };
  });
}
