import { SecurityPage, securityMetadata } from "@/app/_shared/security-page";

export const metadata = securityMetadata;

export default function Page() {
  return <SecurityPage role="prefecture" />;
}
