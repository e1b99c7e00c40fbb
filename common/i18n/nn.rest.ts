// Nynorsk: the texts only signed-in pages and the family's pages use, loaded with the
// first such page or at sign-in (web/src/messages.ts); the public pages never download them. Every
// file is in exactly one of nn.first.ts and this one.
import { flatten } from './core.ts';
import notifications from './nn/notifications.json' with { type: 'json' };
import teams from './nn/teams.json' with { type: 'json' };
import meetings from './nn/meetings.json' with { type: 'json' };
import reports from './nn/reports.json' with { type: 'json' };
import indicators from './nn/indicators.json' with { type: 'json' };
import enrolments from './nn/enrolments.json' with { type: 'json' };
import plans from './nn/plans.json' with { type: 'json' };
import questionnaires from './nn/questionnaires.json' with { type: 'json' };
import paths from './nn/paths.json' with { type: 'json' };
import youth from './nn/youth.json' with { type: 'json' };

export const files = { notifications, teams, meetings, reports, indicators, enrolments, plans, questionnaires, paths, youth };

export default /*#__PURE__*/ flatten(files);
