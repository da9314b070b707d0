import { describe, expect, it } from "vitest";
import { ROLES, ROLE_HOME, roleForPath, roleFromDb, roleToDb } from "./roles";
import { normalizeEmail, signInErrorMessage } from "./messages";

describe("roles", () => {
  it("round-trips every role through the database enum", () => {
    for (const role of ROLES) expect(roleFromDb(roleToDb(role))).toBe(role);
  });

  it.each([
    ["/prefecture/cycles", "prefecture"],
    ["/institution", "institution"],
    ["/council/packets", "council"],
    ["/login", undefined],
    ["/institutions", undefined],
  ])("%s belongs to %s", (path, role) => {
    expect(roleForPath(path)).toBe(role);
  });

  it("gives every role its own home", () => {
    expect(new Set(Object.values(ROLE_HOME)).size).toBe(ROLES.length);
  });
});

describe("sign-in messages", () => {
  it.each([
    ["INVALID_CREDENTIALS", "メールアドレスまたはパスワードが正しくありません。"],
    ["CredentialsSignin", "メールアドレスまたはパスワードが正しくありません。"],
    [
      "THROTTLED:12",
      "ログインの失敗が続いたため、次の試行まで少しお待ちいただいています。12秒後にもう一度お試しください。パスワードが分からない場合は、都道府県の担当者にお問い合わせください。",
    ],
    ["THROTTLED:300", expect.stringContaining("約5分後にもう一度お試しください。")],
  ])("%s", (code, message) => {
    expect(signInErrorMessage(code)).toEqual(message);
  });

  it("normalises e-mail typed with a Japanese IME", () => {
    expect(normalizeEmail(" Ｃｌｉｎｉｃ＠Ｄｅｍｏ.renkei.jp ")).toBe("clinic@demo.renkei.jp");
  });
});
