import "server-only";
import { AppError } from "@/lib/errors";
import { checkFileSize, MAX_IMPORT_BYTES } from "@/lib/import";
import type { TImportFile } from "@/lib/import";

export const FILE_NAME_HEADER = "x-file-name";

/**
 * Reads an uploaded file sent as the raw request body (the file name, URI-encoded, in the
 * x-file-name header). Oversized uploads are refused from Content-Length before anything is read,
 * and by counting while streaming when the header is missing or wrong, so a 50 MB file never sits
 * in memory. The message is the import layer's own.
 */
export async function readUploadedFile(request: Request, maxBytes = MAX_IMPORT_BYTES): Promise<TImportFile> {
  const rawName = request.headers.get(FILE_NAME_HEADER) ?? "";
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    name = rawName;
  }
  name = name.slice(0, 255);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(declared, maxBytes);
  if (!request.body) return { name, bytes: new Uint8Array() };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(total, maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { name, bytes };
}

function tooLarge(bytes: number, limit: number): AppError {
  return new AppError("TOO_LARGE", checkFileSize(bytes, limit)?.message ?? "ファイルが大きすぎます。");
}
