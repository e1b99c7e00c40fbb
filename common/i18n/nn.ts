// Nynorsk: every translation file, flattened into one table. The browser imports this
// module on demand (one chunk per language); the server imports all three (index.ts).
import { flatten } from './core.ts';
import errors from './nn/errors.json' with { type: 'json' };
import domain from './nn/domain.json' with { type: 'json' };
import ui from './nn/ui.json' with { type: 'json' };
import cases from './nn/cases.json' with { type: 'json' };
import catalogue from './nn/catalogue.json' with { type: 'json' };
import notifications from './nn/notifications.json' with { type: 'json' };
import teams from './nn/teams.json' with { type: 'json' };
import meetings from './nn/meetings.json' with { type: 'json' };
import reports from './nn/reports.json' with { type: 'json' };
import paths from './nn/paths.json' with { type: 'json' };
import questionnaires from './nn/questionnaires.json' with { type: 'json' };
import indicators from './nn/indicators.json' with { type: 'json' };
import enrolments from './nn/enrolments.json' with { type: 'json' };
import plans from './nn/plans.json' with { type: 'json' };
import handbook from './nn/handbook.json' with { type: 'json' };
import youth from './nn/youth.json' with { type: 'json' };

const files = { errors, domain, ui, cases, catalogue, notifications, teams, meetings, reports, indicators, enrolments, plans, questionnaires, handbook, paths, youth };

export default /*#__PURE__*/ flatten(files);
