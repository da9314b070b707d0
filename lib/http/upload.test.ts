import { describe, expect, it } from "vitest";
import { readUploadedFile } from "./upload";

const MB = 1024 * 1024;

describe("reading an uploaded file", () => {
  it("reads the body and the URI-encoded file name", async () => {
    const request = new Request("http://x/api", {
      method: "POST",
      body: new Uint8Array([1, 2, 3]),
      headers: { "x-file-name": encodeURIComponent("名簿.csv") },
    });
    const file = await readUploadedFile(request);
    expect(file.name).toBe("名簿.csv");
    expect([...file.bytes]).toEqual([1, 2, 3]);
  });

  it("refuses an oversized upload from its Content-Length, with the import layer's message", async () => {
    const request = new Request("http://x/api", {
      method: "POST",
      body: "x",
      headers: { "content-length": String(50 * MB) },
    });
    await expect(readUploadedFile(request)).rejects.toMatchObject({
      code: "TOO_LARGE",
      message: expect.stringContaining("上限（20 MB）を超えています"),
    });
  });

  it("stops reading a body that grows past the limit when no length was declared", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += MB;
        controller.enqueue(new Uint8Array(MB));
        if (sent > 60 * MB) controller.close();
      },
    });
    const request = new Request("http://x/api", { method: "POST", body, duplex: "half" } as RequestInit);
    await expect(readUploadedFile(request, 5 * MB)).rejects.toMatchObject({ code: "TOO_LARGE" });
    expect(sent).toBeLessThan(10 * MB);
  });
});
