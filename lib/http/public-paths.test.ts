import { describe, expect, it } from "vitest";
import { isPublicPath } from "./public-paths";

describe("isPublicPath", () => {
  it.each([
    ["/public", true],
    ["/public/", true],
    ["/public/18", true],
    ["/public/18/institutions/abc", true],
    ["/api/v1/public", true],
    ["/api/v1/public/18/institutions", true],
    ["/publicity", false],
    ["/public-admin", false],
    ["/api/v1/publication", false],
    ["/api/v1/public-x/18", false],
    ["/prefecture/public", false],
    ["/api/v1/prefecture/cycles/x/publication", false],
    ["/", false],
  ])("%s → %s", (path, expected) => {
    expect(isPublicPath(path)).toBe(expected);
  });
});
