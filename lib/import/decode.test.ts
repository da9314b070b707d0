import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES, checkFileSize, decodeText, sniffFormat } from "./decode";
import { encode, pseudoRandomBytes } from "@/tests/fixtures/import/builders";

const SAMPLE = "医療機関コード,名称\r\n1810000011,福井ｸﾘﾆｯｸ・髙橋医院①～\r\n";

function decoded(bytes: Uint8Array) {
  const result = decodeText(bytes);
  if (!result.ok) throw new Error(result.issue.message);
  return result;
}

function refused(bytes: Uint8Array) {
  const result = decodeText(bytes);
  if (result.ok) throw new Error(`decoded as ${result.encoding}`);
  return result.issue;
}

describe("decodeText", () => {
  it("reads UTF-8 with a BOM and strips it", () => {
    const result = decoded(encode(SAMPLE, "utf-8-bom"));
    expect(result).toEqual({ ok: true, text: SAMPLE, encoding: "utf-8-bom" });
  });

  it("reads UTF-8 without a BOM", () => {
    expect(decoded(encode(SAMPLE, "utf-8"))).toEqual({ ok: true, text: SAMPLE, encoding: "utf-8" });
  });

  it("reads Shift_JIS as CP932, including NEC/IBM extensions (①, 髙) and half-width katakana", () => {
    expect(decoded(encode(SAMPLE, "shift_jis"))).toEqual({ ok: true, text: SAMPLE, encoding: "shift_jis" });
  });

  it("calls plain ASCII UTF-8", () => {
    expect(decoded(encode("a,b\n1,2\n", "utf-8")).encoding).toBe("utf-8");
  });

  it.each([
    ["UTF-16LE with BOM", encode(SAMPLE, "utf-16le-bom")],
    ["UTF-16LE without BOM", encode(SAMPLE, "utf-16le")],
  ])("refuses %s and says how to re-save", (_name, bytes) => {
    const problem = refused(bytes);
    expect(problem.code).toBe("encoding");
    expect(problem.message).toContain("UTF-16");
    expect(problem.message).toContain("CSV UTF-8（コンマ区切り）");
  });

  it("refuses EUC-JP although it decodes as CP932 without an invalid byte", () => {
    const text = "医療機関コード,名称,住所\n1810000011,福井県立病院,福井県福井市四ツ井二丁目\n";
    const problem = refused(encode(text, "euc-jp"));
    expect(problem.code).toBe("encoding");
    expect(problem.message).toContain("EUC-JP");
    expect(problem.message).toContain("UTF-8 または Shift_JIS");
  });

  it("refuses EUC-JP kana that CP932 would read as clean half-width katakana", () => {
    const bytes = encode("かな,カナ\nあいう,アイウ\n", "euc-jp");
    expect(refused(bytes).message).toContain("EUC-JP");
  });

  it("still reads a Shift_JIS file written only in half-width katakana", () => {
    const text = "ﾒｲｼｮｳ,ｼﾞｭｳｼｮ\nｸﾘﾆｯｸ,ﾌｸｲｼ\n";
    expect(decoded(encode(text, "shift_jis"))).toEqual({ ok: true, text, encoding: "shift_jis" });
  });

  it("refuses random binary with the re-save hint", () => {
    const problem = refused(pseudoRandomBytes(4096));
    expect(problem.code).toBe("encoding");
    expect(problem.message).toMatch(/文字コードを判別できません/);
    expect(problem.message).toContain("UTF-8 または Shift_JIS");
  });

  it("points at the line of a broken byte in an otherwise UTF-8 file", () => {
    const good = Buffer.from(
      "名称,住所\n福井県立病院,福井市四ツ井二丁目8-1\n福井赤十字病院,福井市月見二丁目4-1\n",
      "utf-8",
    );
    const bytes = new Uint8Array(Buffer.concat([good, Buffer.from([0xe7, 0x97]), Buffer.from(",壊れた行\n", "utf-8")]));
    const problem = refused(bytes);
    expect(problem.message).toContain("UTF-8 のファイルですが、4行目");
  });

  it("treats an empty file as empty, not as an encoding problem", () => {
    expect(refused(new Uint8Array()).code).toBe("file_empty");
  });

  it("drops a trailing DOS end-of-file mark", () => {
    expect(decoded(new Uint8Array([...encode("a,b\n", "utf-8"), 0x1a])).text).toBe("a,b\n");
  });
});

describe("checkFileSize", () => {
  it("accepts exactly the limit and refuses one byte more, giving both sizes in MB", () => {
    expect(checkFileSize(MAX_IMPORT_BYTES)).toBeNull();
    expect(checkFileSize(25 * 1024 * 1024)?.message).toBe(
      "ファイルのサイズ（25 MB）が上限（20 MB）を超えています。ファイルを分割するか、不要な列やシートを削除してから読み込んでください。",
    );
    expect(checkFileSize(MAX_IMPORT_BYTES + 1)?.message).toContain("（20.0 MB）");
  });
});

describe("sniffFormat", () => {
  it.each<[string, number[], string]>([
    ["ZIP (.xlsx)", [0x50, 0x4b, 0x03, 0x04, 0x14], "zip"],
    ["OLE (.xls)", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "ole"],
    ["PDF", [0x25, 0x50, 0x44, 0x46, 0x2d], "pdf"],
    ["text", [0x61, 0x2c, 0x62], "text"],
  ])("recognises %s", (_name, bytes, format) => {
    expect(sniffFormat(new Uint8Array(bytes))).toBe(format);
  });
});

describe("a file that mixes UTF-8 and Shift_JIS", () => {
  it("names the first line that is not UTF-8, not line 1", () => {
    const utf8 = encode("医療機関コード,名称\n1810000011,福井病院\n1810000029,鯖江医院\n", "utf-8");
    const sjis = encode("1810000037,越前クリニック\n", "shift_jis");
    const result = decodeText(new Uint8Array([...utf8, ...sjis]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issue.message).toMatch(/^4行目から UTF-8 ではない文字（Shift_JIS など）が混ざっています。/);
  });

  it("still reads a file that is Shift_JIS throughout", () => {
    const result = decodeText(encode("医療機関コード,名称\n1810000011,福井病院\n", "shift_jis"));
    expect(result).toMatchObject({ ok: true, encoding: "shift_jis" });
  });
});
