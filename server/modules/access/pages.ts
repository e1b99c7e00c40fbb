// Which pages the active role works in, which of them the menu shows, and what the signed-in user
// may do outside any one record — the session's answer, so the web holds no role table. A page
// whose menu entry depends on the user's unit asks the access rule of its main action.
import type { Db } from '../../infra/db/database.ts';
import type { Principal } from '../../infra/http/context.ts';
import type { StaffRole } from '../../../common/roles.ts';
import type { PageKey } from '../../../common/pages.ts';
import type { AccessAction } from './actions.ts';
import { AccessFacts } from './facts.ts';
import { ungatedDb } from './gate.ts';
import { decideWith } from './access.ts';
import { seesEveryTeam } from './policies/team.ts';

/** The pages of each role, in menu order; the first is where the role lands after signing in. */
const STAFF_PAGES: Record<StaffRole, PageKey[]> = {
  professional: ['people', 'register', 'worries', 'cwMine', 'cwConsult', 'absence', 'enrolled', 'handbook', 'familyEfforts'],
  team_member: ['people', 'register', 'worries', 'cwMine', 'cwConsult', 'systemMeetings', 'handbook', 'familyEfforts'], // systemMeetings: the system-level teams they are in
  coordinator: ['people', 'register', 'worries', 'cwMine', 'cwConsult', 'handbook', 'familyEfforts'],
  // The intake starts at its queue of reports to child welfare.
  child_welfare_intake: ['cwQueue', 'cwConsult', 'people', 'register', 'worries', 'handbook', 'familyEfforts'],
  // Koordinerende enhet starts at its queue of requests for a plan or a coordinator; familyEfforts is the level-2 intake (decision 0028).
  coordinating_unit: ['planQueue', 'people', 'register', 'worries', 'cwMine', 'cwConsult', 'handbook', 'familyEfforts'],
  team_leader: ['people', 'register', 'worries', 'cwMine', 'cwConsult', 'intake', 'teams', 'systemMeetings', 'absence', 'enrolled', 'handbook', 'familyEfforts'],
  sbu_coordinator: ['teams', 'systemMeetings', 'handbook', 'indicators', 'annualReport', 'survey'],
  // Figures only: the annual report first, the register, the teams' overview.
  analyst: ['annualReport', 'indicators', 'teams', 'survey'],
  administrator: ['adminUnits', 'adminStaff', 'adminGuide', 'adminQuestionnaires', 'adminCatalogue', 'teams', 'adminHandbook', 'indicators', 'annualReport'],
  auditor: ['audit'],
  midwife: ['people', 'register', 'worries', 'cwMine', 'cwConsult', 'handbook', 'familyEfforts'],
  // The editor (redaktør) writes the handbook and reads it as staff do.
  editor: ['adminHandbook', 'handbook'],
};

const CITIZEN_PAGES: PageKey[] = ['myPage', 'findHelp'];

/** Menu entries shown only when the user may do the page's main action (absence: at a kindergarten or school). */
const MENU_ACTION: Partial<Record<PageKey, AccessAction>> = { absence: 'absence.read', enrolled: 'enrolment.search' };

export interface SessionAbilities {
  editTeams: boolean;
  readDevMailbox: boolean;
  /** The SBU coordinator: every team of the municipality. */
  seeEveryTeam: boolean;
  /** The figures of one's own teams (team.overview). */
  teamOverviews: boolean;
  /** Works with the teams' aggregated indicators only, never a child: told so on the teams page. */
  indicatorsOnly: boolean;
}

const NOTHING: SessionAbilities = { editTeams: false, readDevMailbox: false, seeEveryTeam: false, teamOverviews: false, indicatorsOnly: false };

/** Roles that see teams only through aggregated indicators. */
const INDICATOR_ROLES: readonly StaffRole[] = ['sbu_coordinator', 'analyst'];

export interface Navigation {
  /** The pages the user may open, the start page first. */
  pages: PageKey[];
  /** The pages the menu shows. */
  menu: PageKey[];
  /** What the user may do beyond one record; each by the rule of the route that does it. */
  abilities: SessionAbilities;
}

export async function navigationOf(db: Db, principal: Principal | null, devLogin: boolean, now: Date): Promise<Navigation> {
  if (!principal) return { pages: [], menu: [], abilities: NOTHING };
  // The rules may read the user's own relations: beside a plain route's gate, as in a request's decisions.
  const facts = new AccessFacts(ungatedDb(db));
  const may = async (action: AccessAction) => (await decideWith(facts, principal, { action, purpose: 'administration' }, now)).allowed;
  const pages = principal.kind === 'citizen' ? CITIZEN_PAGES : STAFF_PAGES[principal.activeRole];
  const menu: PageKey[] = [];
  for (const page of pages) {
    const action = MENU_ACTION[page];
    if (!action || (await may(action))) menu.push(page);
  }
  return {
    pages,
    menu,
    abilities: {
      editTeams: await may('team.edit'),
      // The development mailbox exists only with the development sign-in.
      readDevMailbox: devLogin && (await may('devMailbox.read')),
      seeEveryTeam: seesEveryTeam(principal),
      teamOverviews: await may('team.overview'),
      indicatorsOnly: principal.kind === 'staff' && INDICATOR_ROLES.includes(principal.activeRole),
    },
  };
}
