import "server-only";

/**
 * A file for the browser to save, never cached (exports hold contact details and answers). The
 * Japanese name goes in RFC 5987 `filename*`; `filename` carries an ASCII fallback — a name of the
 * same shape when the caller has one (lib/export/file-name.ts), else the name with "_" for
 * what ASCII cannot hold.
 */
export function fileResponse(
  bytes: Uint8Array,
  fileName: string,
  contentType: string,
  asciiFileName?: string,
): Response {
  const ascii = (asciiFileName ?? fileName).replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
    headers: {
      "content-type": contentType,
      "content-length": String(bytes.byteLength),
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** encodeURIComponent leaves ' ( ) * which RFC 5987's attr-char does not allow. */
const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
