import { submitRoute } from "@/lib/http/direct-routes";

/** Submit (or re-submit) as a new revision (also answered before Next's router: lib/http/direct-routes.ts). */
export const POST = submitRoute;
