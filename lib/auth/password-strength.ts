// Password rules (docs/decisions/0014-throttling-and-sessions.md): a minimum length, and no
// password that an attacker tries first. The check uses zxcvbn-ts with its common dictionary
// (the most frequent passwords from public breach corpora, shipped in the npm package: offline)
// plus its pattern matchers (repeats, sequences, keyboard walks, dates). Pure: no I/O.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's score 3 means "safely unguessable: moderate protection from offline attacks". */
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
// Built on first use: unpacking the dictionaries takes ~100 ms, not worth paying at import.
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return factory;
}

/** Japanese message for a password that is too weak, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `パスワードは${MIN_PASSWORD_LENGTH}文字以上で入力してください。`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) return `パスワードは${MAX_PASSWORD_LENGTH}文字以内で入力してください。`;
  if (email && password.toLowerCase() === email.toLowerCase()) {
    return "メールアドレスと同じパスワードは使用できません。";
  }
  // The e-mail's local part and domain words count as known to an attacker.
  const userInputs = email
    ? email
        .toLowerCase()
        .split(/[@.+_-]/)
        .filter((w) => w.length >= 3)
    : [];
  const result = zxcvbn().check(password, userInputs);
  if (result.score < MIN_SCORE) {
    return "このパスワードはよく使われているか推測されやすいため使用できません。単語をいくつか組み合わせた、長めのパスワードにしてください。";
  }
  return null;
}
