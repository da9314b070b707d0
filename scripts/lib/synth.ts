// `npm run renkei -- synth --institutions 113000 [--prefectures 13,27] [--seed <s>] [--reset]`
//
// Builds fictional national-scale data (架空) for benchmarks, load tests and PDF layouts: for each
// prefecture its municipalities (valid codes, populations adding up to the prefecture's approximate
// real figures), a 二次医療圏 scheme and a 在宅医療 scheme, hospitals and clinics distributed like
// Japan's, a few hubs, and two years of both questionnaires with realistic answers and statuses,
// then the pre-aggregated counters (lib/services/counters.ts) as the services would leave them.
//
// Speed: everything is planned in memory per prefecture and written with one INSERT … SELECT FROM
// unnest(…) per few thousand rows (no query per row). Each statement commits on its own, so on the
// embedded database no transaction holds the single session for long; a prefecture is marked
// isDemo before anything is written, so a run that fails halfway leaves data `--reset` can remove.
// Deterministic for a given seed (ids included); only the dates of the open cycle follow `now`.
import { db, Prisma } from "@/lib/db";
import { prefectureName } from "@/lib/domain/prefectures";
import { getDefinition } from "@/lib/data/questionnaires";
import { refreshPlannerStatistics } from "@/lib/services/bulk";
import { recountClinicCounters } from "@/lib/services/counters";
import type { TPartner } from "@/lib/questionnaire/answers";
import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { seedPrefectures, seedQuestionnaires, DEMO_VERSION_KEYS } from "@/prisma/seed/demo";
import { createRandom, type TRandom } from "@/prisma/seed/random";
import { functionPropensities, planFunctions, regionalOffsets } from "@/prisma/seed/function-plan";
import {
  apportionInstitutions,
  clamp,
  normal,
  planGeography,
  planInstitutions,
  type TSynthGeography,
  type TSynthInstitution,
} from "./synth-geo";
import { hubName, hubOperatorName } from "./synth-names";
import { resolveSynthOptions, SynthConflictError, type TSynthOptions } from "./synth-options";
import {
  SYNTH_AUDIT_ACTION,
  SYNTH_DEFAULT_SEED,
  SYNTH_POPULATION_SOURCE,
  SYNTH_POPULATION_YEAR,
} from "./synth-reference";
import {
  buildReport,
  institutionEngagement,
  planCurrentYear,
  planHub,
  planPreviousYear,
  type TRevisionRow,
  type TSubmissionRow,
} from "./synth-responses";

export { SYNTH_AUDIT_ACTION, SYNTH_DEFAULT_SEED };
export { resolveSynthOptions, SynthConflictError, SynthOptionsError, type TSynthOptions } from "./synth-options";

export type TSynthZoneResult = { id: string; code: string; name: string; municipalities: number; institutions: number };

export type TSynthPrefectureResult = {
  code: string;
  name: string;
  municipalities: number;
  population: number;
  hospitals: number;
  clinics: number;
  hubs: number;
  submissions: number;
  revisions: number;
  cycles: { clinicPrevious: string; clinicCurrent: string; hubPrevious: string; hubCurrent: string };
  schemes: { secondary: string; homeCare: string };
  /** 二次医療圏 with their institution counts (to pick a zone of a given size). */
  zones: TSynthZoneResult[];
  seconds: number;
  /** Where the time went: generating answers, writing rows, recounting the counters. */
  phases: { generate: number; write: number; recount: number };
};

export type TSynthResult = {
  seed: string;
  institutions: number;
  hospitals: number;
  clinics: number;
  prefectures: TSynthPrefectureResult[];
  seconds: number;
};

const DAY = 86_400_000;
/** Seconds spent writing rows (insertRows), read per prefecture for the phase timings. */
let writeSeconds = 0;
/** Rows per INSERT; a few MB of JSON per statement at most. */
const ROWS_PER_STATEMENT = 2_000;

type TVersions = {
  clinicPrevious: { id: string; def: TQuestionnaireDefinition };
  clinicCurrent: { id: string; def: TQuestionnaireDefinition };
  hubPrevious: { id: string; def: TQuestionnaireDefinition };
  hubCurrent: { id: string; def: TQuestionnaireDefinition };
};

export async function synthesize(options: TSynthOptions): Promise<TSynthResult> {
  const started = performance.now();
  const { institutions, prefectures, seed } = resolveSynthOptions(options);
  const log = options.log ?? (() => undefined);
  const now = options.now ?? new Date();

  await seedPrefectures();
  await checkOrReset(prefectures, options.reset ?? false, log);
  const versions = await ensureDefinitions();
  const counts = apportionInstitutions(institutions, prefectures);
  const hospitals = counts.reduce((a, c) => a + c.hospitals, 0);
  log(
    `合成データ（架空）を作成します: ${prefectures.length}都道府県、医療機関 ${fmt(institutions)}件（病院 ${fmt(hospitals)}・診療所 ${fmt(institutions - hospitals)}）、シード「${seed}」`,
  );

  const results: TSynthPrefectureResult[] = [];
  let done = 0;
  for (const count of counts) {
    const result = await synthesizePrefecture(count.code, count, { seed, now, versions, log });
    results.push(result);
    done += count.hospitals + count.clinics;
    const elapsed = (performance.now() - started) / 1000;
    const eta = done > 0 ? (elapsed / done) * (institutions - done) : 0;
    log(
      `  ${count.code} ${result.name}: 市区町村 ${result.municipalities}・二次医療圏 ${result.zones.length}・医療機関 ${fmt(count.hospitals + count.clinics)}（病院 ${fmt(count.hospitals)}）・拠点 ${result.hubs}・報告 ${fmt(result.submissions)} — ${result.seconds.toFixed(1)} 秒〔回答生成 ${result.phases.generate.toFixed(1)}・書込 ${result.phases.write.toFixed(1)}・集計 ${result.phases.recount.toFixed(1)}〕（累計 ${fmt(done)}/${fmt(institutions)}、残り約 ${Math.ceil(eta / 60)} 分）`,
    );
  }

  const seconds = (performance.now() - started) / 1000;
  // The completion marker: benchmarks reuse a database only when this event says the run finished.
  await db.auditEvent.create({
    data: {
      action: SYNTH_AUDIT_ACTION,
      entityType: "synthetic_data",
      entityId: seed,
      summary: `合成データ（架空）を作成: ${prefectures.length}都道府県、医療機関 ${fmt(institutions)}件`,
      after: { seed, institutions, prefectures, seconds: Math.round(seconds) } as Prisma.InputJsonValue,
    },
  });
  await refreshPlannerStatistics(db);
  log(`完了しました（${seconds.toFixed(0)} 秒）。`);
  return { seed, institutions, hospitals, clinics: institutions - hospitals, prefectures: results, seconds };
}

const fmt = (n: number) => n.toLocaleString("ja-JP");

// ---- Refusing, resetting ------------------------------------------------------------------------

type TExisting = { code: string; isDemo: boolean; rows: number };

async function existingData(codes: readonly string[]): Promise<TExisting[]> {
  const rows = await db.$queryRaw<{ code: string; isDemo: boolean; rows: bigint }[]>`
    SELECT p."code", p."isDemo",
      (SELECT count(*) FROM "Municipality" WHERE "prefectureCode" = p."code")
      + (SELECT count(*) FROM "Institution" WHERE "prefectureCode" = p."code")
      + (SELECT count(*) FROM "ZoneScheme" WHERE "prefectureCode" = p."code")
      + (SELECT count(*) FROM "ReportingCycle" WHERE "prefectureCode" = p."code")
      + (SELECT count(*) FROM "Hub" WHERE "prefectureCode" = p."code")
      + (SELECT count(*) FROM "User" WHERE "prefectureCode" = p."code") AS "rows"
    FROM "Prefecture" p WHERE p."code" = ANY(${[...codes]}::text[]) ORDER BY p."code"`;
  return rows.filter((r) => r.rows > 0n).map((r) => ({ code: r.code, isDemo: r.isDemo, rows: Number(r.rows) }));
}

async function checkOrReset(codes: readonly string[], reset: boolean, log: (line: string) => void) {
  const existing = await existingData(codes);
  if (existing.length === 0) return;
  const names = (list: TExisting[]) => list.map((e) => `${e.code} ${prefectureName(e.code)}`).join("、");
  if (!reset) {
    throw new SynthConflictError(
      `次の都道府県にはすでにデータがあるため、何も書き込んでいません: ${names(existing)}。` +
        "合成データを作り直すには --reset を付けてください（架空データの都道府県だけを削除します）。",
    );
  }
  const real = existing.filter((e) => !e.isDemo);
  if (real.length > 0) {
    throw new SynthConflictError(
      `次の都道府県のデータは架空データではない（isDemo でない）ため、--reset でも削除しません。何も書き込んでいません: ${names(real)}。`,
    );
  }
  for (const e of existing) {
    const started = performance.now();
    await deletePrefectureData(e.code);
    log(
      `  ${e.code} ${prefectureName(e.code)}: 既存の架空データを削除しました（${((performance.now() - started) / 1000).toFixed(1)} 秒）`,
    );
  }
}

/** Deletes everything of one (synthetic or demo) prefecture, children first, in one transaction. */
export async function deletePrefectureData(code: string): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`DELETE FROM "SubmissionRevision" r USING "Submission" s WHERE r."submissionId" = s."id" AND s."prefectureCode" = ${code}`;
      await tx.$executeRaw`DELETE FROM "Submission" WHERE "prefectureCode" = ${code}`;
      await tx.$executeRaw`DELETE FROM "NdbPrefill" n USING "Institution" i WHERE n."institutionId" = i."id" AND i."prefectureCode" = ${code}`;
      await tx.$executeRaw`DELETE FROM "ReportingCycle" WHERE "prefectureCode" = ${code}`;
      await tx.$executeRaw`
        DELETE FROM "User" u WHERE u."prefectureCode" = ${code}
          OR u."institutionId" IN (SELECT "id" FROM "Institution" WHERE "prefectureCode" = ${code})
          OR u."hubId" IN (SELECT "id" FROM "Hub" WHERE "prefectureCode" = ${code})`;
      await tx.$executeRaw`DELETE FROM "Hub" WHERE "prefectureCode" = ${code}`;
      await tx.$executeRaw`DELETE FROM "ZoneScheme" WHERE "prefectureCode" = ${code}`;
      await tx.$executeRaw`DELETE FROM "Institution" WHERE "prefectureCode" = ${code}`;
      await tx.$executeRaw`DELETE FROM "Municipality" WHERE "prefectureCode" = ${code}`;
      // Then every other table scoped by prefecture (import jobs, audit events, and tables added
      // later, such as document jobs), so a reset leaves nothing of the old data behind.
      const tables = await tx.$queryRaw<{ name: string }[]>`
        SELECT table_name::text AS name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name = 'prefectureCode' AND table_name <> 'Prefecture'`;
      for (const { name } of tables) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
        await tx.$executeRawUnsafe(`DELETE FROM "${name}" WHERE "prefectureCode" = $1`, code);
      }
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}

// ---- Definitions ---------------------------------------------------------------------------------

async function ensureDefinitions(): Promise<TVersions> {
  // Registers (and publishes) the shipped definition files that are not in the database yet.
  const ids = await seedQuestionnaires();
  const load = async (versionKey: string) => {
    const id = ids.get(versionKey);
    if (!id) throw new Error(`questionnaire ${versionKey} is not shipped in prisma/questionnaires`);
    return { id, def: await getDefinition(id) };
  };
  return {
    clinicPrevious: await load(DEMO_VERSION_KEYS.clinicPrevious),
    clinicCurrent: await load(DEMO_VERSION_KEYS.clinicCurrent),
    hubPrevious: await load(DEMO_VERSION_KEYS.hubPrevious),
    hubCurrent: await load(DEMO_VERSION_KEYS.hubCurrent),
  };
}

// ---- One prefecture ------------------------------------------------------------------------------

type TContext = { seed: string; now: Date; versions: TVersions; log: (line: string) => void };

async function synthesizePrefecture(
  code: string,
  counts: { hospitals: number; clinics: number },
  { seed, now, versions }: TContext,
): Promise<TSynthPrefectureResult> {
  const started = performance.now();
  const writeBefore = writeSeconds;
  let generateSeconds = 0;
  const random = createRandom(`${seed}:${code}`);
  const prefix = `syn${code}`;
  // Marked first: whatever is written from here on is known to be fictional.
  await db.prefecture.update({ where: { code }, data: { isDemo: true } });

  const geo = planGeography(code, random.fork("geography"));
  const institutions = planInstitutions(geo, counts, random.fork("institutions"));
  const schemes = await writeGeography(prefix, geo);

  const institutionIds = institutions.map((_, i) => `${prefix}i${i.toString(36).padStart(5, "0")}`);
  // A few institutions closed during the year: they reported last year, not this year.
  const inactive = new Set(
    institutions.flatMap((inst, i) => (random.fork(`active-${inst.code}`).chance(0.004) ? [i] : [])),
  );
  await writeInstitutions(code, institutions, institutionIds, inactive, now);

  const hubs = planHubs(prefix, geo, schemes.homeCareZoneIds, random.fork("hubs"));
  await insertRows(
    "Hub",
    [
      ["id", "text"],
      ["name", "text"],
      ["operatorType", "enum:HubOperatorType"],
      ["operatorName", "text"],
      ["prefectureCode", "text"],
      ["zoneId", "text"],
      ["contactEmail", "text"],
      ["updatedAt", "timestamp"],
    ],
    hubs.map((h) => [h.id, h.name, h.operatorType, h.operatorName, code, h.zoneId, h.contactEmail, now]),
  );

  const cycles = await writeCycles(prefix, code, versions, now);

  // Regional differences: some prefectures and municipalities report earlier and more fully.
  const regional = 0.05 * normal(random.fork("regional"));
  const municipalFactor = new Map(
    geo.municipalities.map((m) => [m.code, 0.04 * normal(random.fork(`municipality-${m.code}`))]),
  );
  const pools = partnerPools(geo, institutions);
  // Which functions institutions have (the demo's rules, prisma/seed/function-plan.ts): the
  // prefecture and each municipality differ a little from the national shares.
  const functionOffsets = regionalOffsets(random.fork("regional-functions"), 0.05);

  const writer = createReportWriter(now);
  const timed = <T>(body: () => T): T => {
    const t = performance.now();
    const value = body();
    generateSeconds += (performance.now() - t) / 1000;
    return value;
  };
  let submissions = 0;
  let revisions = 0;
  const flush = async (force: boolean) => {
    const { s, r } = await writer.flush(force);
    submissions += s;
    revisions += r;
  };
  for (let i = 0; i < institutions.length; i++) {
    const inst = institutions[i]!;
    const r = random.fork(`institution-${inst.code}`);
    const local = regional + (municipalFactor.get(inst.municipalityCode) ?? 0);
    const engagement = institutionEngagement(r, local);
    const respondent = { institutionId: institutionIds[i]! };
    const pool = pools.get(inst.secondaryZone) ?? [];
    const previous = planPreviousYear(r.fork("previous-plan"), engagement.previous, local);
    const shape = { kind: inst.kind, beds: inst.beds };
    const propensities = functionPropensities(r.fork("functions"));
    const municipal = municipalFactor.get(inst.municipalityCode) ?? 0;
    const regionalShares = Object.fromEntries(
      Object.entries(functionOffsets).map(([fn, offset]) => [fn, offset + municipal]),
    );
    const planned = (yearIndex: number) => ({
      institution: shape,
      functions: planFunctions({ institution: shape, propensities, yearIndex, regional: regionalShares }),
    });
    const reportedLastYear =
      inactive.has(i) && (previous.outcome === "NONE" || previous.outcome === "DRAFT")
        ? { ...previous, outcome: "CONFIRMED" as const }
        : previous;
    writer.add(
      timed(() =>
        buildReport({
          id: `${prefix}p${i.toString(36).padStart(5, "0")}`,
          cycle: cycles.clinicPrevious,
          definition: versions.clinicPrevious.def,
          respondent,
          kind: inst.kind,
          planned: planned(0),
          plan: reportedLastYear,
          partnerPool: pool,
          random: r.fork("previous"),
          submittedAt: new Date(cycles.clinicPrevious.opensAt.getTime() + r.int(5, 80) * DAY),
          latest: cycles.clinicPrevious.closesAt,
        }),
      ),
    );
    if (!inactive.has(i)) {
      const current = planCurrentYear(r.fork("current-plan"), engagement.current, local);
      writer.add(
        timed(() =>
          buildReport({
            id: `${prefix}c${i.toString(36).padStart(5, "0")}`,
            cycle: cycles.clinicCurrent,
            definition: versions.clinicCurrent.def,
            respondent,
            kind: inst.kind,
            planned: planned(1),
            plan: current,
            partnerPool: pool,
            random: r.fork("current"),
            submittedAt: new Date(cycles.clinicCurrent.opensAt.getTime() + r.int(1, 25) * DAY),
            latest: new Date(now.getTime() - 3_600_000),
          }),
        ),
      );
    }
    await flush(false);
  }
  hubs.forEach((hub, k) => {
    const r = random.fork(`hub-${hub.id}`);
    const engagement = clamp(0.35 + 0.5 * r.next(), 0, 1);
    const fixed = { hubOperatorType: hub.operatorType };
    const common = {
      respondent: { hubId: hub.id },
      kind: "HUB" as const,
      fixed,
      partnerPool: pools.get(hub.secondaryZone) ?? [],
    };
    writer.add(
      buildReport({
        ...common,
        id: `${prefix}hp${k.toString(36)}`,
        cycle: cycles.hubPrevious,
        definition: versions.hubPrevious.def,
        plan: planHub(r.fork("previous-plan"), "previous", engagement),
        random: r.fork("previous"),
        submittedAt: new Date(cycles.hubPrevious.opensAt.getTime() + r.int(10, 70) * DAY),
        latest: cycles.hubPrevious.closesAt,
      }),
    );
    writer.add(
      buildReport({
        ...common,
        id: `${prefix}hc${k.toString(36)}`,
        cycle: cycles.hubCurrent,
        definition: versions.hubCurrent.def,
        plan: planHub(r.fork("current-plan"), "current", Math.min(1, engagement + 0.1)),
        random: r.fork("current"),
        submittedAt: new Date(cycles.hubCurrent.opensAt.getTime() + r.int(2, 25) * DAY),
        latest: new Date(now.getTime() - 3_600_000),
      }),
    );
  });
  await flush(true);

  const recountStarted = performance.now();
  for (const cycle of [cycles.clinicPrevious, cycles.clinicCurrent]) await recountClinicCounters(cycle.id);
  const recountSeconds = (performance.now() - recountStarted) / 1000;

  const institutionsByZone = new Map<number, number>();
  for (const inst of institutions)
    institutionsByZone.set(inst.secondaryZone, (institutionsByZone.get(inst.secondaryZone) ?? 0) + 1);
  return {
    code,
    name: prefectureName(code),
    municipalities: geo.municipalities.length,
    population: geo.municipalities.reduce((a, m) => a + m.populationTotal, 0),
    hospitals: counts.hospitals,
    clinics: counts.clinics,
    hubs: hubs.length,
    submissions,
    revisions,
    cycles: {
      clinicPrevious: cycles.clinicPrevious.id,
      clinicCurrent: cycles.clinicCurrent.id,
      hubPrevious: cycles.hubPrevious.id,
      hubCurrent: cycles.hubCurrent.id,
    },
    schemes: { secondary: schemes.secondarySchemeId, homeCare: schemes.homeCareSchemeId },
    zones: geo.secondary.map((zone, z) => ({
      id: schemes.secondaryZoneIds[z]!,
      code: zone.code,
      name: zone.name,
      municipalities: zone.municipalityCodes.length,
      institutions: institutionsByZone.get(z) ?? 0,
    })),
    seconds: (performance.now() - started) / 1000,
    phases: { generate: generateSeconds, write: writeSeconds - writeBefore, recount: recountSeconds },
  };
}

async function writeGeography(prefix: string, geo: TSynthGeography) {
  const code = geo.prefectureCode;
  await insertRows(
    "Municipality",
    [
      ["code", "text"],
      ["prefectureCode", "text"],
      ["name", "text"],
      ["populationTotal", "int"],
      ["population65", "int"],
      ["population75", "int"],
      ["populationSource", "text"],
      ["populationYear", "int"],
    ],
    geo.municipalities.map((m) => [
      m.code,
      code,
      m.name,
      m.populationTotal,
      m.population65,
      m.population75,
      SYNTH_POPULATION_SOURCE,
      SYNTH_POPULATION_YEAR,
    ]),
  );
  const secondarySchemeId = `${prefix}zs2`;
  const homeCareSchemeId = `${prefix}zsh`;
  await insertRows(
    "ZoneScheme",
    [
      ["id", "text"],
      ["prefectureCode", "text"],
      ["name", "text"],
      ["kind", "enum:ZoneSchemeKind"],
      ["isDefault", "boolean"],
    ],
    [
      [secondarySchemeId, code, "二次医療圏", "SECONDARY_MEDICAL_AREA", true],
      [homeCareSchemeId, code, "在宅医療の圏域", "HOME_CARE_AREA", false],
    ],
  );
  const secondaryZoneIds = geo.secondary.map((_, z) => `${prefix}z2${z.toString(36)}`);
  const homeCareZoneIds = geo.homeCare.map((_, z) => `${prefix}zh${z.toString(36)}`);
  const zoneRows = [
    ...geo.secondary.map((zone, z) => [secondaryZoneIds[z], secondarySchemeId, zone.code, zone.name, z + 1]),
    ...geo.homeCare.map((zone, z) => [homeCareZoneIds[z], homeCareSchemeId, zone.code, zone.name, z + 1]),
  ];
  await insertRows(
    "Zone",
    [
      ["id", "text"],
      ["schemeId", "text"],
      ["code", "text"],
      ["name", "text"],
      ["sortOrder", "int"],
    ],
    zoneRows,
  );
  const memberRows = [
    ...geo.secondary.flatMap((zone, z) =>
      zone.municipalityCodes.map((m) => [secondaryZoneIds[z], m, secondarySchemeId]),
    ),
    ...geo.homeCare.flatMap((zone, z) => zone.municipalityCodes.map((m) => [homeCareZoneIds[z], m, homeCareSchemeId])),
  ];
  await insertRows(
    "ZoneMunicipality",
    [
      ["zoneId", "text"],
      ["municipalityCode", "text"],
      ["schemeId", "text"],
    ],
    memberRows,
  );
  return { secondarySchemeId, homeCareSchemeId, secondaryZoneIds, homeCareZoneIds };
}

async function writeInstitutions(
  code: string,
  institutions: TSynthInstitution[],
  ids: string[],
  inactive: Set<number>,
  now: Date,
) {
  await insertRows(
    "Institution",
    [
      ["id", "text"],
      ["code", "text"],
      ["name", "text"],
      ["kind", "enum:InstitutionKind"],
      ["beds", "int"],
      ["postalCode", "text"],
      ["address", "text"],
      ["phone", "text"],
      ["contactEmail", "text"],
      ["prefectureCode", "text"],
      ["municipalityCode", "text"],
      ["isActive", "boolean"],
      ["updatedAt", "timestamp"],
    ],
    institutions.map((inst, i) => [
      ids[i],
      inst.code,
      inst.name,
      inst.kind,
      inst.beds,
      inst.postalCode,
      inst.address,
      inst.phone,
      `iryo-${inst.code}@synth.example.jp`,
      code,
      inst.municipalityCode,
      !inactive.has(i),
      now,
    ]),
  );
}

type THubPlan = {
  id: string;
  name: string;
  operatorType: string;
  operatorName: string;
  zoneId: string;
  contactEmail: string;
  secondaryZone: number;
};

const OPERATOR_TYPES: readonly (readonly [string, number])[] = [
  ["MEDICAL_ASSOCIATION", 35],
  ["MUNICIPALITY", 25],
  ["MEDICAL_PROVIDER", 15],
  ["CARE_COLLABORATION_OPERATOR", 10],
  ["COMMUNITY_SUPPORT_CENTER", 7],
  ["HEALTH_CENTER", 4],
  ["CONSORTIUM", 4],
];

/** Most 在宅医療 areas have a hub; some do not yet (a gap the council discusses). At least one. */
function planHubs(prefix: string, geo: TSynthGeography, zoneIds: string[], random: TRandom): THubPlan[] {
  const covered = geo.homeCare.map((_, z) => z === 0 || random.chance(0.8));
  return geo.homeCare.flatMap((zone, z) => {
    if (!covered[z]) return [];
    const operatorType = random.weighted(OPERATOR_TYPES);
    const first = geo.municipalities.find((m) => m.code === zone.municipalityCodes[0]);
    return [
      {
        id: `${prefix}h${z.toString(36)}`,
        name: hubName(zone.stem),
        operatorType,
        operatorName: hubOperatorName(zone.stem, operatorType),
        zoneId: zoneIds[z]!,
        contactEmail: `kyoten-${geo.prefectureCode}-${zone.code.toLowerCase()}@synth.example.jp`,
        secondaryZone: first?.secondaryZone ?? 0,
      },
    ];
  });
}

/** Partner institutions drawn for 連携 answers: hospitals of the same secondary area (or nearby). */
function partnerPools(geo: TSynthGeography, institutions: TSynthInstitution[]): Map<number, TPartner[]> {
  const hospitals = institutions.filter((i) => i.kind === "HOSPITAL");
  const fallback = (hospitals.length > 0 ? hospitals : institutions)
    .slice(0, 40)
    .map((i) => ({ code: i.code, name: i.name }));
  return new Map(
    geo.secondary.map((_, z) => {
      const local = hospitals.filter((h) => h.secondaryZone === z).slice(0, 40);
      return [z, local.length > 0 ? local.map((h) => ({ code: h.code, name: h.name })) : fallback];
    }),
  );
}

type TCycleRow = { id: string; questionnaireVersionId: string; prefectureCode: string; opensAt: Date; closesAt: Date };

async function writeCycles(prefix: string, code: string, versions: TVersions, now: Date) {
  const closedWindow = {
    requestDate: new Date("2024-11-15T00:00:00+09:00"),
    opensAt: new Date("2025-01-06T00:00:00+09:00"),
    closesAt: new Date("2025-03-31T23:59:59+09:00"),
    publishAt: new Date("2025-04-30T00:00:00+09:00"),
  };
  // As the demo: the open cycle is always mid-window, relative to the day the data is made.
  const endOfDayJst = (date: Date) =>
    new Date(Math.floor((date.getTime() + 9 * 3600_000) / DAY) * DAY + DAY - 9 * 3600_000 - 1);
  const openWindow = {
    requestDate: new Date(now.getTime() - 40 * DAY),
    opensAt: new Date(now.getTime() - 30 * DAY),
    closesAt: endOfDayJst(new Date(now.getTime() + 75 * DAY)),
    publishAt: new Date(now.getTime() + 105 * DAY),
  };
  const plan = [
    ["clinicPrevious", `${prefix}cc24`, "CLINIC_REPORT", 2024, versions.clinicPrevious.id, "CLOSED", closedWindow],
    ["clinicCurrent", `${prefix}cc25`, "CLINIC_REPORT", 2025, versions.clinicCurrent.id, "OPEN", openWindow],
    ["hubPrevious", `${prefix}ch24`, "HUB_SELF_ASSESSMENT", 2024, versions.hubPrevious.id, "CLOSED", closedWindow],
    ["hubCurrent", `${prefix}ch25`, "HUB_SELF_ASSESSMENT", 2025, versions.hubCurrent.id, "OPEN", openWindow],
  ] as const;
  await insertRows(
    "ReportingCycle",
    [
      ["id", "text"],
      ["prefectureCode", "text"],
      ["kind", "enum:QuestionnaireKind"],
      ["fiscalYear", "int"],
      ["questionnaireVersionId", "text"],
      ["status", "enum:CycleStatus"],
      ["requestDate", "timestamp"],
      ["opensAt", "timestamp"],
      ["closesAt", "timestamp"],
      ["publishAt", "timestamp"],
      ["updatedAt", "timestamp"],
    ],
    plan.map(([, id, kind, year, versionId, status, w]) => [
      id,
      code,
      kind,
      year,
      versionId,
      status,
      w.requestDate,
      w.opensAt,
      w.closesAt,
      w.publishAt,
      now,
    ]),
  );
  const byKey = Object.fromEntries(
    plan.map(([key, id, , , versionId, , w]) => [
      key,
      { id, questionnaireVersionId: versionId, prefectureCode: code, opensAt: w.opensAt, closesAt: w.closesAt },
    ]),
  ) as Record<(typeof plan)[number][0], TCycleRow>;
  return byKey;
}

/** Buffers planned reports and writes them a few thousand rows per statement. */
function createReportWriter(now: Date) {
  let submissions: TSubmissionRow[] = [];
  let revisions: TRevisionRow[] = [];
  return {
    add(report: ReturnType<typeof buildReport>) {
      if (!report) return;
      submissions.push(report.submission);
      revisions.push(...report.revisions);
    },
    async flush(force: boolean): Promise<{ s: number; r: number }> {
      if (!force && submissions.length < ROWS_PER_STATEMENT) return { s: 0, r: 0 };
      const s = submissions;
      const r = revisions;
      submissions = [];
      revisions = [];
      await insertRows(
        "Submission",
        [
          ["id", "text"],
          ["cycleId", "text"],
          ["questionnaireVersionId", "text"],
          ["institutionId", "text"],
          ["hubId", "text"],
          ["prefectureCode", "text"],
          ["status", "enum:SubmissionStatus"],
          ["answers", "jsonb"],
          ["draftVersion", "int"],
          ["isAmending", "boolean"],
          ["revision", "int"],
          ["derived", "jsonb"],
          ["submittedAt", "timestamp"],
          ["reviewedAt", "timestamp"],
          ["reviewComment", "text"],
          ["updatedAt", "timestamp"],
        ],
        s.map((x) => [
          x.id,
          x.cycleId,
          x.questionnaireVersionId,
          x.institutionId,
          x.hubId,
          x.prefectureCode,
          x.status,
          x.answers,
          x.draftVersion,
          x.isAmending,
          x.revision,
          x.derived,
          x.submittedAt,
          x.reviewedAt,
          x.reviewComment,
          x.reviewedAt ?? x.submittedAt ?? now,
        ]),
      );
      await insertRows(
        "SubmissionRevision",
        [
          ["id", "text"],
          ["submissionId", "text"],
          ["revision", "int"],
          ["answers", "jsonb"],
          ["derived", "jsonb"],
          ["submittedAt", "timestamp"],
          ["channel", "text"],
          ["kind", "enum:RevisionKind"],
        ],
        r.map((x) => [x.id, x.submissionId, x.revision, x.answers, x.derived, x.submittedAt, x.channel, x.kind]),
      );
      return { s: s.length, r: r.length };
    },
  };
}

// ---- Bulk insert ---------------------------------------------------------------------------------

type TColumnType = "text" | "int" | "boolean" | "jsonb" | "timestamp" | `enum:${string}`;

const identifier = (name: string) => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad identifier ${name}`);
  return Prisma.raw(`"${name}"`);
};

/**
 * INSERT INTO table (…) SELECT … FROM unnest($1::text[], $2::int[], …): one array parameter per
 * column, a few thousand rows per statement. JSON arrives already serialised (as text, cast to
 * jsonb in the SELECT), so answers shared by a submission and its revision are serialised once.
 * Table and column names are constants of this file.
 */
async function insertRows(
  table: string,
  columns: readonly (readonly [string, TColumnType])[],
  rows: readonly (readonly unknown[])[],
) {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const part = rows.slice(start, start + ROWS_PER_STATEMENT);
    const arrays = columns.map(([, type], c) => {
      const values = part.map((row) => {
        const v = row[c];
        if (v === undefined || v === null) return null;
        return v instanceof Date ? v.toISOString() : v;
      });
      const arrayType = type === "int" ? "int[]" : type === "boolean" ? "boolean[]" : "text[]";
      return Prisma.sql`${values}::${Prisma.raw(arrayType)}`;
    });
    const selected = columns.map(([, type], c) => {
      const ref = Prisma.raw(`u.c${c}`);
      if (type === "jsonb") return Prisma.sql`${ref}::jsonb`;
      if (type === "timestamp") return Prisma.sql`(${ref}::timestamptz AT TIME ZONE 'UTC')`;
      if (type.startsWith("enum:")) return Prisma.sql`${ref}::${identifier(type.slice(5))}`;
      return ref;
    });
    const names = Prisma.join(columns.map(([name]) => identifier(name)));
    const aliases = Prisma.join(columns.map((_, c) => Prisma.raw(`c${c}`)));
    const t = performance.now();
    await db.$executeRaw`INSERT INTO ${identifier(table)} (${names}) SELECT ${Prisma.join(selected)} FROM unnest(${Prisma.join(arrays)}) AS u(${aliases})`;
    writeSeconds += (performance.now() - t) / 1000;
  }
}

/**
 * The 二次医療圏 whose institution count is closest to `size` (e.g. a zone of ~1,000 institutions
 * for a council packet), with its prefecture and cycles, from a synthesize result.
 */
export function zoneNearest(
  result: TSynthResult,
  size: number,
): { prefecture: TSynthPrefectureResult; zone: TSynthZoneResult } {
  let best: { prefecture: TSynthPrefectureResult; zone: TSynthZoneResult } | null = null;
  for (const prefecture of result.prefectures) {
    for (const zone of prefecture.zones) {
      if (!best || Math.abs(zone.institutions - size) < Math.abs(best.zone.institutions - size))
        best = { prefecture, zone };
    }
  }
  if (!best) throw new Error("the result has no zones");
  return best;
}
