// Each integration file starts from an empty database holding only the 47 prefectures.
import { beforeAll } from "vitest";
import { resetDatabase } from "../support/reset-database";

beforeAll(async () => {
  await resetDatabase();
});
