import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { LoadingBlock } from "../../../ui/components/Spinner.tsx";
import type { CurrentUser } from "../contract.ts";
import { signInAddress } from "./next-address.ts";
import { useSession } from "./session.ts";

/** Pages for signed-in people: others are sent to sign in and brought back afterwards. */
export function RequireSignIn({ children }: { children: (user: CurrentUser) => ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingBlock />;
  const user = session.data?.user;
  if (!user) {
    return <Navigate to={signInAddress(location.pathname + location.search)} replace />;
  }
  return <>{children(user)}</>;
}
