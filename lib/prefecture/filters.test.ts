import { describe, expect, it } from "vitest";
import {
  ACCOUNT_DEFAULT_SORT,
  RESPONDENT_DEFAULT_SORT,
  ROSTER_DEFAULT_SORT,
  ZAccountFilter,
  ZRespondentFilter,
  ZRosterFilter,
  sortParams,
} from "./filters";

// Sort parameters come from URLs people edit and share: a known column and direction is kept,
// anything else falls back to the list's default order, never an error.

describe("sort parameters", () => {
  it.each([
    [{}, RESPONDENT_DEFAULT_SORT, "asc"],
    [{ sort: "deadline" }, "deadline", "asc"],
    [{ sort: "deadline", dir: "desc" }, "deadline", "desc"],
    [{ sort: "status", dir: "asc" }, "status", "asc"],
    [{ sort: "updated", dir: "DESC" }, "updated", "asc"],
    [{ sort: "nope", dir: "desc" }, RESPONDENT_DEFAULT_SORT, "desc"],
    [{ sort: "__proto__" }, RESPONDENT_DEFAULT_SORT, "asc"],
    [{ sort: "name; drop table", dir: "sideways" }, RESPONDENT_DEFAULT_SORT, "asc"],
    [{ sort: "" }, RESPONDENT_DEFAULT_SORT, "asc"],
    // A roster column is not a submissions column.
    [{ sort: "phone" }, RESPONDENT_DEFAULT_SORT, "asc"],
  ])("submissions %j → %s %s", (input, key, dir) => {
    expect(ZRespondentFilter.parse(input)).toMatchObject({ sort: key, dir });
  });

  it.each([
    [{}, ROSTER_DEFAULT_SORT, "asc"],
    [{ sort: "accounts", dir: "desc" }, "accounts", "desc"],
    [{ sort: "email" }, "email", "asc"],
    [{ sort: "deadline" }, ROSTER_DEFAULT_SORT, "asc"],
  ])("roster %j → %s %s", (input, key, dir) => {
    expect(ZRosterFilter.parse(input)).toMatchObject({ sort: key, dir });
  });

  it.each([
    [{}, ACCOUNT_DEFAULT_SORT, "asc"],
    [{ sort: "lastLogin", dir: "desc" }, "lastLogin", "desc"],
    [{ sort: "state" }, "state", "asc"],
    [{ sort: "passwordHash" }, ACCOUNT_DEFAULT_SORT, "asc"],
  ])("accounts %j → %s %s", (input, key, dir) => {
    expect(ZAccountFilter.parse(input)).toMatchObject({ sort: key, dir });
  });

  it("keeps the other filters when the sort is invalid", () => {
    expect(ZRespondentFilter.parse({ sort: "x", status: "DRAFT", page: "2" })).toMatchObject({
      status: "DRAFT",
      page: 2,
      sort: RESPONDENT_DEFAULT_SORT,
    });
  });

  it.each([
    [{ sort: "area", dir: "asc" }, {}],
    [{ sort: "area", dir: "desc" }, { dir: "desc" }],
    [{ sort: "deadline", dir: "asc" }, { sort: "deadline" }],
    [
      { sort: "deadline", dir: "desc" },
      { sort: "deadline", dir: "desc" },
    ],
  ] as const)("puts %j in a URL as %j (the default order is left out)", (filter, params) => {
    const out = sortParams(filter, "area");
    expect(Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined))).toEqual(params);
  });
});
