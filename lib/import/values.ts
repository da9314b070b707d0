// Cell value parsers shared by the importers. Values are typed by people in Excel: full-width
// digits, thousands separators, 〒 marks and assorted dashes are accepted and normalised; anything
// ambiguous is an error that quotes the value and says what is expected.
import { normalizeDigits, parseInstitutionCode, parseMunicipalityCode } from "@/lib/domain/codes";
import { prefectureName } from "@/lib/domain/prefectures";
import { normalizeEmail } from "@/lib/auth/messages";
import { formatLines, issue, type TImportIssue } from "./issues";

export type TParsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): TParsed<T> => ({ ok: true, value });
const fail = <T>(message: string): TParsed<T> => ({ ok: false, message });

/** Hyphens, minus signs and the katakana prolonged sound mark people type for "-". */
const DASHES = /[‐‑‒–—―−ｰー－]/g;

const LEADING_ZERO_HINT = "Excel で CSV を開いて保存すると先頭の「0」が消えることがあります。";

/** Non-negative integer: "1234", "1,234", "１２３４", "12.0"; an optional unit suffix (床, 人) is allowed. */
export function parseCount(raw: string, suffixes: readonly string[] = []): TParsed<number> {
  let v = raw.normalize("NFKC").replace(/\s+/g, "");
  for (const suffix of suffixes) if (v.endsWith(suffix)) v = v.slice(0, -suffix.length);
  if (/^\d{1,3}(?:,\d{3})+(?:\.0+)?$/.test(v)) v = v.replace(/,/g, "");
  if (/^\d+\.0+$/.test(v)) v = v.replace(/\.0+$/, "");
  if (!/^\d+$/.test(v)) {
    return fail(`「${raw}」は0以上の整数で入力してください（例: 1234 または 1,234）。`);
  }
  const n = Number(v);
  if (!Number.isSafeInteger(n)) return fail(`「${raw}」は大きすぎます。`);
  return ok(n);
}

/** Signed number with optional decimals and thousands separators (paper-submission counts and ratios). */
export function parseNumber(raw: string): TParsed<number> {
  let v = raw
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/^[−ｰー－]/, "-");
  if (/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(v)) v = v.replace(/,/g, "");
  if (!/^-?\d+(?:\.\d+)?$/.test(v))
    return fail(`「${raw}」は数値ではありません。数字で入力してください（例: 12 または 1,234.5）。`);
  const n = Number(v);
  if (!Number.isFinite(n)) return fail(`「${raw}」は数値ではありません。`);
  return ok(n);
}

/** 郵便番号 as 123-4567 (7 digits, with or without hyphen, 〒 and full-width accepted). */
export function parsePostalCode(raw: string): TParsed<string> {
  const digits = raw.normalize("NFKC").replace(/^〒/, "").replace(DASHES, "-").replace(/[\s-]/g, "");
  if (/^\d{7}$/.test(digits)) return ok(`${digits.slice(0, 3)}-${digits.slice(3)}`);
  if (/^\d{6}$/.test(digits)) {
    return fail(`郵便番号「${raw}」が6桁です。先頭の「0」が欠けていないか確認してください（${LEADING_ZERO_HINT}）。`);
  }
  return fail(`郵便番号「${raw}」は7桁の数字で入力してください（例: 910-8580）。`);
}

/** Japanese phone number: 10 or 11 digits starting with 0, written with hyphens or parentheses. */
export function parsePhone(raw: string): TParsed<string> {
  const v = raw.normalize("NFKC").replace(DASHES, "-").replace(/\s+/g, "");
  const digits = v.replace(/\D/g, "");
  if (!/^[\d()-]+$/.test(v))
    return fail(`電話番号「${raw}」には数字・ハイフン・かっこ以外の文字を含めないでください。`);
  if (/^[1-9]\d{8,9}$/.test(digits)) {
    return fail(
      `電話番号「${raw}」が「0」で始まっていません。先頭の「0」が欠けていないか確認してください（${LEADING_ZERO_HINT}）。`,
    );
  }
  if (!/^0\d{9,10}$/.test(digits))
    return fail(`電話番号「${raw}」は市外局番から10桁または11桁で入力してください（例: 0776-21-1111）。`);
  return ok(v);
}

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** One e-mail address, normalised as sign-in compares them (NFKC, lower case). */
export function parseEmail(raw: string): TParsed<string> {
  const v = normalizeEmail(raw);
  if (/[,;、\s]/.test(v) && v.includes("@")) {
    return fail(`メールアドレス「${raw}」には1件だけ入力してください（複数の区切りや空白は使えません）。`);
  }
  if (v.length > 254 || !EMAIL.test(v))
    return fail(`メールアドレス「${raw}」の形式が正しくありません（例: iryo@example.jp）。`);
  return ok(v);
}

/** 西暦4桁 (2025 or 2025年). */
export function parseYear(raw: string): TParsed<number> {
  const v = raw
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/年(?:度)?$/, "");
  if (/^(?:令和|平成|昭和|[RHS]\d)/i.test(v))
    return fail(`基準年「${raw}」は西暦4桁で入力してください（例: 令和7年 → 2025）。`);
  if (!/^\d{4}$/.test(v) || Number(v) < 1900 || Number(v) > 2100)
    return fail(`基準年「${raw}」は西暦4桁で入力してください（例: 2025）。`);
  return ok(Number(v));
}

/** A calendar date as YYYY-MM-DD from 2025-04-01, 2025/4/1, 2025.4.1 or 2025年4月1日 (西暦 only). */
export function parseDateCell(raw: string): TParsed<string> {
  const v = raw.normalize("NFKC").trim();
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(v);
  if (!m) return fail(`日付「${raw}」は西暦で入力してください（例: 2025-04-01 または 2025/4/1）。`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail(`日付「${raw}」は存在しない日付です。`);
  }
  return ok(`${m[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
}

/** Compares names as typed in different files: NFKC, no spaces. */
export const sameName = (a: string, b: string) =>
  a.normalize("NFKC").replace(/\s+/g, "") === b.normalize("NFKC").replace(/\s+/g, "");

// ---- Codes in the context of the importing prefecture -------------------------------------------

export type TCodeResolution =
  { ok: true; code: string; restored: boolean } | { ok: false; unknown: boolean; message: string };

/**
 * 医療機関コード for this prefecture. Prefectures 01–09 lose the leading 0 when Excel opens a CSV
 * (0112345678 → 112345678); a 9-digit value that becomes valid with the 0 put back, and then
 * matches the prefecture and the check digit, cannot mean anything else and is restored.
 */
export function resolveInstitutionCode(raw: string, prefectureCode: string): TCodeResolution {
  const direct = parseInstitutionCode(raw, prefectureCode);
  if (direct.ok) return { ok: true, code: direct.code, restored: false };
  const digits = normalizeDigits(raw);
  if (prefectureCode.startsWith("0") && /^\d{9}$/.test(digits)) {
    const padded = parseInstitutionCode(`0${digits}`, prefectureCode);
    if (padded.ok) return { ok: true, code: padded.code, restored: true };
  }
  return { ok: false, unknown: false, message: direct.message };
}

/**
 * 市区町村コード (5 or 6 digits) that must be in the importing prefecture and in the known list.
 * As with institution codes, a code that lost its leading 0 is restored only when the restored
 * code is valid, in the prefecture and known.
 */
export function resolveMunicipalityCode(
  raw: string,
  prefectureCode: string,
  knownMunicipalityCodes: ReadonlySet<string>,
): TCodeResolution {
  const direct = parseMunicipalityCode(raw);
  if (direct.ok && direct.code.startsWith(prefectureCode) && knownMunicipalityCodes.has(direct.code)) {
    return { ok: true, code: direct.code, restored: false };
  }
  const digits = normalizeDigits(raw);
  if (prefectureCode.startsWith("0") && /^\d{4,5}$/.test(digits)) {
    const padded = parseMunicipalityCode(`0${digits}`);
    if (padded.ok && padded.code.startsWith(prefectureCode) && knownMunicipalityCodes.has(padded.code)) {
      return { ok: true, code: padded.code, restored: true };
    }
  }
  if (!direct.ok) return { ok: false, unknown: false, message: direct.message };
  const prefecture = prefectureName(prefectureCode);
  if (!direct.code.startsWith(prefectureCode)) {
    return {
      ok: false,
      unknown: false,
      message: `市区町村コード「${raw}」は${prefectureName(direct.code.slice(0, 2))}のコードです。${prefecture}（${prefectureCode}）の市区町村コードを入力してください。`,
    };
  }
  return {
    ok: false,
    unknown: true,
    message: `市区町村コード「${raw}」（${direct.code}）は、登録されている${prefecture}の市区町村にありません。コードの誤りや、合併による変更がないか確認してください。`,
  };
}

/**
 * The prefecture's known municipalities a file left out, as a count and a list for a warning
 * ("福井市（182010）、…" — the first ten, then ほか); null when every one is covered.
 */
export function uncoveredMunicipalities(
  options: {
    prefectureCode: string;
    knownMunicipalityCodes: ReadonlySet<string>;
    municipalityNames?: ReadonlyMap<string, string>;
  },
  covered: ReadonlySet<string>,
): { count: number; list: string } | null {
  const missing = [...options.knownMunicipalityCodes]
    .filter((code) => code.startsWith(options.prefectureCode) && !covered.has(code))
    .sort();
  if (missing.length === 0) return null;
  const names = missing.slice(0, 10).map((code) => {
    const name = options.municipalityNames?.get(code);
    return name ? `${name}（${code}）` : code;
  });
  return { count: missing.length, list: `${names.join("、")}${missing.length > 10 ? " ほか" : ""}` };
}

/** One warning per column for restored leading zeros (a whole column usually lost them at once). */
export function restoredZerosWarning(column: string, lines: readonly number[]): TImportIssue {
  return issue(
    null,
    "leading_zero_restored",
    `${column}: 先頭の「0」が欠けていた ${lines.length.toLocaleString("ja-JP")}件（${formatLines(lines, 5)}）に「0」を補って読み込みました。${LEADING_ZERO_HINT}列の書式を「文字列」にして保存すると防げます。`,
    column,
  );
}
