import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ProblemAlert } from "./ProblemAlert.tsx";
import { LoadingBlock } from "./Spinner.tsx";

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  namespace?: string;
  loadingLabel?: string;
  children: (data: T) => ReactNode;
}

/** Loading, failed (with a retry) or the data: the three states every read has. */
export function QueryState<T>({ query, namespace, loadingLabel, children }: QueryStateProps<T>) {
  if (query.isPending) return <LoadingBlock {...(loadingLabel ? { label: loadingLabel } : {})} />;
  if (query.isError) {
    return (
      <ProblemAlert
        error={query.error}
        {...(namespace ? { namespace } : {})}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return <>{children(query.data)}</>;
}
