// Each integration file starts from an empty database holding only the 47 prefectures.
import { afterAll, beforeAll } from "vitest";
import { stopJobWorkers } from "@/lib/jobs/workers";
import { resetDatabase } from "../support/reset-database";

beforeAll(async () => {
  await resetDatabase();
});

// Services queue jobs (lib/jobs); the tests run the handlers themselves.
afterAll(async () => {
  await stopJobWorkers();
});
