import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { ROLE_HOME } from "@/lib/auth/roles";

/** The front door: each role goes to its own home; everyone else to sign-in. */
export default async function RootPage() {
  const viewer = await getViewer();
  redirect(viewer ? ROLE_HOME[viewer.role] : "/login");
}
