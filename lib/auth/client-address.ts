// The client address sign-in throttling keys on. Renkei runs behind a reverse proxy that appends
// the connecting address to X-Forwarded-For (README: deployment); Next's request handler (under
// scripts/server.mjs as under `next start`) sets the header to the socket address when no proxy
// did. The right-most entry is the one added by the hop nearest to us, so a client cannot choose
// it by sending its own header through the proxy.
import { UNKNOWN_ADDRESS } from "./throttle-policy";

type THeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

export function clientAddress(headers: THeaderBag): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : (headers?.["x-forwarded-for"] ?? undefined);
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").at(-1)?.trim();
  return last ? last.slice(0, 64) : UNKNOWN_ADDRESS;
}
