/**
 * Runs once when the server starts. Settings are checked here so a misconfigured production
 * server (no NEXTAUTH_SECRET, a malformed URL) stops with a clear message instead of starting
 * and then failing on every sign-in.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseEnv } = await import("./lib/env");
  try {
    parseEnv(process.env);
  } catch (error) {
    console.error(`[renkei] 起動できません: ${(error as Error).message}`);
    process.exit(1);
  }
}
