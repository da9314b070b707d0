import { describe, expect, it } from "vitest";
import { miniClinicDefinition } from "@/tests/factories/questionnaire";
import { auditActionLabel } from "@/lib/prefecture/audit-labels";
import {
  auditEntries,
  auditLogTable,
  changeLine,
  draftSaveText,
  groupSessions,
  mergeSnapshots,
  wordChanges,
  type TAuditEventRow,
} from "./audit-history";

const def = miniClinicDefinition();
const T0 = new Date("2026-01-10T01:00:00Z").getTime();
const MIN = 60_000;

let nextId = 1000;
const row = (over: Partial<TAuditEventRow> & { minute: number }): TAuditEventRow => ({
  id: String(nextId++),
  at: new Date(T0 + over.minute * MIN),
  actorEmail: "clinic@example.jp",
  actorRole: "institution",
  action: "submission.save_draft",
  entityType: "submission",
  entityId: "s1",
  summary: "下書きを保存（1項目を変更）",
  before: {},
  after: {},
  subjectName: "鯖江クリニック",
  definition: def,
  ...over,
});

describe("event kinds in words", () => {
  it.each([
    ["submission.return", "差戻し"],
    ["submissions.export", "回答一覧の出力"],
    // Kinds other branches add, before they register a label: still words, never the key.
    ["mail.send", "メールの送信"],
    ["reminders.schedule", "督促の予約"],
    ["publication.publish", "公表の公表"],
    ["query.answer", "照会の回答"],
    ["mail.something_new", "メールの操作"],
    ["brand_new.thing", "その他の操作"],
    ["brand_new.delete", "削除（その他）"],
  ])("%s reads 「%s」", (action, label) => {
    expect(auditActionLabel(action)).toBe(label);
  });
});

describe("changes in words", () => {
  it.each([
    [
      "a single choice by its option labels",
      { ro_beds: "0" },
      { ro_beds: "5" },
      "後方支援病床の確保: 無し(意向無し) → 有り(連携による確保)",
    ],
    [
      "a multiple choice",
      { f1_areas: ["1"] },
      { f1_areas: ["1", "9"] },
      "★一次診療の対応ができる領域: 皮膚・形成外科領域 → 皮膚・形成外科領域、循環器系領域",
    ],
    ["a yes/no (★ kept)", { f1_notice: null }, { f1_notice: true }, "★院内掲示: （未回答） → はい"],
    [
      "a partner list as names",
      { ro_partners: null },
      { ro_partners: [{ code: "1810100015", name: "連携病院" }] },
      "連携医療機関名称: （未回答） → 連携病院（1810100015）",
    ],
    ["a number with separators", { i_overtime: 10 }, { i_overtime: 1200 }, "時間外加算の算定回数: 10 → 1,200"],
    ["a status field", { status: "SUBMITTED" }, { status: "RETURNED" }, "状況: 提出済 → 差戻し"],
  ] as const)("words %s", (_name, before, after, line) => {
    const [change] = wordChanges(before as never, after as never, def);
    expect(changeLine(change!)).toBe(line);
  });

  it("words an unknown object as 「項目: 値」 pairs, never JSON", () => {
    const [change] = wordChanges(null, { filter: { status: "SUBMITTED", zone: "丹南" } }, null);
    expect(change!.after).toBe("状況: 提出済・圏域: 丹南");
    expect(change!.after).not.toMatch(/[{}"]/);
  });

  it("lists questionnaire items in questionnaire order", () => {
    const changes = wordChanges({ ro_beds: "0", f1_notice: false }, { ro_beds: "4", f1_notice: true }, def);
    expect(changes.map((c) => c.field)).toEqual(["f1_notice", "ro_beds"]);
  });
});

describe("autosave sessions", () => {
  it("merges consecutive autosaves of one person on one report less than 30 minutes apart", () => {
    const rows = [
      row({ minute: 50, before: { ro_beds: "4" }, after: { ro_beds: "5" } }),
      row({ minute: 30, before: { i_overtime: null }, after: { i_overtime: 12 } }),
      row({ minute: 10, before: { ro_beds: "0" }, after: { ro_beds: "4" } }),
      // 41 minutes before the next one: another session.
      row({ minute: -31, before: { f1_notice: null }, after: { f1_notice: true } }),
    ];
    expect(groupSessions(rows).map((g) => g.length)).toEqual([3, 1]);
    const [session, older] = auditEntries(rows);
    expect(session).toMatchObject({ count: 3, text: "下書きを保存（3回・2項目を変更）" });
    expect(session!.from).toEqual(rows[2]!.at);
    expect(session!.to).toEqual(rows[0]!.at);
    expect(session!.changes.map(changeLine)).toEqual([
      "時間外加算の算定回数: （未回答） → 12",
      "後方支援病床の確保: 無し(意向無し) → 有り(連携による確保)",
    ]);
    expect(older).toMatchObject({ count: 1, text: "下書きを保存（1項目を変更）" });
  });

  it.each([
    ["another person", { actorEmail: "other@example.jp" }],
    ["another report", { entityId: "s2" }],
    ["another kind of event", { action: "submission.submit", summary: "報告を提出" }],
  ])("does not merge across %s", (_name, over) => {
    const rows = [row({ minute: 5 }), row({ minute: 4, ...over }), row({ minute: 3 })];
    expect(groupSessions(rows).map((g) => g.length)).toEqual([1, 1, 1]);
  });

  it("says 「内容の変更なし」 for saves that changed nothing, and drops changes undone within the session", () => {
    expect(draftSaveText(1, 0)).toBe("下書きを保存（内容の変更なし）");
    const rows = [
      row({ minute: 2, before: { ro_beds: "4" }, after: { ro_beds: "0" } }),
      row({ minute: 1, before: { ro_beds: "0" }, after: { ro_beds: "4" } }),
    ];
    expect(mergeSnapshots([...rows].reverse())).toEqual({ before: {}, after: {} });
    expect(auditEntries(rows)[0]!.text).toBe("下書きを保存（2回・内容の変更なし）");
    expect(auditEntries([row({ minute: 0 })])[0]!.text).not.toMatch(/0項目/);
  });

  it("keeps other events as their stored sentence with the changes in words", () => {
    const [entry] = auditEntries([
      row({
        minute: 0,
        action: "submission.return",
        actorEmail: "pref@example.jp",
        actorRole: "prefecture",
        summary: "鯖江クリニック の報告（第1版）を差し戻した",
        before: { status: "SUBMITTED", reviewComment: null },
        after: { status: "RETURNED", reviewComment: "病床数を確認してください" },
      }),
    ]);
    expect(entry).toMatchObject({ actionLabel: "差戻し", roleLabel: "都道府県", entityLabel: "報告" });
    expect(entry!.changes.map(changeLine)).toEqual([
      "状況: 提出済 → 差戻し",
      "回答者へのコメント: （なし） → 病床数を確認してください",
    ]);
  });
});

describe("audit log table", () => {
  it("has one row per entry with the changes in words", () => {
    const rows = [
      row({ minute: 2, before: { ro_beds: "4" }, after: { ro_beds: "5" } }),
      row({ minute: 1, before: { ro_beds: "0" }, after: { ro_beds: "4" } }),
    ];
    const table = auditLogTable(auditEntries(rows));
    expect(table.rows).toHaveLength(1);
    const [first] = table.rows;
    expect(first![2]).toBe(2);
    expect(first![5]).toBe("下書き保存");
    expect(first![7]).toBe("鯖江クリニック");
    expect(first![9]).toBe("後方支援病床の確保: 無し(意向無し) → 有り(連携による確保)");
  });
});
