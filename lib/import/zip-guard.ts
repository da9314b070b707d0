// An .xlsx is a ZIP of XML files. A 20 MB upload can inflate to gigabytes (a "zip bomb"), and
// exceljs inflates every entry into memory before we see a single cell, so the archive is checked
// first: declared sizes from the central directory, then each entry is actually inflated with a
// hard output cap, because declared sizes can lie.
import { inflateRawSync } from "node:zlib";

/** Total uncompressed size accepted. Real rosters of 15,000 rows are ~20 MB of XML. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 150 * 1024 * 1024;
/** Entries in the archive; a workbook has a few dozen. */
export const MAX_XLSX_ENTRIES = 2000;

export type TZipEntry = { name: string; compressedSize: number; uncompressedSize: number };

export type TZipInspection = { ok: true; entries: TZipEntry[] } | { ok: false; reason: string };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let offset = last; offset >= first; offset--) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) return offset;
  }
  return -1;
}

const fail = (reason: string): TZipInspection => ({ ok: false, reason });

/** Lists the archive's entries and proves that inflating them stays within the limits. */
export function inspectZip(bytes: Uint8Array, maxTotal = MAX_XLSX_UNCOMPRESSED_BYTES): TZipInspection {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22) return fail("ファイルが壊れています（ZIP の終わりが見つかりません）。");
  const eocd = findEndOfCentralDirectory(view);
  if (eocd === -1) return fail("ファイルが壊れています（ZIP の終わりが見つかりません）。");

  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    return fail("ZIP64 形式のファイルには対応していません。Excel で開いて .xlsx として保存し直してください。");
  }
  if (count > MAX_XLSX_ENTRIES) return fail(`ファイル内の部品の数（${count}）が多すぎます。`);
  if (directoryOffset + directorySize > eocd) return fail("ファイルが壊れています（ZIP の目次が正しくありません）。");

  const entries: TZipEntry[] = [];
  const decoder = new TextDecoder("utf-8");
  let declaredTotal = 0;
  let actualTotal = 0;
  let offset = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > eocd || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) {
      return fail("ファイルが壊れています（ZIP の目次が正しくありません）。");
    }
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;

    if (flags & 0x1) {
      return fail("暗号化（パスワード付き）のファイルは読み込めません。パスワードを解除して保存し直してください。");
    }
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) {
      return fail("ZIP64 形式のファイルには対応していません。Excel で開いて .xlsx として保存し直してください。");
    }
    declaredTotal += uncompressedSize;
    if (declaredTotal > maxTotal) return fail(tooLarge(maxTotal));

    if (name.endsWith("/")) {
      entries.push({ name, compressedSize, uncompressedSize });
      continue;
    }
    if (localOffset + 30 > bytes.byteLength || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) {
      return fail("ファイルが壊れています（ZIP の部品が見つかりません）。");
    }
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (data.byteLength !== compressedSize) return fail("ファイルが壊れています（ZIP の部品が途中で切れています）。");

    let actual: number;
    if (method === 0) {
      actual = compressedSize;
    } else if (method === 8) {
      try {
        // The cap is what is left of the budget: a lying header cannot make this allocate more.
        actual = inflateRawSync(data, { maxOutputLength: Math.max(1, maxTotal - actualTotal) }).byteLength;
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return fail(tooLarge(maxTotal));
        return fail("ファイルが壊れています（ZIP の部品を展開できません）。");
      }
    } else {
      return fail(
        `対応していない圧縮方式（${method}）のファイルです。Excel で開いて .xlsx として保存し直してください。`,
      );
    }
    if (actual !== uncompressedSize) return fail("ファイルが壊れています（ZIP の部品の大きさが目次と一致しません）。");
    actualTotal += actual;
    if (actualTotal > maxTotal) return fail(tooLarge(maxTotal));
    entries.push({ name, compressedSize, uncompressedSize });
  }
  return { ok: true, entries };
}

function tooLarge(maxTotal: number): string {
  return `展開後のデータが大きすぎます（上限 ${Math.round(maxTotal / 1024 / 1024)} MB）。不要なシートや書式・画像を削除するか、CSV で保存して読み込んでください。`;
}
