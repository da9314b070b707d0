// The soft-rule warnings in the form and on receipts/reviews (ADR 0019): the explanation field is
// labelled, says whether it is required and reports a missing one; stored warnings sit under
// their item with the explanation (or 未記入).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@testing-library/react";
import { parseDefinition } from "@/lib/questionnaire/definition";
import type { TSoftWarning } from "@/lib/questionnaire/soft-rules";
import { SoftWarnings } from "./soft-warnings";
import { AnswersTable } from "./answers-table";

const warning: TSoftWarning = {
  ruleId: "training-held-without-count",
  kind: "consistency",
  importance: "caution",
  items: ["d4_training_held", "d4_training_count"],
  message: "研修の実施を「はい」と回答されていますが、開催回数が0回です。",
  explanationRequired: true,
};

describe("SoftWarnings", () => {
  it("shows the message with a labelled explanation field and reports a missing required one", () => {
    const onExplain = vi.fn();
    render(
      <SoftWarnings
        warnings={[warning]}
        explanations={{}}
        onExplain={onExplain}
        disabled={false}
        missing={new Set([warning.ruleId])}
      />,
    );
    expect(screen.getByTestId(`soft-warning-${warning.ruleId}`)).toHaveTextContent("注意" + warning.message);
    const field = screen.getByLabelText("説明（提出には記入が必要です）");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("説明を記入してください。")).toBeInTheDocument();
    fireEvent.change(field, { target: { value: "年度途中に開始" } });
    expect(onExplain).toHaveBeenCalledWith(warning.ruleId, "年度途中に開始");
  });

  it("an optional explanation says so; a read-only form shows the text instead of a field", () => {
    const optional = { ...warning, explanationRequired: false };
    const { rerender } = render(
      <SoftWarnings
        warnings={[optional]}
        explanations={{}}
        onExplain={() => {}}
        disabled={false}
        missing={new Set()}
      />,
    );
    expect(screen.getByLabelText("説明（任意）")).not.toHaveAttribute("aria-invalid");
    rerender(
      <SoftWarnings
        warnings={[optional]}
        explanations={{ [optional.ruleId]: "年度途中に開始" }}
        onExplain={() => {}}
        disabled
        missing={new Set()}
      />,
    );
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.getByText("説明: 年度途中に開始")).toBeInTheDocument();
  });
});

describe("AnswersTable with stored warnings", () => {
  const parsed = parseDefinition(
    JSON.parse(
      readFileSync(path.join(process.cwd(), "prisma", "questionnaires", "hub-self-assessment-r7-v1.json"), "utf8"),
    ),
  );
  if (!parsed.ok) throw new Error("hub definition");

  it("marks the item the warning was shown next to, with the explanation or 未記入", () => {
    render(
      <AnswersTable
        definition={parsed.definition}
        answers={{ d4_training_held: true, d4_training_count: 0 }}
        warnings={[{ ...warning, explanation: null }]}
      />,
    );
    const stored = screen.getByTestId(`stored-warning-${warning.ruleId}`);
    expect(stored).toHaveTextContent("［注意］" + warning.message);
    expect(stored).toHaveTextContent("説明: （未記入）");
    expect(stored.closest("tr")).toHaveTextContent(/研修/);
  });
});
