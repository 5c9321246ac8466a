import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { api, apiRequest } from "../../../ui/api/api-client.ts";
import type { Member, OrganisationSummary } from "../../organisations/contract.ts";
import type {
  AwardBody,
  AwardCancellationBody,
  AwardNotice,
  Contact,
  ContactBody,
  ContactList,
  DeclarationBody,
  EvaluationSetup,
  EvaluationSetupBody,
  Ranking,
  ScoresBody,
  WorkItem,
  WorkList,
} from "../contract-evaluation.ts";

/** Every evaluation query starts with this key (and the proposals' one), so changes refresh all. */
const evaluationKey = ["procurement", "evaluation"] as const;
const challengePath = (id: string) => `/api/v1/challenges/${encodeURIComponent(id)}`;
const proposalPath = (id: string) => `/api/v1/proposals/${encodeURIComponent(id)}`;

export function useEvaluationSetup(challengeId: string) {
  return useQuery({
    queryKey: [...evaluationKey, "setup", challengeId],
    queryFn: ({ signal }) =>
      api.get<EvaluationSetup>(`${challengePath(challengeId)}/evaluation`, undefined, signal),
  });
}

export function useCityMembers(organisationId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...evaluationKey, "members", organisationId],
    queryFn: ({ signal }) =>
      api.get<{ members: Member[] }>(
        `/api/v1/organisations/${encodeURIComponent(organisationId)}/members`,
        undefined,
        signal,
      ),
    enabled,
  });
}

export function useWorkList(challengeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...evaluationKey, "work", challengeId],
    queryFn: ({ signal }) =>
      api.get<WorkList>(`${challengePath(challengeId)}/evaluation/proposals`, undefined, signal),
    enabled,
  });
}

export function useRanking(challengeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...evaluationKey, "ranking", challengeId],
    queryFn: ({ signal }) =>
      api.get<Ranking>(`${challengePath(challengeId)}/evaluation/ranking`, undefined, signal),
    enabled,
  });
}

export function useAwardNotice(challengeId: string, enabled = true) {
  return useQuery({
    queryKey: [...evaluationKey, "notice", challengeId],
    queryFn: ({ signal }) =>
      api.get<AwardNotice>(`${challengePath(challengeId)}/award-notice`, undefined, signal),
    enabled,
    retry: false,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["procurement"] });
}

export function useDefineEvaluation(challengeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: EvaluationSetupBody) =>
      apiRequest<EvaluationSetup>("PUT", `${challengePath(challengeId)}/evaluation`, {
        json: body,
      }),
    onSuccess: () => refresh(),
  });
}

export function useDeclare() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ proposalId, ...body }: DeclarationBody & { proposalId: string }) =>
      api.post<Pick<WorkItem, "standing" | "recusal">>(
        `${proposalPath(proposalId)}/declaration`,
        body,
      ),
    onSuccess: () => refresh(),
  });
}

export function useScore() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ proposalId, ...body }: ScoresBody & { proposalId: string }) =>
      apiRequest<WorkItem>("PUT", `${proposalPath(proposalId)}/scores`, { json: body }),
    onSuccess: () => refresh(),
  });
}

export function useLockTechnical(challengeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () =>
      api.post<EvaluationSetup>(`${challengePath(challengeId)}/evaluation/lock-technical`),
    onSuccess: () => refresh(),
  });
}

export function useAward(challengeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: AwardBody) =>
      api.post<AwardNotice>(`${challengePath(challengeId)}/award`, body),
    onSuccess: () => refresh(),
  });
}

export function useCancelAward(challengeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: AwardCancellationBody) =>
      api.post<AwardNotice>(`${challengePath(challengeId)}/award/cancellation`, body),
    onSuccess: () => refresh(),
  });
}

export function useContacts(challengeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...evaluationKey, "contacts", challengeId],
    queryFn: ({ signal }) =>
      api.get<ContactList>(`${challengePath(challengeId)}/contacts`, undefined, signal),
    enabled,
  });
}

/** Organisations whose name matches (two letters at least), for the contact log. */
export function useOrganisationSearch(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: [...evaluationKey, "organisations", q],
    queryFn: ({ signal }) =>
      api.get<{ organisations: OrganisationSummary[] }>(
        "/api/v1/organisations",
        { q, limit: 20 },
        signal,
      ),
    enabled: q.length >= 2,
  });
}

export function useRecordContact(challengeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ContactBody) =>
      api.post<Contact>(`${challengePath(challengeId)}/contacts`, body),
    onSuccess: () => refresh(),
  });
}

/** The evaluation's problem codes in the reader's language (texts under "evaluation.errors"). */
export function useEvaluationMessages(): Partial<Record<string, string>> {
  const { t } = useTranslation("procurement");
  return useMemo(() => {
    const codes = [
      "evaluation_frozen",
      "evaluation_not_defined",
      "panel_invalid",
      "not_on_panel",
      "not_chair",
      "evaluation_not_open",
      "declaration_final",
      "declaration_required",
      "recused",
      "scores_invalid",
      "technical_locked",
      "blind_phase",
      "not_ranked",
      "award_exists",
      "challenge_moved_on",
      "no_live_award",
      "award_final",
      "chair_recused",
      "award_not_found",
      "quiet_period",
      "contact_invalid",
      "not_city_member",
      "validation_failed",
    ];
    return Object.fromEntries(codes.map((code) => [code, t(`evaluation.errors.${code}`)]));
  }, [t]);
}
