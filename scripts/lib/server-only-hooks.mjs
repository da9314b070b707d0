// Module resolution hook: scripts are trusted server code, so the `server-only` marker (which
// throws outside Next's react-server build) resolves to an empty module for them.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") {
    return { url: "data:text/javascript,export%20%7B%7D%3B", shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
