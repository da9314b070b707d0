// The hub's PDCA plan on receipts and the council's hub page: a table with one column per field,
// in a keyboard-reachable region that scrolls sideways on a phone — not a run-on cell.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/react";
import { parseDefinition } from "@/lib/questionnaire/definition";
import { AnswersTable } from "./answers-table";

const parsed = parseDefinition(
  JSON.parse(
    readFileSync(path.join(process.cwd(), "prisma", "questionnaires", "hub-self-assessment-r7-v1.json"), "utf8"),
  ),
);
if (!parsed.ok) throw new Error("hub definition");
const definition = parsed.definition;

describe("AnswersTable with a repeating group", () => {
  it("shows the PDCA rows as a table, one column per field", () => {
    render(
      <AnswersTable
        definition={definition}
        answers={{
          pdca_plan: [
            {
              issue: "訪問看護との連携窓口が不明確",
              measure: "多職種合同研修を年2回開催",
              indicator: "研修参加者数",
              baseline: "40人",
              target: "80人",
              due_date: "2026-03-31",
              owner: "拠点事務局",
            },
          ],
        }}
      />,
    );
    const region = screen.getByRole("region", { name: /課題と対応策の一覧/ });
    expect(region).toHaveAttribute("tabindex", "0");
    const rows = within(region)
      .getAllByRole("row")
      .map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent));
    expect(rows[0]).toEqual([
      "No.",
      "課題",
      "課題の区分",
      "対応策",
      "指標",
      "現状値",
      "目標値",
      "期限",
      "担当",
      "達成状況",
      "振り返りメモ",
    ]);
    expect(rows[1]).toEqual([
      "1",
      "訪問看護との連携窓口が不明確",
      "—",
      "多職種合同研修を年2回開催",
      "研修参加者数",
      "40人",
      "80人",
      "2026-03-31",
      "拠点事務局",
      "—",
      "—",
    ]);
    expect(screen.queryByText(/課題: /)).toBeNull();
  });
});
