import "server-only";
import type { TViewerOf } from "@/lib/auth/viewer-types";

/** The e-mail the command line is audited under. */
export const CLI_ACTOR_EMAIL = "cli";

/**
 * The command line acts as a prefecture officer of one prefecture, with no signed-in person:
 * the same services, scope and audit as the web, recorded as actor "cli". `unsafe`: it grants a
 * prefecture's scope without any sign-in, so only operator code (scripts/) may call it — never a
 * route, page or action.
 */
export function unsafeCliViewer(prefectureCode: string): TViewerOf<"prefecture"> {
  return { role: "prefecture", userId: null, email: CLI_ACTOR_EMAIL, name: "コマンドライン", prefectureCode };
}
