// English: the texts only signed-in pages and the family's pages use, loaded with the
// first such page or at sign-in (web/src/messages.ts); the public pages never download them. Every
// file is in exactly one of en.first.ts and this one.
import { flatten } from './core.ts';
import notifications from './en/notifications.json' with { type: 'json' };
import teams from './en/teams.json' with { type: 'json' };
import meetings from './en/meetings.json' with { type: 'json' };
import reports from './en/reports.json' with { type: 'json' };
import indicators from './en/indicators.json' with { type: 'json' };
import enrolments from './en/enrolments.json' with { type: 'json' };
import plans from './en/plans.json' with { type: 'json' };
import questionnaires from './en/questionnaires.json' with { type: 'json' };
import paths from './en/paths.json' with { type: 'json' };
import youth from './en/youth.json' with { type: 'json' };

export const files = { notifications, teams, meetings, reports, indicators, enrolments, plans, questionnaires, paths, youth };

export default /*#__PURE__*/ flatten(files);
