import { describe, expect, it } from "vitest";
import { auditActionLabel, auditValue } from "./audit-labels";
import { REVIEW_FLAG_KINDS } from "./review-flags";
import {
  ACKNOWLEDGEABLE_FLAG_KINDS,
  acknowledgementAuditSummary,
  acknowledgementText,
  bigChangeAckRefusal,
  bigChangeAckRevision,
  bigChangeItemKey,
  earlierAcknowledgement,
  earlierAcknowledgementText,
  findAcknowledgement,
  isAcknowledgeable,
  openBigChangeCount,
  type TFlagAcknowledgementView,
} from "./review-flag-acks";

// 確認済み（問題なし） (ADR 0020, "Acknowledged flags"): which flags may be acknowledged, what a
// 前年比大 warning's item is, what stays open, and how an acknowledgement reads.

const change = (item: string) => ({ kind: "change", items: [item] });
const range = (item: string) => ({ kind: "range", items: [item] });
const consistency = (...items: string[]) => ({ kind: "consistency", items });

describe("which flags are acknowledgeable", () => {
  it.each([
    ["outlier", true],
    ["big-change", true],
    ["query-open", false],
    ["query-answered", false],
    ["warning-unexplained", false],
    ["any", false],
    ["toString", false],
  ] as const)("%s → %s", (kind, expected) => {
    expect(isAcknowledgeable(kind)).toBe(expected);
  });

  it("are review flag kinds", () => {
    for (const kind of ACKNOWLEDGEABLE_FLAG_KINDS) expect(REVIEW_FLAG_KINDS).toContain(kind);
  });
});

describe("前年比大 items", () => {
  it.each([
    [change("ha_home_visit_count"), "ha_home_visit_count"],
    [range("ha_home_visit_count"), null],
    [consistency("ha_system", "ha_home_visit_count"), null],
    [{ kind: "change", items: [] }, null],
  ] as const)("%j is about %s", (warning, key) => {
    expect(bigChangeItemKey(warning)).toBe(key);
  });

  const warnings = [change("a"), change("b"), range("a"), consistency("c", "d")];
  it.each<[string[], number, number]>([
    [[], 2, 0],
    [["a"], 1, 0],
    [["b"], 1, 0],
    [["a", "b"], 0, 7],
    [["a", "b", "c"], 0, 7],
    [["c"], 2, 0],
  ])("acknowledged %j: %i open, stamp %i (revision 7)", (acked, open, stamp) => {
    const set = new Set(acked);
    expect(openBigChangeCount(warnings, set)).toBe(open);
    expect(bigChangeAckRevision(7, warnings, set)).toBe(stamp);
  });

  type TRow = [{ kind: string; items: string[]; explanation: string | null }[], string, string | null];
  it.each<TRow>([
    [[{ ...change("a"), explanation: "増えた" }], "a", null],
    [[{ ...change("a"), explanation: null }], "a", "説明が記入されていない前年比大は確認済みにできません"],
    [[{ ...range("a"), explanation: "x" }], "a", "この版の目印がありません"],
    [[{ ...change("a"), explanation: "x" }], "b", "この版の目印がありません"],
  ])("acknowledging %j's %s: refused because %s", (list, key, refusal) => {
    const result = bigChangeAckRefusal(list, key);
    if (refusal === null) expect(result).toBeNull();
    else expect(result).toContain(refusal);
  });

  it("stamps nothing for a report without 前年比大 warnings", () => {
    expect(bigChangeAckRevision(3, [range("a")], new Set(["a"]))).toBe(0);
    expect(bigChangeAckRevision(3, [], new Set())).toBe(0);
    expect(openBigChangeCount([], new Set())).toBe(0);
  });
});

describe("finding an item's acknowledgement", () => {
  const at = new Date("2026-12-05T08:30:00Z");
  const ack = (
    kind: string,
    itemKey: string,
    revision: number,
    note: string | null = null,
  ): TFlagAcknowledgementView => ({
    kind,
    itemKey,
    revision,
    note,
    acknowledgedByEmail: "pref@example.jp",
    acknowledgedAt: at,
  });
  const acks = [
    ack("outlier", "x", 1),
    ack("outlier", "x", 3, "実数"),
    ack("big-change", "x", 2),
    ack("outlier", "y", 2),
  ];

  it.each([
    ["outlier", "x", 1, 1],
    ["outlier", "x", 3, 3],
    ["outlier", "x", 2, null],
    ["big-change", "x", 2, 2],
    ["big-change", "x", 3, null],
    ["outlier", "z", 1, null],
  ] as const)("%s %s of revision %i → %s", (kind, key, revision, found) => {
    expect(findAcknowledgement(acks, kind, key, revision)?.revision ?? null).toBe(found);
  });

  it.each([
    ["outlier", "x", 4, 3],
    ["outlier", "x", 3, 1],
    ["outlier", "x", 1, null],
    ["big-change", "x", 3, 2],
    ["outlier", "y", 2, null],
  ] as const)("the latest earlier one of %s %s before revision %i → %s", (kind, key, revision, found) => {
    expect(earlierAcknowledgement(acks, kind, key, revision)?.revision ?? null).toBe(found);
  });

  it("reads with who, when (Japan time) and the note", () => {
    expect(acknowledgementText(ack("outlier", "x", 3, "電話で確認"))).toBe(
      "確認済み（問題なし） 2026/12/05 17:30・pref@example.jp：電話で確認",
    );
    expect(acknowledgementText(ack("outlier", "x", 3))).toBe("確認済み（問題なし） 2026/12/05 17:30・pref@example.jp");
    expect(earlierAcknowledgementText(ack("outlier", "x", 1))).toContain("第1版では確認済み（問題なし）でした");
  });
});

describe("the audit words", () => {
  it.each([
    [false, "outlier", "さくら内科 の報告（第2版）の「時間外加算」の外れ値を確認済み（問題なし）にした"],
    [true, "outlier", "さくら内科 の報告（第2版）の「時間外加算」の外れ値の確認済み（問題なし）を取り消した"],
    [false, "big-change", "さくら内科 の報告（第2版）の「時間外加算」の前年比大を確認済み（問題なし）にした"],
  ] as const)("undo %s, %s", (undo, kind, text) => {
    expect(acknowledgementAuditSummary({ name: "さくら内科", revision: 2, kind, itemLabel: "時間外加算", undo })).toBe(
      text,
    );
  });

  it("labels both actions and the flag in Japanese", () => {
    expect(auditActionLabel("review_flag.acknowledge")).toBe("目印の確認済み（問題なし）");
    expect(auditActionLabel("review_flag.unacknowledge")).toBe("目印の確認済み（問題なし）の取消");
    expect(auditValue("flag", "big-change")).toBe("前年比大");
    expect(auditValue("flag", "outlier")).toBe("外れ値");
  });
});
