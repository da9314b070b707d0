// CLI-only driver adapter for the Prisma 6.19.3 JS (WASM) schema engine.
// Never used by the running app, which uses a plain PrismaPg (lib/db.ts).
//
// Why each fix exists (all reproduced on our machines, see docs/decisions/0001-database.md):
// 1. prisma/orm#27403: the schema engine reads pg_catalog columns of internal types (`name`,
//    regproc, …) that adapter-pg cannot map ("Column type 'name' could not be deserialized").
//    We relabel them as TEXT before pg builds its row parsers.
// 2. `"char"` columns (pg_constraint.contype) must reach the engine typed as Character, or the
//    engine panics ("RuntimeError: unreachable") once any CHECK/NOT NULL constraint exists.
// 3. The adapter is built from discrete host/port/… fields, never `connectionString`:
//    connectToShadowDb() spreads the config with a new `database`, and a connectionString would
//    override it — the "shadow" database would silently be the real one.
// 4. adapter-pg's executeScript splits a migration on every ";", which breaks dollar-quoted
//    function bodies (migration 20261205101900_counter_deltas). We send the script whole, as one
//    simple-protocol query, as the native engine does (it then also applies atomically).
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

const OID_TEXT = 25;
const OID_TEXT_ARRAY = 1009;
const OID_CHAR = 18;
// name, int2vector, regproc, oidvector, pg_node_tree, pg_ndistinct, pg_dependencies, pg_mcv_list,
// pg_ddl_command, pg_snapshot (4089/4096 are regnamespace/regrole)
const RELABEL_AS_TEXT = new Set([19, 22, 24, 30, 194, 2202, 2203, 2204, 2205, 2206, 4089, 4096]);
const RELABEL_AS_TEXT_ARRAY = new Set([1002, 1003]); // "char"[], name[]
const COLUMN_TYPE_CHARACTER = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

type PgField = { dataTypeID: number; wasChar?: boolean };
type PatchableResultPrototype = {
  addFields: (fields: PgField[]) => void;
  renkeiCatalogPatch?: boolean;
};

const resultPrototype = (pg as unknown as { Result: { prototype: PatchableResultPrototype } }).Result.prototype;
if (!resultPrototype.renkeiCatalogPatch) {
  const addFields = resultPrototype.addFields;
  resultPrototype.addFields = function (this: unknown, fields: PgField[]) {
    for (const field of fields) {
      if (field.dataTypeID === OID_CHAR) {
        field.dataTypeID = OID_TEXT;
        field.wasChar = true;
      } else if (RELABEL_AS_TEXT.has(field.dataTypeID)) {
        field.dataTypeID = OID_TEXT;
      } else if (RELABEL_AS_TEXT_ARRAY.has(field.dataTypeID)) {
        field.dataTypeID = OID_TEXT_ARRAY;
      }
    }
    return addFields.call(this, fields);
  };
  resultPrototype.renkeiCatalogPatch = true;
}

type Queryable = {
  performIO: (query: object) => Promise<{ fields?: PgField[] } | undefined>;
  queryRaw: (query: object) => Promise<{ columnTypes: number[] }>;
  startTransaction?: (...args: unknown[]) => Promise<unknown>;
};

function reportCharColumnsAsCharacter<T>(queryable: T): T {
  const q = queryable as unknown as Queryable;
  const fieldsByQuery = new WeakMap<object, PgField[]>();
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    if (result?.fields) fieldsByQuery.set(query, result.fields);
    return result;
  };
  const queryRaw = q.queryRaw.bind(q);
  q.queryRaw = async (query) => {
    const result = await queryRaw(query);
    fieldsByQuery.get(query)?.forEach((field, i) => {
      if (field.wasChar) result.columnTypes[i] = COLUMN_TYPE_CHARACTER;
    });
    return result;
  };
  if (typeof q.startTransaction === "function") {
    const startTransaction = q.startTransaction.bind(q);
    q.startTransaction = async (...args) => reportCharColumnsAsCharacter(await startTransaction(...args));
  }
  return queryable;
}

export function pgConfigFromUrl(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    idleTimeoutMillis: 1_000,
  };
}

type ScriptRunner = {
  client: { query: (sql: string) => Promise<unknown> };
  executeScript: (script: string) => Promise<void>;
  onError: (error: unknown) => never;
};

function runScriptsWhole<T>(adapter: T): T {
  const a = adapter as unknown as ScriptRunner;
  a.executeScript = async (script) => {
    try {
      await a.client.query(script);
    } catch (error) {
      a.onError(error);
    }
  };
  return adapter;
}

export class PrismaPgForCli extends PrismaPg {
  override async connect() {
    return runScriptsWhole(reportCharColumnsAsCharacter(await super.connect()));
  }
  override async connectToShadowDb() {
    return runScriptsWhole(reportCharColumnsAsCharacter(await super.connectToShadowDb()));
  }
}
