import { z } from 'zod';
import { abilities, Cell, PAGE } from './shared.ts';
import { LANGUAGES } from '../roles.ts';

export const TEAM_KINDS = ['early_intervention', 'system_level'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const Team = z.object({ id: z.string(), name: z.string(), kind: z.enum(TEAM_KINDS) });
export type Team = z.infer<typeof Team>;

export const Staff = z.object({ id: z.string(), name: z.string(), unitName: z.string().nullable() });
export type Staff = z.infer<typeof Staff>;

/** The family's ratings of a team's meetings, together: averages only over enough answers (common/suppression.ts). */
export const Rating = z.object({
  count: Cell,
  feltHeard: Cell.nullable(),
  useful: Cell.nullable(),
});
export type Rating = z.infer<typeof Rating>;

export const ActionItem = z.object({
  id: z.string(),
  meetingId: z.string(),
  position: z.number(),
  what: z.string(),
  owner: Staff,
  /** A professional, or a guardian or the youth taking part (then `owner` names the person). */
  ownerKind: z.enum(['staff', 'family']),
  dueOn: z.string(),
  status: z.enum(['done', 'open', 'not_done']),
  doneOn: z.string().nullable(),
  reviewNote: z.string().nullable(),
  reviewedInMeetingId: z.string().nullable(),
  overdue: z.boolean(),
});
export type ActionItem = z.infer<typeof ActionItem>;

export const Referral = z.object({
  id: z.string(),
  person: z.object({ id: z.string(), name: z.string(), birthDate: z.string().nullable() }).nullable(),
  ageYears: z.number().nullable(),
  source: z.enum(['professional', 'family']),
  referredBy: z.string(),
  reason: z.string(),
  basis: z.enum(['consent', 'anonymous', 'family_present']),
  status: z.enum(['accepted', 'closed', 'waiting', 'more_info', 'redirected']),
  receivedAt: z.iso.datetime(),
  waitingDays: z.number(),
  answerNote: z.string().nullable(),
  /** Sent to this team instead of the one proposed for the child's age and area, and why. */
  otherTeam: z.object({ proposedTeamName: z.string(), reason: z.string() }).nullable(),
  meetings: z.array(z.object({
    id: z.string(),
    startsAt: z.iso.datetime(),
    status: z.enum(['cancelled', 'scheduled', 'closed']),
  })),
});
export type Referral = z.infer<typeof Referral>;

/** GET /api/people/:id/team-requests */
export const FamilyRequestsResponse = z.object({
  proposedTeam: z.object({ id: z.string(), name: z.string() }).nullable(),
  requests: z.array(z.object({
    id: z.string(),
    reason: z.string(),
    status: z.enum(['accepted', 'closed', 'waiting', 'more_info', 'redirected']),
    receivedAt: z.iso.datetime(),
    answerNote: z.string().nullable(),
    teamName: z.string(),
  })),
  ...PAGE,
});
export type FamilyRequestsResponse = z.infer<typeof FamilyRequestsResponse>;

/** POST /api/people/:id/team-requests */
export const RequestTeamDiscussionResponse = z.object({
  id: z.string(),
  team: z.object({ id: z.string(), name: z.string() }),
});
export type RequestTeamDiscussionResponse = z.infer<typeof RequestTeamDiscussionResponse>;

/** GET /api/people/:id/referral-proposal */
export const ReferralProposalResponse = z.object({
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  teamDiscussionConsent: z.boolean(),
});
export type ReferralProposalResponse = z.infer<typeof ReferralProposalResponse>;

/** POST /api/people/:id/referrals */
export const ReferResponse = z.object({
  id: z.string(),
  team: z.object({ id: z.string(), name: z.string() }),
});
export type ReferResponse = z.infer<typeof ReferResponse>;

/** GET /api/intake */
export const MyIntakeResponse = z.object({
  teams: z.array(z.object({
    referrals: z.array(Referral),
    ...PAGE,
    team: z.object({ id: z.string(), name: z.string() }),
  })),
});
export type MyIntakeResponse = z.infer<typeof MyIntakeResponse>;

/** GET /api/referrals/:referralId/candidates */
export const MeetingCandidatesResponse = z.object({
  staff: z.array(Staff),
  family: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  place: z.string().nullable(),
});
export type MeetingCandidatesResponse = z.infer<typeof MeetingCandidatesResponse>;

/** GET /api/teams/:teamId/intake */
export const IntakeQueueResponse = z.object({ referrals: z.array(Referral), ...PAGE });
export type IntakeQueueResponse = z.infer<typeof IntakeQueueResponse>;

/** POST /api/referrals/:referralId/redirect */
export const RedirectReferralResponse = z.object({ status: z.string(), referralId: z.string() });
export type RedirectReferralResponse = z.infer<typeof RedirectReferralResponse>;

/** POST /api/referrals/:referralId/meetings */
export const ScheduleMeetingResponse = z.object({
  id: z.string(),
  chairStaffId: z.string(),
  place: z.string(),
});
export type ScheduleMeetingResponse = z.infer<typeof ScheduleMeetingResponse>;

/** GET /api/meetings/:meetingId */
export const MeetingResponse = z.object({
  id: z.string(),
  kind: z.enum(['system', 'case']),
  /** The team holding the meeting, or null for an individual plan's meeting (planId). */
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  planId: z.string().nullable(),
  person: z.object({ id: z.string(), name: z.string() }).nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  place: z.string(),
  status: z.enum(['cancelled', 'scheduled', 'closed']),
  version: z.number(),
  category: z.string(),
  minutes: z.object({
    background: z.string().nullable(),
    childView: z.string().nullable(),
    familyView: z.string().nullable(),
    assessments: z.string().nullable(),
    decisions: z.string().nullable(),
  }),
  participants: z.array(z.object({
    id: z.string(),
    role: z.enum(['professional', 'youth', 'guardian', 'chair']),
    staffId: z.string().nullable(),
    personId: z.string().nullable(),
    copySentAt: z.iso.datetime().nullable(),
    name: z.string(),
    unitName: z.string().nullable(),
    // Recorded with the minutes; null until then.
    attendance: z.enum(['present', 'absent', 'apologies']).nullable(),
  })),
  actionItems: z.array(ActionItem),
  toReview: z.array(ActionItem),
  abilities: abilities('writeMinutes', 'close'),
});
export type MeetingResponse = z.infer<typeof MeetingResponse>;

/** POST /api/meetings/:meetingId/review */
export const ReviewItemsResponse = z.object({ reviewed: z.number() });
export type ReviewItemsResponse = z.infer<typeof ReviewItemsResponse>;

/** POST /api/meetings/:meetingId/close */
export const CloseMeetingResponse = z.object({
  status: z.string(),
  entries: z.number(),
  inRelayLog: z.boolean(),
});
export type CloseMeetingResponse = z.infer<typeof CloseMeetingResponse>;

/** GET /api/people/:id/meetings */
export const MeetingsOfPersonResponse = z.object({
  meetings: z.array(z.object({
    id: z.string(),
    startsAt: z.iso.datetime(),
    place: z.string(),
    status: z.enum(['cancelled', 'scheduled', 'closed']),
    teamName: z.string(),
  })),
  ...PAGE,
});
export type MeetingsOfPersonResponse = z.infer<typeof MeetingsOfPersonResponse>;

/** What every list of teams shows of one, to the public as to the administrator: who the team is for. */
export const TeamProfile = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(TEAM_KINDS),
  ageFromMonths: z.number(),
  ageToMonths: z.number(),
  area: z.string().nullable(),
  description: z.string().nullable(),
});

/** A team as its configuration stands: the administrator's list, and what the server keeps in memory (teams/kept.ts). */
export const TeamConfig = TeamProfile.extend({
  leader: z.object({ id: z.string(), name: z.string() }).nullable(),
  members: z.array(z.object({ id: z.string(), name: z.string() })),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  meetingPlace: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});
export type TeamConfig = z.infer<typeof TeamConfig>;

/** GET /api/teams/config: the teams a page at a time, and the areas the form offers (the known areas, a handful). */
export const ListTeamConfigResponse = z.object({
  teams: z.array(TeamConfig),
  ...PAGE,
  options: z.object({ areas: z.array(z.string()) }),
});
export type ListTeamConfigResponse = z.infer<typeof ListTeamConfigResponse>;

/** One of the staff the team form offers as leader or member: active, in a team role. */
export const TeamStaffChoice = z.object({
  id: z.string(),
  name: z.string(),
  unitName: z.string().nullable(),
  teamLeader: z.boolean(),
});
export type TeamStaffChoice = z.infer<typeof TeamStaffChoice>;

/** GET /api/teams/config/staff: a page of the staff the team form offers, by name. */
export const TeamStaffChoices = z.object({ staff: z.array(TeamStaffChoice), ...PAGE });
export type TeamStaffChoices = z.infer<typeof TeamStaffChoices>;

/** GET /api/teams/config/units: a page of the active service units the team form offers, by name. */
export const TeamUnitChoices = z.object({ units: z.array(z.object({ id: z.string(), name: z.string() })), ...PAGE });
export type TeamUnitChoices = z.infer<typeof TeamUnitChoices>;

/** The choices the team form offers: staff, services (every page of each) and areas. */
export interface TeamOptions {
  staff: TeamStaffChoice[];
  units: TeamUnitChoices['units'];
  areas: string[];
}

/** GET /api/teams/:teamId/overview: one team's figures */
export const TeamOverviewResponse = z.object({
  team: Team,
  // Every figure is suppressed where it is small (common/suppression.ts).
  cases: Cell,
  meetingsHeld: Cell,
  meetingsWithFamily: Cell,
  familyPresentShare: Cell.nullable(),
  referralsWithMeeting: Cell,
  averageDaysToFirstMeeting: Cell.nullable(),
  actionItemsMeasured: Cell,
  actionItemsOnTime: Cell,
  actionItemsOnTimeShare: Cell.nullable(),
  ratings: Rating,
});
export type TeamOverviewResponse = z.infer<typeof TeamOverviewResponse>;

/** GET /api/teams/overviews: the figures of each of one's teams */
export const MyTeamOverviewsResponse = z.object({ overviews: z.array(TeamOverviewResponse) });
export type MyTeamOverviewsResponse = z.infer<typeof MyTeamOverviewsResponse>;

/** GET /api/ratings/:token */
export const RatingByTokenResponse = z.object({
  meeting: z.object({ teamName: z.string(), startsAt: z.iso.datetime() }),
  language: z.enum(LANGUAGES),
  expiresAt: z.iso.datetime(),
});
export type RatingByTokenResponse = z.infer<typeof RatingByTokenResponse>;

/** POST /api/ratings/:token */
export const RateByTokenResponse = z.object({ id: z.string() }).nullable();
export type RateByTokenResponse = z.infer<typeof RateByTokenResponse>;

/** GET /api/meeting-ratings */
export const MyMeetingsToRateResponse = z.object({
  meetings: z.array(z.object({
    id: z.string(),
    teamName: z.string(),
    startsAt: z.iso.datetime(),
    place: z.string(),
    rating: z.object({ feltHeard: z.number(), useful: z.number(), ratedAt: z.iso.datetime() }).nullable(),
  })),
  ...PAGE,
});
export type MyMeetingsToRateResponse = z.infer<typeof MyMeetingsToRateResponse>;

/** GET /api/meetings/:meetingId/rating */
export const MeetingRatingStateResponse = z.object({
  meeting: z.object({ id: z.string(), teamName: z.string(), startsAt: z.iso.datetime() }),
  rating: z.object({
    feltHeard: z.number(),
    useful: z.number(),
    comment: z.string().nullable(),
    ratedAt: z.iso.datetime(),
  }).nullable(),
});
export type MeetingRatingStateResponse = z.infer<typeof MeetingRatingStateResponse>;

/** GET /api/system-meetings */
export const ListSystemMeetingsResponse = z.object({
  teams: z.array(z.object({
    id: z.string(),
    name: z.string(),
    meetingPlace: z.string().nullable(),
    leaderName: z.string().nullable(),
  })),
  meetings: z.array(z.object({
    id: z.string(),
    teamId: z.string(),
    teamName: z.string(),
    topic: z.string().nullable(),
    startsAt: z.iso.datetime(),
    place: z.string(),
    status: z.enum(['cancelled', 'scheduled', 'closed']),
    closedAt: z.iso.datetime().nullable(),
  })),
});
export type ListSystemMeetingsResponse = z.infer<typeof ListSystemMeetingsResponse>;

/** GET /api/system-meetings/:meetingId */
export const SystemMeetingResponse = z.object({
  id: z.string(),
  team: z.object({ id: z.string(), name: z.string() }),
  topic: z.string().nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  place: z.string(),
  chair: z.string(),
  status: z.enum(['cancelled', 'scheduled', 'closed']),
  version: z.number(),
  closedAt: z.iso.datetime().nullable(),
  minutes: z.object({
    background: z.string().nullable(),
    assessments: z.string().nullable(),
    decisions: z.string().nullable(),
  }),
  actionItems: z.array(z.object({
    id: z.string(),
    position: z.number(),
    what: z.string(),
    owner: Staff,
    dueOn: z.string(),
    status: z.enum(['done', 'open', 'not_done']),
    doneOn: z.string().nullable(),
  })),
  participants: z.array(z.object({
    id: z.string(),
    name: z.string(),
    unitName: z.string().nullable(),
    role: z.enum(['professional', 'youth', 'guardian', 'chair']),
  })),
  owners: z.array(Staff),
  deliveries: z.array(z.union([z.object({
    kind: z.literal('email'),
    to: z.string(),
    sentAt: z.iso.datetime(),
  }), z.object({ kind: z.literal('staff'), to: z.string(), sentAt: z.iso.datetime() })])),
  mayWrite: z.boolean(),
});
export type SystemMeetingResponse = z.infer<typeof SystemMeetingResponse>;

/** POST /api/system-meetings/:meetingId/close */
export const CloseSystemMeetingResponse = z.object({
  status: z.string(),
  version: z.number(),
  deliveries: z.number(),
});
export type CloseSystemMeetingResponse = z.infer<typeof CloseSystemMeetingResponse>;

