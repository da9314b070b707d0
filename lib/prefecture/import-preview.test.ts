import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES } from "@/lib/import";
import { formatOutcome, MAX_UPLOAD_BYTES, summarizeDetails } from "./import-preview";

describe("import preview helpers", () => {
  it("checks uploads in the browser against the server's own limit", () => {
    expect(MAX_UPLOAD_BYTES).toBe(MAX_IMPORT_BYTES);
  });

  it("summarises an outcome and a preview in Japanese", () => {
    expect(formatOutcome({ created: 15000, updated: 3, unchanged: 0, deactivated: 2 })).toBe(
      "新規 15,000件、更新 3件、変更なし 0件、無効化 2件",
    );
    expect(
      summarizeDetails({ kind: "POPULATION", updates: [], unchanged: 16, counts: { updates: 1, unchanged: 16 } }),
    ).toBe("更新 1件、変更なし 16件");
  });
});
