import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { z } from "zod";
import { api, apiRequest, type QueryValue } from "../../../ui/api/api-client.ts";
import type { MyMemberships } from "../../organisations/contract.ts";
import type {
  Attachment,
  Challenge,
  ChallengeCatalogue,
  ChallengeStatus,
  ClarificationList,
  CreateChallengeBody,
  ExtendTimelineBody,
  FollowState,
  Idea,
  IdeaBoard,
  IdeaComment,
  SavedSearch,
  SavedSearchBody,
  SavedSearchList,
  UpdateChallengeBody,
} from "../contract.ts";

/** Every query about challenges starts with this key, so one change can refresh them all. */
export const challengesKey = ["challenges"] as const;
const savedSearchesKey = ["me", "saved-searches"] as const;

const base = "/api/v1/challenges";
const challengePath = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** The catalogue's query string: repeated keys for the lists (sector=a&sector=b). */
export type CatalogueParams = Record<string, QueryValue | string[]>;

function searchOf(params: CatalogueParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) for (const item of value) search.append(key, item);
    else if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  return search.toString();
}

/** Pages of the catalogue, each continuing where the previous one's keyset cursor points. */
export function useCataloguePages(params: CatalogueParams) {
  return useInfiniteQuery({
    queryKey: [...challengesKey, "catalogue", params],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<ChallengeCatalogue>(
        "GET",
        `${base}?${searchOf({ ...params, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useChallenge(id: string) {
  return useQuery({
    queryKey: [...challengesKey, id],
    queryFn: ({ signal }) => api.get<Challenge>(challengePath(id), undefined, signal),
  });
}

export function useClarifications(id: string) {
  return useQuery({
    queryKey: [...challengesKey, id, "questions"],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof ClarificationList>>(
        `${challengePath(id)}/questions`,
        undefined,
        signal,
      ),
  });
}

export function useIdeaBoard(id: string, sort: "votes" | "newest") {
  return useQuery({
    queryKey: [...challengesKey, id, "ideas", sort],
    queryFn: ({ signal }) => api.get<IdeaBoard>(`${challengePath(id)}/ideas`, { sort }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The caller's city organisations, which may own challenges. */
export function useMyCityOrganisations(enabled: boolean) {
  return useQuery({
    queryKey: ["me", "organisations"],
    queryFn: () => api.get<MyMemberships>("/api/v1/me/organisations"),
    enabled,
    select: (data) =>
      data.memberships
        .filter((membership) => membership.organisation.kind === "city")
        .map((membership) => membership.organisation),
  });
}

/** After any change to a challenge: its page, its tabs and the catalogue may all differ now. */
export function useRefreshChallenges() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: challengesKey });
}

/** A write about one challenge that refreshes everything about challenges afterwards. */
export function useChallengeAction<Variables, Result = unknown>(
  send: (variables: Variables) => Promise<Result>,
) {
  const refresh = useRefreshChallenges();
  return useMutation({ mutationFn: send, onSuccess: () => refresh() });
}

export const challengeCalls = {
  create: (body: CreateChallengeBody) => api.post<Challenge>(base, body),
  update: (id: string, body: UpdateChallengeBody) => api.patch<Challenge>(challengePath(id), body),
  transition: (id: string, to: ChallengeStatus, reason?: string) =>
    api.post<Challenge>(`${challengePath(id)}/transitions`, {
      to,
      ...(reason ? { reason } : {}),
    }),
  extendTimeline: (id: string, body: ExtendTimelineBody) =>
    api.post<Challenge>(`${challengePath(id)}/timeline`, body),
  follow: (id: string, following: boolean) =>
    apiRequest<z.infer<typeof FollowState>>(
      following ? "PUT" : "DELETE",
      `${challengePath(id)}/follow`,
    ),
  ask: (id: string, question: string) => api.post(`${challengePath(id)}/questions`, { question }),
  answer: (id: string, questionId: string, answer: string) =>
    api.post(`${challengePath(id)}/questions/${questionId}/answer`, { answer }),
  postIdea: (id: string, body: { title: string; body: string }) =>
    api.post<Idea>(`${challengePath(id)}/ideas`, body),
  editIdea: (id: string, ideaId: string, body: { title?: string; body?: string }) =>
    api.patch<Idea>(`${challengePath(id)}/ideas/${ideaId}`, body),
  vote: (id: string, ideaId: string, vote: boolean) =>
    apiRequest(vote ? "PUT" : "DELETE", `${challengePath(id)}/ideas/${ideaId}/vote`),
  comment: (id: string, ideaId: string, body: string) =>
    api.post<IdeaComment>(`${challengePath(id)}/ideas/${ideaId}/comments`, { body }),
  editComment: (id: string, ideaId: string, commentId: string, body: string) =>
    api.patch<IdeaComment>(`${challengePath(id)}/ideas/${ideaId}/comments/${commentId}`, { body }),
  /** Report, hide or unhide an idea, or one of its comments when commentId is given. */
  moderate: (
    id: string,
    target: { ideaId: string; commentId?: string | undefined },
    action: "reports" | "hide" | "unhide",
    reason?: string,
  ) =>
    api.post(
      `${challengePath(id)}/ideas/${target.ideaId}${
        target.commentId ? `/comments/${target.commentId}` : ""
      }/${action}`,
      reason === undefined ? {} : { reason },
    ),
  upload: (id: string, file: File) =>
    apiRequest<Attachment>(
      "POST",
      `${challengePath(id)}/attachments?filename=${encodeURIComponent(file.name)}`,
      { raw: file },
    ),
};

export const removeAttachment = (id: string, attachmentId: string) =>
  api.delete(`${challengePath(id)}/attachments/${attachmentId}`);

export const attachmentAddress = (id: string, attachmentId: string) =>
  `${challengePath(id)}/attachments/${attachmentId}`;

export function useSavedSearches(enabled: boolean) {
  return useQuery({
    queryKey: savedSearchesKey,
    queryFn: () => api.get<z.infer<typeof SavedSearchList>>("/api/v1/me/saved-searches"),
    enabled,
  });
}

export function useSaveSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof SavedSearchBody>) =>
      api.post<SavedSearch>("/api/v1/me/saved-searches", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedSearchesKey }),
  });
}

export function useDeleteSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/me/saved-searches/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedSearchesKey }),
  });
}
