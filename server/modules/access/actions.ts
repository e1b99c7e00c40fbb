// What the access module decides about: every action, the request and the decision. The permission
// matrix (tests/server/access-matrix.test.ts) and the route enumeration read ACCESS_ACTIONS, so a new
// action cannot go untested; each action's rule lives in one policy under ./policies/.
/**
 * Every action the access module decides, as a runtime list: the permission matrix and the route
 * enumeration fail when an action here is not named in them, so a new action cannot go untested.
 */
export const ACCESS_ACTIONS = [
  'team.edit', // create and edit teams: the administrator
  'team.overview', // a team's aggregated figures: its leader and the SBU coordinator
  'systemMeeting.read', // a system-level team's meetings and reports (no personal data): members, leader, SBU coordinator
  'systemMeeting.write', // schedule, minutes, close: members and leader of the system-level team, SBU coordinator
  'meetingRating.create', // the family rates a closed meeting they took part in
  'meetingRating.list', // a citizen's own meetings to rate
  'person.create',
  'person.read',
  'person.list',
  'relation.list', // the relations a professional entered naming the signed-in citizen, waiting for them
  'relation.confirm', // the citizen named as guardian confirms or refuses the relation
  'relation.verify', // the administrator checks waiting relations against the population register
  'accessRequest.create', // a professional asks the family for access to a person registered by someone else
  'accessRequest.list', // one's own requests (staff); the requests one decides on (citizen)
  'accessRequest.answer', // the one who decides for the person grants or refuses
  'staff.create',
  'staff.update',
  'staff.read',
  'staff.list',
  'serviceUnit.create',
  'serviceUnit.update',
  'serviceUnitType.create',
  'catalogue.edit', // the service catalogue: drafts, preview, the situation guide
  'catalogue.publish',
  'audit.search',
  'case.read', // the shared case: relay log, who helps, under a valid consent
  'case.write',
  'caseColleagues.read', // who the consent lets into the case: the same rule as case.read
  'consent.read',
  'consent.record', // a professional records a consent given on paper or orally
  'consent.withdraw',
  'notification.read', // one's own notifications, nobody else's
  'notification.update', // mark one's own notifications read, choose e-mail
  'devMailbox.read', // the development mailbox (everyone's outgoing mail): the administrator, only with the development sign-in
  'absence.import', // staff of a kindergarten or school import their unit's absence figures
  'absence.read', // a contact teacher's list of pupils with high absence
  'legalBasis.record', // opplysningsplikt / avvergeplikt: recorded, opens nothing
  'worry.create', // a worry discussed anonymously: no identity stored
  'worry.list', // the anonymous worries one wrote or was asked to discuss
  'worry.read',
  'worry.discuss',
  'worry.link', // tie a worry to a person: the author, involved with that person
  'caseStatus.read', // level, action guide steps, relay holder: the involved, without the log's content
  'caseStatus.write', // level changes, steps done, enrolment
  'case.hold', // what only the relay holder does: hand over, plan a transition, close
  'handover.answer', // accept or decline the baton: only the receiver
  'actionGuide.publish', // the municipality's action guide: no personal data
  'consent.give', // a citizen gives a consent digitally: the one who decides for the person
  'consent.sign', // the second guardian signs a digital consent waiting for them
  'accessLog.read', // the family sees who has read their data
  'guardianVisibility.set', // a youth of consent age decides whether guardians see their case
  'teamRequest.create', // the family asks an early-intervention team for a discussion
  'referral.create', // a professional refers a child they are involved with to a team
  'referralProposal.read', // which team the child would be referred to: the same rule as referral.create
  'referral.anonymous', // an anonymous discussion in a team: no identity
  'intake.read', // the team's queue: the team's leader
  'referral.answer', // accept, ask for more, redirect: the team's leader
  'meeting.schedule', // the leader of the team that accepted the referral
  'meetingCandidates.read', // who may be invited to a meeting about the referred child: as meeting.schedule
  'meeting.read', // the meeting's participants and the team's leader
  'meeting.write', // minutes, action plan, review, close: the chair or the team's leader
  'actionItem.update', // the owner marks an item done
  'cwReport.create', // a report to child welfare (bekymringsmelding) on a child one is involved with: the duty to report, no consent
  'cwReport.list', // the reporter's own reports
  'cwReport.read', // one report: the intake of its municipality, and the reporter who sent it
  'cwReport.handle', // acknowledge, decide, give feedback, the investigation's deadlines, what the family sees: the intake
  'cwReportQueue.read', // the intake's queue of reports
  'cwReport.familyView', // Min side: that a report was sent, when the family may see it
  'cwConsultation.create', // an anonymous consultation with the intake: no identity
  'cwConsultation.list', // one's own consultations; the intake sees its municipality's
  'cwConsultation.read', // one thread: the one who asked, and the intake
  'cwConsultation.answer', // the intake answers
  'cwCounts.read', // reports and consultations counted (no personal data): the intake and the SBU coordinator
  'birth.register', // the newborn registered from the mother's record: the health station, involved with the pregnant woman
  'familyEffort.request', // ask for a level-2 whole-family effort: a professional involved with one of the family, or the family
  'familyEffort.list', // the efforts one leads, was offered, asked for or was called into; the level-2 intake: its municipality's
  'familyEffort.read', // one effort: who is in the family and who helps (no child's log)
  'familyEffort.appoint', // offer the effort to an effort leader (innsatsleder): the level-2 intake
  'familyEffort.accept', // the offered leader accepts
  'familyEffort.callIn', // the leader calls in a service some member's consent covers
  'familyEffort.close', // the leader ends the effort with an evaluation
  'familyEffort.familyView', // Min side: the family's efforts and their one contact person
  'questionnaire.read', // the instruments (no personal data): staff
  'questionnaire.define', // a municipality's own instrument, a new version: the administrator
  'screening.create', // start a screening with a person or send it to their Min side: involved, under a consent naming health
  'screening.read', // a screening and its result: the person who answered, professionals as screening.create
  'screening.answer', // answer a screening: the person on Min side, or the professional in the conversation
  'goalRating.read', // goal-progress ratings: as the shared case
  'goalRating.create', // rate a goal's progress: the family, the child from the municipality's age, the professional in the meeting
  'survey.schedule', // schedule a collaboration survey round: the SBU coordinator
  'survey.list', // the rounds and whether one has answered: staff
  'survey.answer', // answer a round anonymously: staff of a service
  'survey.results', // the survey's results (groups of 5 or more): the SBU coordinator and the analyst
  'indicator.list', // the indicator register (no personal data): the figure readers and team leaders
  'indicator.edit', // create, change, retire an indicator and enter its figures: the SBU coordinator and the administrator
  'indicatorReport.read', // the annual status report (figures only, suppressed): the municipality's figure readers; a team's leader for the team
  'enrolment.import', // a kindergarten's or school's enrolments from its administrative system (CSV): its case workers
  'enrolment.search', // the children enrolled at one's own unit, by name or birth date: name and birth date only
  'enrolment.worry', // note a worry about a child enrolled at one's own unit (opens a case held by the one who noted it)
  'planRequest.create', // ask for an individual plan and/or a coordinator: the family who decides, or an involved professional under the family's consent
  'planRequestQueue.read', // Koordinerende enhet's queue of requests
  'planRequest.decide', // grant or refuse a request: Koordinerende enhet of the person's municipality
  'coordinator.appoint', // appoint or change the coordinator: Koordinerende enhet
  'coordinator.answer', // accept or decline an appointment: the appointed staff user
  'planStatus.read', // requests, decisions and the coordinator of a person: the family, Koordinerende enhet, the professionals involved
  'plan.read', // the plan's content: the coordinator, involved professionals under the consent for the plan, the family
  'plan.create', // open the plan: the coordinator in office
  'plan.write', // contributions, the child's goals, evaluation dates: as plan.read for staff
  'plan.familyWrite', // own goals, comments, confirmation: the one who decides for the child
  'planMeeting.schedule', // the coordinator in office calls a meeting about the plan (ansvarsgruppemøte)
  'afterCare.record', // record or change a young adult's after-care (ettervern): child welfare of the person's municipality
  'afterCare.read', // the after-care periods: child welfare of the municipality, and whoever reads the plan
  'handbook.edit', // the digital handbook's drafts, review and images: the administrator and the editor (redaktør)
  'handbook.publish', // make a handbook page's reviewed version the published one
  'handbookStaffPage.read', // a published page marked for staff only: the municipality's staff, never the public
] as const;

export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export type Purpose = 'administration' | 'follow_up' | 'registration' | 'audit' | 'sign_in' | 'self_service' | 'consent' | 'legal_duty';

export interface AccessRequest {
  action: AccessAction;
  purpose: Purpose;
  /** Whose personal data this is, when it concerns one person or staff user. */
  subject?: { kind: 'person' | 'staff'; id: string };
  entity?: { type: string; id: string };
}

export interface Decision {
  allowed: boolean;
  /** A stable code saying why: recorded in the audit log, never shown to a refused user. */
  reason: string;
}
