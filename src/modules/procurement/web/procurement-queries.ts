import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiRequest, setAntiForgeryToken } from "../../../ui/api/api-client.ts";
import type { SessionState } from "../../accounts/contract.ts";
import type {
  BidderRef,
  Proposal,
  ProposalBox,
  ProposalContentBody,
  ProposalFile,
  ProposalForm,
  ProposalFormBody,
  ProposalList,
  ReceiptVerification,
  SubmissionResult,
  VerifyReceiptBody,
} from "../contract.ts";

/** Every query about proposals starts with this key, so one change can refresh them all. */
const procurementKey = ["procurement"] as const;
const challengePath = (id: string) => `/api/v1/challenges/${encodeURIComponent(id)}`;
const proposalPath = (id: string) => `/api/v1/proposals/${encodeURIComponent(id)}`;

/** Who is looking, from the same session answer the accounts pages use (same query key). */
export function useSignedIn(): boolean | undefined {
  const session = useQuery({
    queryKey: ["session"],
    queryFn: async () => {
      const state = await api.get<SessionState>("/api/v1/session");
      setAntiForgeryToken(state.csrfToken);
      return state;
    },
    staleTime: 60_000,
  });
  return session.isPending ? undefined : Boolean(session.data?.user);
}

export function useProposalBox(challengeId: string) {
  return useQuery({
    queryKey: [...procurementKey, "box", challengeId],
    queryFn: ({ signal }) =>
      api.get<ProposalBox>(`${challengePath(challengeId)}/proposal-box`, undefined, signal),
  });
}

export function useProposalForm(challengeId: string) {
  return useQuery({
    queryKey: [...procurementKey, "form", challengeId],
    queryFn: ({ signal }) =>
      api.get<ProposalForm>(`${challengePath(challengeId)}/proposal-form`, undefined, signal),
  });
}

export function useChallengeProposals(challengeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...procurementKey, "of-challenge", challengeId],
    queryFn: ({ signal }) =>
      api.get<ProposalList>(`${challengePath(challengeId)}/proposals`, undefined, signal),
    enabled,
  });
}

export function useProposal(id: string) {
  return useQuery({
    queryKey: [...procurementKey, "one", id],
    queryFn: ({ signal }) => api.get<Proposal>(proposalPath(id), undefined, signal),
  });
}

/** After any change: the proposal as it is now, and everything listing or counting proposals. */
function useRefresh() {
  const queryClient = useQueryClient();
  return async (proposal?: Proposal) => {
    if (proposal) queryClient.setQueryData([...procurementKey, "one", proposal.id], proposal);
    await queryClient.invalidateQueries({
      queryKey: procurementKey,
      predicate: (query) => query.queryKey[1] !== "one" || !proposal,
    });
  };
}

export function useDefineForm(challengeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ProposalFormBody) =>
      apiRequest<ProposalForm>("PUT", `${challengePath(challengeId)}/proposal-form`, {
        json: body,
      }),
    onSuccess: () => refresh(),
  });
}

export function useUploadFile(challengeId: string) {
  return useMutation({
    mutationFn: ({ bidder, file }: { bidder: BidderRef; file: File }) =>
      apiRequest<ProposalFile>("POST", `${challengePath(challengeId)}/proposal-files`, {
        query: { filename: file.name, bidderKind: bidder.kind, bidderId: bidder.id },
        raw: file,
      }),
  });
}

export type ProposalChange =
  | { kind: "submit"; bidder: BidderRef; content: ProposalContentBody }
  | { kind: "revise"; proposalId: string; content: ProposalContentBody };

export function useSubmitProposal(challengeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (change: ProposalChange) =>
      change.kind === "submit"
        ? api.post<SubmissionResult>(`${challengePath(challengeId)}/proposals`, {
            bidder: change.bidder,
            ...change.content,
          })
        : api.post<SubmissionResult>(
            `${proposalPath(change.proposalId)}/revisions`,
            change.content,
          ),
    onSuccess: (result) => refresh(result.proposal),
  });
}

export function useWithdrawProposal() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (proposalId: string) => api.post<Proposal>(`${proposalPath(proposalId)}/withdraw`),
    onSuccess: (proposal) => refresh(proposal),
  });
}

export function useVerifyReceipt() {
  return useMutation({
    mutationFn: (receipt: VerifyReceiptBody) =>
      api.post<ReceiptVerification>("/api/v1/proposals/receipts/verify", receipt),
  });
}

export const fileUrl = (proposalId: string, fileId: string) =>
  `${proposalPath(proposalId)}/files/${encodeURIComponent(fileId)}`;
