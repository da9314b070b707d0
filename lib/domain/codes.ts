// Official code formats, validated exactly: a roster with a mistyped code must be caught at
// import, not discovered at the council meeting.

/** Full-width digits typed in Japanese spreadsheets are accepted and normalised. */
export function normalizeDigits(value: string): string {
  return value.normalize("NFKC").replace(/[\s\-‐－]/g, "");
}

// ---- 全国地方公共団体コード (6 digits = 5 + check digit) ----------------------------------

/** Check digit of a 5-digit local government code (総務省: weights 6..2, modulus 11). */
export function municipalityCheckDigit(code5: string): number {
  const sum = [...code5].reduce((acc, digit, i) => acc + Number(digit) * (6 - i), 0);
  return (11 - (sum % 11)) % 10;
}

export type TCodeCheck = { ok: true; code: string } | { ok: false; message: string };

/** Accepts 6 digits (verified) or 5 digits (check digit added), as 市区町村 lists come both ways. */
export function parseMunicipalityCode(raw: string): TCodeCheck {
  const value = normalizeDigits(raw);
  if (!/^\d{5}(\d)?$/.test(value)) {
    return { ok: false, message: `市区町村コード「${raw}」は5桁または6桁の数字で入力してください。` };
  }
  const code5 = value.slice(0, 5);
  const prefecture = Number(code5.slice(0, 2));
  if (prefecture < 1 || prefecture > 47) {
    return { ok: false, message: `市区町村コード「${raw}」の先頭2桁が都道府県コード（01〜47）ではありません。` };
  }
  const check = municipalityCheckDigit(code5);
  if (value.length === 6 && Number(value[5]) !== check) {
    return { ok: false, message: `市区町村コード「${raw}」の検査数字（6桁目）が正しくありません。` };
  }
  return { ok: true, code: `${code5}${check}` };
}

// ---- 医療機関コード (10 digits) ------------------------------------------------------------
// 都道府県番号(2) + 点数表番号(1: 医科, 3: 歯科) + 郡市区番号(2) + 医療機関番号(4) + 検証番号(1).
// The check digit is computed over all nine preceding digits with the Luhn scheme (weights 2,1
// from the right, products' digits summed), per 保医発0907第5号 as described for 処方箋発行医療機関コード.

export const TENSUHYO_MEDICAL = "1";
export const TENSUHYO_DENTAL = "3";

export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    const digit = Number(payload[payload.length - 1 - i]);
    const product = i % 2 === 0 ? digit * 2 : digit;
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

export function parseInstitutionCode(raw: string, expectedPrefectureCode?: string): TCodeCheck {
  const value = normalizeDigits(raw);
  if (!/^\d{10}$/.test(value)) {
    return { ok: false, message: `医療機関コード「${raw}」は10桁の数字で入力してください。` };
  }
  const prefecture = value.slice(0, 2);
  if (Number(prefecture) < 1 || Number(prefecture) > 47) {
    return { ok: false, message: `医療機関コード「${raw}」の先頭2桁が都道府県番号（01〜47）ではありません。` };
  }
  if (expectedPrefectureCode && prefecture !== expectedPrefectureCode) {
    return {
      ok: false,
      message: `医療機関コード「${raw}」の都道府県番号（${prefecture}）が対象の都道府県（${expectedPrefectureCode}）と一致しません。`,
    };
  }
  const tensuhyo = value[2];
  if (tensuhyo === TENSUHYO_DENTAL) {
    return {
      ok: false,
      message: `医療機関コード「${raw}」は歯科（点数表番号3）です。歯科医療機関は報告の対象外です。`,
    };
  }
  if (tensuhyo !== TENSUHYO_MEDICAL) {
    return { ok: false, message: `医療機関コード「${raw}」の3桁目（点数表番号）が医科の「1」ではありません。` };
  }
  if (luhnCheckDigit(value.slice(0, 9)) !== Number(value[9])) {
    return {
      ok: false,
      message: `医療機関コード「${raw}」の検証番号（末尾の桁）が一致しません。入力誤りがないか確認してください。`,
    };
  }
  return { ok: true, code: value };
}

/** Builds a valid code from its parts (used by demo and synthetic data). */
export function buildInstitutionCode(prefectureCode: string, districtAndNumber6: string): string {
  const payload = `${prefectureCode}${TENSUHYO_MEDICAL}${districtAndNumber6}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}
