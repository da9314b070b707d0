// Starts the database the integration tests run against: TEST_DB=postgres for a real
// PostgreSQL, otherwise the embedded default. Workers inherit DATABASE_URL.
import { createTestDatabase, type TTestDatabase } from "../support/test-database";

let database: TTestDatabase | undefined;

export async function setup() {
  const kind = process.env.TEST_DB === "postgres" ? "postgres" : "embedded";
  database = await createTestDatabase(kind);
  process.env.DATABASE_URL = database.url;
  process.env.RENKEI_TEST_DB_KIND = kind;
}

export async function teardown() {
  await database?.stop();
}
