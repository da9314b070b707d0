// A standalone embedded database process (PGlite over the PostgreSQL protocol on loopback), for
// benchmarks and tools that must not share an event loop with the database.
// Usage: tsx scripts/db-server.ts [--port <n>] [--data <dir>]   (no --data: in memory)
// Prints "READY <url>" once it accepts connections; stops on SIGTERM/SIGINT.
import { parseArgs } from "node:util";
import { findFreePort, startEmbeddedDatabase } from "./lib/embedded-db";

const { values } = parseArgs({ options: { port: { type: "string" }, data: { type: "string" } } });
const port = values.port ? Number(values.port) : await findFreePort();
const database = await startEmbeddedDatabase({ port, dataDir: values.data });
console.log(`READY ${database.url}`);
const stop = async () => {
  await database.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
