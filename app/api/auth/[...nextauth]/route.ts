import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

type THandler = (request: Request, context: unknown) => Promise<Response>;

// Built on the first request rather than at import: `next build` loads this module without
// a session secret.
let handler: THandler | undefined;
const getHandler = (): THandler => (handler ??= NextAuth(getAuthOptions()) as THandler);

export const GET: THandler = (request, context) => getHandler()(request, context);
export const POST: THandler = (request, context) => getHandler()(request, context);
