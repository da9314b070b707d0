// Many requests at once, as a busy morning before the deadline looks. On the embedded database
// this once failed with `portal "" does not exist` (interleaved extended-protocol messages in
// pglite-socket; fixed in scripts/lib/embedded-db.ts).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { authenticateWithPassword } from "@/lib/auth/sign-in";

describe("concurrency", () => {
  it("20 people signing in at the same moment all get in", async () => {
    const passwordHash = await hashPassword("concurrent-pw-123");
    await db.user.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({
        email: `rush${i}@example.jp`,
        name: "同時",
        role: "ADMIN" as const,
        passwordHash,
      })),
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => authenticateWithPassword(`rush${i}@example.jp`, "concurrent-pw-123")),
    );
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it("interleaved reads, batch and interactive transactions do not disturb each other", async () => {
    const emails = Array.from({ length: 20 }, (_, i) => `rush${i}@example.jp`);
    await Promise.all(
      emails.flatMap((email, i) => [
        db.user.findUnique({ where: { email } }),
        db.$transaction([db.user.count(), db.user.update({ where: { email }, data: { name: `一括${i}` } })]),
        db.$transaction(async (tx) => {
          const user = await tx.user.findUniqueOrThrow({ where: { email } });
          await tx.auditEvent.create({ data: { action: "test.concurrency", entityType: "user", entityId: user.id } });
        }),
      ]),
    );
    expect(await db.auditEvent.count({ where: { action: "test.concurrency" } })).toBe(20);
  });
});
