// English: every translation file, flattened into one table. The browser imports this
// module on demand (one chunk per language); the server imports all three (index.ts).
import { flatten } from './core.ts';
import errors from './en/errors.json' with { type: 'json' };
import domain from './en/domain.json' with { type: 'json' };
import ui from './en/ui.json' with { type: 'json' };
import cases from './en/cases.json' with { type: 'json' };
import catalogue from './en/catalogue.json' with { type: 'json' };
import notifications from './en/notifications.json' with { type: 'json' };
import teams from './en/teams.json' with { type: 'json' };
import meetings from './en/meetings.json' with { type: 'json' };
import reports from './en/reports.json' with { type: 'json' };
import paths from './en/paths.json' with { type: 'json' };
import questionnaires from './en/questionnaires.json' with { type: 'json' };
import indicators from './en/indicators.json' with { type: 'json' };
import enrolments from './en/enrolments.json' with { type: 'json' };
import plans from './en/plans.json' with { type: 'json' };
import handbook from './en/handbook.json' with { type: 'json' };
import youth from './en/youth.json' with { type: 'json' };

const files = { errors, domain, ui, cases, catalogue, notifications, teams, meetings, reports, indicators, enrolments, plans, questionnaires, handbook, paths, youth };

export default /*#__PURE__*/ flatten(files);
