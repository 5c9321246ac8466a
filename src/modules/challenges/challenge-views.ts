import type { FastifyReply, FastifyRequest } from "fastify";
import { type Actor, anonymous } from "../../core/auth/actor.ts";
import type { ServiceContext } from "../../core/context.ts";
import type { Db } from "../../core/db/client.ts";
import { KeptAnswers } from "../../core/http/cached-reply.ts";
import { findPeople } from "../accounts/index.ts";
import {
  cityDirectory,
  currentOrganisationsOf,
  organisationSummaries,
} from "../organisations/index.ts";
import { viewerOf, visibleChallenge } from "./commands/access.ts";
import { EDITING_WINDOW_MS } from "./commands/board.ts";
import { guardedRefusal } from "./commands/transition-challenge.ts";
import type {
  Challenge,
  ChallengeStatus,
  ChallengeSummary,
  Clarification,
  Idea,
  IdeaBoard,
} from "./contract.ts";
import { challengeErrors } from "./errors.ts";
import { coCreationOpen, questionsOpen } from "./lifecycle.ts";
import {
  type ChallengeViewer,
  canModerate,
  canSeeAskers,
  canSeeUnanswered,
  canView,
  challengeAbilities,
} from "./policy.ts";
import {
  type OwnerInfo,
  presentChallenge,
  presentClarification,
  presentSummary,
} from "./presenters.ts";
import {
  type ChallengeRow,
  countsFor,
  findChallenge,
  isFollowing,
  listAnnouncements,
  listAttachments,
  listClarifications,
} from "./repository.ts";
import {
  type CommentRow,
  commentsOf,
  type IdeaRow,
  listIdeas,
  openReportCounts,
  voteCounts,
  votedBy,
} from "./repository-board.ts";

type CityDirectory = Awaited<ReturnType<typeof cityDirectory>>;

/**
 * Owners' names and cities for a set of challenges, through the organisations module; `cities`
 * when the caller has read the directory already (the list reads it for its city facet).
 */
export async function ownersOf(
  db: Db,
  rows: ChallengeRow[],
  cities?: CityDirectory,
): Promise<(row: ChallengeRow) => OwnerInfo> {
  const [organisations, directory] = await Promise.all([
    organisationSummaries(
      db,
      rows.map((row) => row.organisationId),
    ),
    cities ?? cityDirectory(db),
  ]);
  return (row) => {
    const organisation = organisations.get(row.organisationId);
    return {
      organisation: organisation
        ? { id: organisation.id, slug: organisation.slug, name: organisation.name }
        : undefined,
      city: directory.get(row.cityId),
    };
  };
}

export async function summariesOf(
  db: Db,
  rows: ChallengeRow[],
  cities?: CityDirectory,
): Promise<ChallengeSummary[]> {
  const [owner, counts] = await Promise.all([
    ownersOf(db, rows, cities),
    countsFor(
      db,
      rows.map((row) => row.id),
    ),
  ]);
  return rows.map((row) => presentSummary(row, owner(row), counts.get(row.id)!));
}

/** What a challenge's page shows the same to every viewer (viewer and time parts left unset). */
async function challengeFacts(db: Db, row: ChallengeRow): Promise<Challenge> {
  const [owner, counts, attachments, announcements] = await Promise.all([
    ownersOf(db, [row]),
    countsFor(db, [row.id]),
    listAttachments(db, row.id),
    listAnnouncements(db, row.id),
  ]);
  return presentChallenge(row, owner(row), counts.get(row.id)!, {
    attachments,
    announcements,
    following: false,
    coCreationOpen: false,
    questionsOpen: false,
    abilities: challengeAbilities({ actor: anonymous, cityRole: null }, row, new Date(0)),
  });
}

/** The facts with what depends on the viewer and on the time now. */
async function withViewer(
  ctx: ServiceContext,
  row: ChallengeRow,
  facts: Challenge,
  viewer: ChallengeViewer,
): Promise<Challenge> {
  const now = ctx.clock.now();
  const actor = viewer.actor;
  const following = actor.kind === "user" ? await isFollowing(ctx.db, row.id, actor.userId) : false;
  const abilities = challengeAbilities(viewer, row, now);
  return {
    ...facts,
    following,
    coCreationOpen: coCreationOpen(row, now),
    questionsOpen: questionsOpen(row, now),
    abilities: { ...abilities, transitions: await unguarded(ctx, row, abilities.transitions, now) },
  };
}

/**
 * The steps the lifecycle offers that no other module's rule refuses now (procurement's award
 * standstill, say), so the page does not offer a step the server would refuse. Asked only for
 * the city's own people, the only ones offered steps.
 */
async function unguarded(
  ctx: ServiceContext,
  row: ChallengeRow,
  steps: ChallengeStatus[],
  now: Date,
): Promise<ChallengeStatus[]> {
  const allowed: ChallengeStatus[] = [];
  for (const to of steps) {
    const step = { challengeId: row.id, from: row.status, to, now };
    if (!(await guardedRefusal(ctx.db, step))) allowed.push(to);
  }
  return allowed;
}

export async function challengeView(
  ctx: ServiceContext,
  row: ChallengeRow,
  viewer: ChallengeViewer,
): Promise<Challenge> {
  return withViewer(ctx, row, await challengeFacts(ctx.db, row), viewer);
}

/**
 * A published challenge's facts as kept in the read cache, with the anonymous page's answers
 * made from exactly them (serialised and compressed once, gone when the facts go).
 */
interface KeptChallenge {
  row: ChallengeRow;
  facts: Challenge;
  anonymousAnswers: KeptAnswers;
}

/** A published challenge's kept facts (null for a draft or an unknown id, and without a cache). */
async function keptChallenge(ctx: ServiceContext, id: string): Promise<KeptChallenge | null> {
  if (!ctx.readCache) return null;
  return ctx.readCache.read(
    `challenge-page ${id}`,
    async (): Promise<KeptChallenge | null> => {
      const row = await findChallenge(ctx.db, id);
      if (!row || row.status === "draft") return null;
      return { row, facts: await challengeFacts(ctx.db, row), anonymousAnswers: new KeptAnswers() };
    },
    // The facts, and room for a few anonymous answers (JSON and its compressed copies).
    (page) => (page ? page.facts.description.length * 12 + 32_768 : 64),
  );
}

/**
 * A challenge's page for any viewer. A published challenge's facts come from the read cache
 * (kept until content changes); drafts, and ids that are not a challenge, take the uncached
 * path with its access check, so a draft is never kept and never shown to someone who may not.
 */
export async function challengePage(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<Challenge> {
  const kept = await keptChallenge(ctx, id);
  if (!kept) {
    const { challenge, viewer } = await visibleChallenge(ctx.db, actor, id);
    return challengeView(ctx, challenge, viewer);
  }
  const viewer = await viewerOf(ctx.db, actor, kept.row);
  if (!canView(viewer, kept.row)) throw challengeErrors.challengeNotFound();
  return withViewer(ctx, kept.row, kept.facts, viewer);
}

/**
 * A published challenge's page as an anonymous visitor gets it, sent from answers kept with its
 * facts: the same for every visitor until a deadline passes, so it is serialised once per
 * variant (which of the time-bound flags hold now) instead of on every request. False when
 * nothing was sent and the caller must take `challengePage` (no cache, a draft, an unknown id).
 */
export async function sendAnonymousChallengePage(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
): Promise<boolean> {
  const kept = await keptChallenge(ctx, id);
  if (!kept) return false;
  const page = await withViewer(ctx, kept.row, kept.facts, { actor: anonymous, cityRole: null });
  const variant = JSON.stringify([page.coCreationOpen, page.questionsOpen, page.abilities]);
  await kept.anonymousAnswers.send(request, reply, variant, async () => page);
  return true;
}

/** A person's name and the first organisation they belong to, for bylines. */
async function contributors(
  db: Db,
  userIds: string[],
): Promise<Map<string, { name: string; organisation: string | null }>> {
  const ids = [...new Set(userIds)];
  const people = await findPeople(db, ids);
  const firstOrganisation = new Map<string, string>();
  await Promise.all(
    ids.map(async (id) => {
      const [membership] = await currentOrganisationsOf(db, id);
      if (membership) firstOrganisation.set(id, membership.organisationId);
    }),
  );
  const names = await organisationSummaries(db, [...firstOrganisation.values()]);
  return new Map(
    ids.map((id) => [
      id,
      {
        name: people.get(id)?.name ?? "",
        organisation: names.get(firstOrganisation.get(id) ?? "")?.name ?? null,
      },
    ]),
  );
}

/**
 * Everyone sees answered questions; the city and admins the unanswered ones too; an asker their
 * own. Who asked goes to platform admins only.
 */
export async function clarificationsView(
  db: Db,
  row: ChallengeRow,
  viewer: ChallengeViewer,
): Promise<Clarification[]> {
  const callerId = viewer.actor.kind === "user" ? viewer.actor.userId : null;
  const all = await listClarifications(db, row.id);
  const visible = all.filter(
    (clarification) =>
      clarification.answeredAt !== null ||
      canSeeUnanswered(viewer) ||
      clarification.askedBy === callerId,
  );
  const askers = canSeeAskers(viewer)
    ? await contributors(
        db,
        visible.map((clarification) => clarification.askedBy),
      )
    : null;
  return visible.map((clarification) => presentClarification(clarification, callerId, askers));
}

function moderation(item: { hiddenAt: Date | null; hiddenReason: string | null }) {
  return item.hiddenAt
    ? { hidden: true as const, reason: item.hiddenReason ?? "", at: item.hiddenAt.toISOString() }
    : null;
}

export async function boardView(
  ctx: ServiceContext,
  row: ChallengeRow,
  viewer: ChallengeViewer,
  sort: "votes" | "newest",
): Promise<IdeaBoard> {
  const actor: Actor = viewer.actor;
  const callerId = actor.kind === "user" ? actor.userId : null;
  const moderates = canModerate(viewer);
  const seesReports = moderates || viewer.cityRole !== null;
  const ideas = await listIdeas(ctx.db, row.id);
  const ids = ideas.map((idea) => idea.id);
  const [votes, mine, reports, comments] = await Promise.all([
    voteCounts(ctx.db, ids),
    callerId ? votedBy(ctx.db, ids, callerId) : Promise.resolve(new Set<string>()),
    seesReports ? openReportCounts(ctx.db, ids) : Promise.resolve(new Map<string, number>()),
    commentsOf(ctx.db, ids),
  ]);
  const people = await contributors(ctx.db, [
    ...ideas.map((idea) => idea.authorId),
    ...comments.map((comment) => comment.authorId),
  ]);
  // Hidden text is blanked for all but moderators; the byline and the reason stay.
  const text = (item: IdeaRow | CommentRow, value: string) =>
    item.hiddenAt && !moderates ? "" : value;
  const byIdea = new Map<string, CommentRow[]>();
  for (const comment of comments) {
    byIdea.set(comment.ideaId, [...(byIdea.get(comment.ideaId) ?? []), comment]);
  }
  const presented: Idea[] = ideas.map((idea) => ({
    id: idea.id,
    title: text(idea, idea.title),
    body: text(idea, idea.body),
    author: people.get(idea.authorId)!,
    votes: votes.get(idea.id) ?? 0,
    myVote: mine.has(idea.id),
    createdAt: idea.createdAt.toISOString(),
    editedAt: idea.editedAt?.toISOString() ?? null,
    editableUntil: new Date(idea.createdAt.getTime() + EDITING_WINDOW_MS).toISOString(),
    mine: idea.authorId === callerId,
    moderation: moderation(idea),
    reportCount: seesReports ? (reports.get(idea.id) ?? 0) : null,
    comments: (byIdea.get(idea.id) ?? []).map((comment) => ({
      id: comment.id,
      body: text(comment, comment.body),
      author: people.get(comment.authorId)!,
      createdAt: comment.createdAt.toISOString(),
      editedAt: comment.editedAt?.toISOString() ?? null,
      editableUntil: new Date(comment.createdAt.getTime() + EDITING_WINDOW_MS).toISOString(),
      mine: comment.authorId === callerId,
      moderation: moderation(comment),
    })),
  }));
  presented.sort((a, b) =>
    sort === "votes"
      ? b.votes - a.votes || b.createdAt.localeCompare(a.createdAt)
      : b.createdAt.localeCompare(a.createdAt),
  );
  return { open: coCreationOpen(row, ctx.clock.now()), ideas: presented };
}
