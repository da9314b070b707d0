// The client's address as the reverse proxy in front of the app reports it (the first hop of
// X-Forwarded-For, or X-Real-IP); "unknown" when served directly. Used only to throttle, never
// to authorise: a spoofed header can at worst put its sender into someone else's bucket.
export function clientAddress(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip")?.trim() || "unknown").slice(0, 64);
}
