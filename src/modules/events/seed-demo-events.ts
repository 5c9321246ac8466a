import { DAY, HOUR, ManualClock } from "../../core/clock.ts";
import type { ServiceContext } from "../../core/context.ts";
import { searchSolutionsByText, solutionProfiles } from "../catalogue/index.ts";
import { listPublicChallenges } from "../challenges/index.ts";
import { setUpBrokerage } from "./commands/brokerage-setup.ts";
import { changeEventStatus } from "./commands/change-status.ts";
import { recordOutcomes } from "./commands/record-outcomes.ts";
import { createEvent } from "./commands/save-event.ts";
import type { EventDetails } from "./contract.ts";

interface DemoEvent {
  host: string;
  kind: EventDetails["kind"];
  title: string;
  summary: string;
  description: string;
  /** Days from today (negative: in the past) and the local start hour in the event's zone. */
  day: number;
  hours: number;
  timeZone: string;
  /** Offset of the zone from UTC on that day, in hours (demo dates avoid DST switches). */
  utcOffset: number;
  venue: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  challengeTitles: string[];
  agenda: Array<{ at: number; hours: number; title: string; speaker?: [string, string] }>;
  /** What the hosts recorded after the event (a past workshop or meeting). */
  outcomes?: {
    notes: string;
    ideas: Array<{ title: string; text: string }>;
    challengeTitles: string[];
    solutionTitles: string[];
  };
  /** 1:1 meetings: this many slots of `minutes` (5 minutes apart) from the start, and tables. */
  brokerage?: { slots: number; minutes: number; tables: number };
}

const demoEvents: DemoEvent[] = [
  {
    host: "copenhagen",
    kind: "workshop",
    title: "Cloudburst co-design workshop",
    summary:
      "Copenhagen's climate-adaptation team and providers sketch sponge-district pilots for Østerbro together.",
    description:
      "A working day on **cloudburst management**: the city presents its hydraulic model and the Østerbro challenge; providers bring sensors, nature-based designs and data platforms; small groups draft pilot ideas.\n\nSeats are few so that everyone works at a table.",
    day: 14,
    hours: 6,
    timeZone: "Europe/Copenhagen",
    utcOffset: 1,
    venue: "Københavns Rådhus, Rådhuspladsen 1, 1550 København",
    onlineUrl: "https://meet.example.org/cph-cloudburst",
    capacity: 2,
    challengeTitles: ["Cloudburst management for Østerbro"],
    agenda: [
      {
        at: 0,
        hours: 1,
        title: "Why sponge districts",
        speaker: ["Mette Hansen", "City of Copenhagen"],
      },
      { at: 1, hours: 3, title: "Table work: pilot sketches" },
      { at: 5, hours: 1, title: "Pitches and next steps" },
    ],
  },
  {
    host: "secretariat",
    kind: "webinar",
    title: "Clean construction sites: what cities buy now",
    summary: "C40 cities share how they procure zero-emission machinery and site power.",
    description: "Three cities, three procurements, one hour. Questions welcome in the chat.",
    day: 7,
    hours: 1.5,
    timeZone: "Europe/London",
    utcOffset: 0,
    venue: null,
    onlineUrl: "https://meet.example.org/c40-clean-construction",
    capacity: null,
    challengeTitles: [],
    agenda: [],
  },
  {
    host: "nairobi",
    kind: "hackathon",
    title: "Nairobi e-mobility hackathon",
    summary: "Two days to prototype charging and fleet tools for boda-boda riders.",
    description:
      "Teams of 2–5 pick a challenge, build, and pitch to a jury of city and industry experts.",
    day: 30,
    hours: 32,
    timeZone: "Africa/Nairobi",
    utcOffset: 3,
    venue: "iHub, Senteu Plaza, Nairobi",
    onlineUrl: null,
    capacity: 60,
    challengeTitles: [],
    agenda: [],
  },
  {
    host: "copenhagen",
    kind: "meeting",
    title: "Brokerage day: climate adaptation",
    summary:
      "Cities, companies and researchers meet one to one: publish what you offer and look for, request meetings, get your agenda.",
    description:
      "Eight 25-minute rounds at ten tables. Register, publish your profile, ask for meetings; once they are accepted the hosts schedule them and your agenda is ready to print or add to your calendar.",
    day: 21,
    hours: 4,
    timeZone: "Europe/Copenhagen",
    utcOffset: 1,
    venue: "Bella Center, Center Blvd. 5, 2300 København",
    onlineUrl: null,
    capacity: null,
    challengeTitles: [],
    agenda: [],
    brokerage: { slots: 8, minutes: 25, tables: 10 },
  },
  {
    host: "lisbon",
    kind: "meeting",
    title: "Heat-resilient neighbourhoods: buyers' group meeting",
    summary: "Cities with heat-island challenges compare needs and consider procuring together.",
    description:
      "A meeting of the buyers' group that formed around cool-roof and shading challenges.",
    day: -20,
    hours: 2,
    timeZone: "Europe/Lisbon",
    utcOffset: 0,
    venue: "Paços do Concelho, Praça do Município, Lisboa",
    onlineUrl: "https://meet.example.org/heat-buyers",
    capacity: 30,
    challengeTitles: ["Urban heat: cool streets in Baixa"],
    agenda: [],
    outcomes: {
      notes:
        "Four cities compared their heat-island challenges. **Shared need:** street-level cooling that works in dense historic centres without new water demand.\n\n- Lisbon shares its Baixa surface-temperature survey with the group.\n- A joint market consultation is worth it if two more cities join by spring.",
      ideas: [
        {
          title: "Joint pilot of reflective street surfaces",
          text: "Three cities test the same coatings on one street each and compare surface temperatures over a summer.",
        },
        {
          title: "Shade sails procured as a framework",
          text: "One framework contract other cities can call off, so small municipalities need no tender of their own.",
        },
      ],
      challengeTitles: ["Urban heat: cool streets in Baixa"],
      solutionTitles: ["Reflective cool roof coating"],
    },
  },
];

/**
 * Demo events around today: a small Copenhagen workshop (two seats, so the waitlist shows at
 * once), a network webinar, a hackathon, a Copenhagen brokerage day with 1:1 meeting slots and
 * tables, and a past Lisbon meeting whose outcomes (notes, ideas, a challenge and a solution)
 * are recorded. Published by the secretariat admin on behalf of the hosts.
 */
export async function seedDemoEvents(
  ctx: ServiceContext,
  organisationIds: Map<string, string>,
  userIds: Map<string, string>,
): Promise<number> {
  const adminId = userIds.get("admin");
  if (!adminId) return 0;
  const actor = {
    kind: "user" as const,
    userId: adminId,
    platformRoles: ["admin" as const],
    emailVerified: true,
    via: "session" as const,
    sessionId: null,
  };
  const standing = { userId: adminId, platformAdmin: true, memberOf: new Set<string>() };
  const challenges = await listPublicChallenges(ctx.db);
  const today = new Date(ctx.clock.now());
  today.setUTCHours(0, 0, 0, 0);
  let seeded = 0;
  for (const demo of demoEvents) {
    const host = organisationIds.get(demo.host);
    if (!host) continue;
    // 10:00 local time on the day.
    const start = today.getTime() + demo.day * DAY + (10 - demo.utcOffset) * HOUR;
    const end = start + demo.hours * HOUR;
    // The past meeting was set up before it happened.
    const clock = new ManualClock(new Date(Math.min(ctx.clock.now().getTime(), start - 30 * DAY)));
    const seedCtx: ServiceContext = { ...ctx, clock };
    const id = await createEvent(seedCtx, actor, standing, {
      hostOrganisationIds: [host],
      kind: demo.kind,
      title: demo.title,
      summary: demo.summary,
      description: demo.description,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(end).toISOString(),
      timeZone: demo.timeZone,
      venue: demo.venue,
      onlineUrl: demo.onlineUrl,
      capacity: demo.capacity,
      registrationDeadline: null,
      challengeIds: challenges
        .filter((challenge) => demo.challengeTitles.includes(challenge.title))
        .map((challenge) => challenge.id),
      agenda: demo.agenda.map((item) => ({
        startsAt: new Date(start + item.at * HOUR).toISOString(),
        endsAt: new Date(start + (item.at + item.hours) * HOUR).toISOString(),
        title: item.title,
        description: "",
        speakers: item.speaker ? [{ name: item.speaker[0], affiliation: item.speaker[1] }] : [],
      })),
    });
    await changeEventStatus(seedCtx, actor, standing, id, "published");
    if (demo.brokerage) {
      const { slots, minutes, tables } = demo.brokerage;
      await setUpBrokerage(seedCtx, actor, standing, id, {
        slots: Array.from({ length: slots }, (_, index) => {
          const slotStart = start + index * (minutes + 5) * 60_000;
          return {
            startsAt: new Date(slotStart).toISOString(),
            endsAt: new Date(slotStart + minutes * 60_000).toISOString(),
          };
        }),
        tables: Array.from({ length: tables }, (_, index) => `Table ${index + 1}`),
      });
    }
    if (demo.outcomes) {
      const solutionIds = await demoSolutionIds(ctx, demo.outcomes.solutionTitles);
      await recordOutcomes(ctx, actor, standing, id, {
        notes: demo.outcomes.notes,
        ideas: demo.outcomes.ideas,
        challengeIds: challenges
          .filter((challenge) => demo.outcomes?.challengeTitles.includes(challenge.title))
          .map((challenge) => challenge.id),
        solutionIds,
      });
    }
    seeded += 1;
  }
  return seeded;
}

/** The catalogue's demo solutions of these exact titles (those seeded; others are left out). */
async function demoSolutionIds(ctx: ServiceContext, titles: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const title of titles) {
    const found = await searchSolutionsByText(ctx.db, title, 5);
    const profiles = await solutionProfiles(
      ctx.db,
      found.map((hit) => hit.id),
    );
    const match = profiles.find((profile) => profile.title === title);
    if (match) ids.push(match.id);
  }
  return ids;
}
