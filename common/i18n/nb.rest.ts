// Bokmål, the source language: the texts only signed-in pages and the family's pages use, loaded with the
// first such page or at sign-in (web/src/messages.ts); the public pages never download them. Every
// file is in exactly one of nb.first.ts and this one.
import { flatten } from './core.ts';
import notifications from './nb/notifications.json' with { type: 'json' };
import teams from './nb/teams.json' with { type: 'json' };
import meetings from './nb/meetings.json' with { type: 'json' };
import reports from './nb/reports.json' with { type: 'json' };
import indicators from './nb/indicators.json' with { type: 'json' };
import enrolments from './nb/enrolments.json' with { type: 'json' };
import plans from './nb/plans.json' with { type: 'json' };
import questionnaires from './nb/questionnaires.json' with { type: 'json' };
import paths from './nb/paths.json' with { type: 'json' };
import youth from './nb/youth.json' with { type: 'json' };

export const files = { notifications, teams, meetings, reports, indicators, enrolments, plans, questionnaires, paths, youth };

export default /*#__PURE__*/ flatten(files);
