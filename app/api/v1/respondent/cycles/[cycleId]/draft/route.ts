import { autosaveRoute } from "@/lib/http/direct-routes";

/** Autosave of the working copy (also answered before Next's router: lib/http/direct-routes.ts). */
export const PUT = autosaveRoute;
