import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-strength";

describe("passwordProblem (finding 5: weak passwords)", () => {
  it.each(["1234567890", "password12", "aaaaaaaaaa", "qwertyuiop", "iloveyou123", "Password1234", "abcdefghij"])(
    "refuses the common or guessable %s with a Japanese reason",
    (password) => {
      expect(passwordProblem(password)).toMatch(/推測されやすい|よく使われている/);
    },
  );

  it("refuses a short password with the minimum length", () => {
    expect(passwordProblem("k7#Qz!")).toBe("パスワードは10文字以上で入力してください。");
  });

  it("refuses the e-mail address or a password made of it", () => {
    expect(passwordProblem("echizen@example.jp", "echizen@example.jp")).toBe(
      "メールアドレスと同じパスワードは使用できません。",
    );
    expect(passwordProblem("echizen2027!", "echizen@example.jp")).toMatch(/推測されやすい/);
  });

  it.each([
    "correct horse battery",
    "e2e clinic password 2026",
    "a long enough password",
    "夏の丹南で在宅医療を支える",
  ])("accepts the passphrase %s", (password) => {
    expect(passwordProblem(password)).toBeNull();
  });
});
