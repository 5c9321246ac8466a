import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../ui/api/api-client.ts";
import { useDebouncedValue } from "../../../ui/forms/debounced-value.ts";
import type { PasswordStrength } from "../contract.ts";

interface StrengthContext {
  email?: string;
  name?: string;
}

/**
 * Asks the server how guessable a password is (the same check sign-up applies) once typing
 * pauses. Answers are not kept after use: they describe a password.
 */
export function usePasswordStrength(password: string, context: StrengthContext = {}) {
  const settled = {
    password: useDebouncedValue(password, 350),
    email: useDebouncedValue(context.email ?? "", 350),
    name: useDebouncedValue(context.name ?? "", 350),
  };
  const query = useQuery({
    queryKey: ["password-strength", settled.password, settled.email, settled.name],
    queryFn: ({ signal }) =>
      apiRequest<PasswordStrength>("POST", "/api/v1/password-strength", {
        json: {
          password: settled.password,
          ...(settled.email ? { email: settled.email.slice(0, 254) } : {}),
          ...(settled.name ? { name: settled.name.slice(0, 120) } : {}),
        },
        signal,
      }),
    enabled: settled.password.length > 0,
    gcTime: 0,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    placeholderData: keepPreviousData,
  });
  const current = password.length > 0 && settled.password === password;
  return {
    strength: password.length > 0 ? query.data : undefined,
    /** The answer is about what is typed now (not an older value). */
    current: current && !query.isPlaceholderData && query.isSuccess,
    checking: password.length > 0 && (!current || query.isFetching),
    failed: query.isError,
  };
}
