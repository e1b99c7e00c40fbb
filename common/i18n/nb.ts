// Bokmål, the source language: every translation file, flattened into one table. The browser imports this
// module on demand (one chunk per language); the server imports all three (index.ts).
import { flatten } from './core.ts';
import errors from './nb/errors.json' with { type: 'json' };
import domain from './nb/domain.json' with { type: 'json' };
import ui from './nb/ui.json' with { type: 'json' };
import cases from './nb/cases.json' with { type: 'json' };
import catalogue from './nb/catalogue.json' with { type: 'json' };
import notifications from './nb/notifications.json' with { type: 'json' };
import teams from './nb/teams.json' with { type: 'json' };
import meetings from './nb/meetings.json' with { type: 'json' };
import reports from './nb/reports.json' with { type: 'json' };
import paths from './nb/paths.json' with { type: 'json' };
import questionnaires from './nb/questionnaires.json' with { type: 'json' };
import indicators from './nb/indicators.json' with { type: 'json' };
import enrolments from './nb/enrolments.json' with { type: 'json' };
import plans from './nb/plans.json' with { type: 'json' };
import handbook from './nb/handbook.json' with { type: 'json' };
import youth from './nb/youth.json' with { type: 'json' };

const files = { errors, domain, ui, cases, catalogue, notifications, teams, meetings, reports, indicators, enrolments, plans, questionnaires, handbook, paths, youth };
/** The files and their keys; MessageKey (core.ts) is built from them. */
export type Files = typeof files;

export default /*#__PURE__*/ flatten(files);
