import { db } from "@/lib/db";
import { seedPrefectures } from "@/prisma/seed/demo";

/** Empties every table (keeps the migration history) and re-adds the 47 prefectures. */
export async function resetDatabase(): Promise<void> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    select tablename::text as tablename from pg_tables
    where schemaname = 'public' and tablename <> '_prisma_migrations'`;
  if (tables.length > 0) {
    await db.$executeRawUnsafe(
      `truncate table ${tables.map((t) => `"${t.tablename}"`).join(", ")} restart identity cascade`,
    );
  }
  await seedPrefectures();
}
