// Translations for server and browser. Each language has the same files; a key is
// "<file>.<key>", e.g. "errors.validation". Bokmål is the source: nynorsk and English must have
// every key (tests/server/i18n.test.ts checks it).
import type { Language } from '../roles.ts';
import nbErrors from './nb/errors.json' with { type: 'json' };
import nnErrors from './nn/errors.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import nbDomain from './nb/domain.json' with { type: 'json' };
import nnDomain from './nn/domain.json' with { type: 'json' };
import enDomain from './en/domain.json' with { type: 'json' };
import nbUi from './nb/ui.json' with { type: 'json' };
import nnUi from './nn/ui.json' with { type: 'json' };
import enUi from './en/ui.json' with { type: 'json' };
import nbCases from './nb/cases.json' with { type: 'json' };
import nnCases from './nn/cases.json' with { type: 'json' };
import enCases from './en/cases.json' with { type: 'json' };
import nbCatalogue from './nb/catalogue.json' with { type: 'json' };
import nnCatalogue from './nn/catalogue.json' with { type: 'json' };
import enCatalogue from './en/catalogue.json' with { type: 'json' };
import nbNotifications from './nb/notifications.json' with { type: 'json' };
import nbTeams from './nb/teams.json' with { type: 'json' };
import nbMeetings from './nb/meetings.json' with { type: 'json' };
import nnNotifications from './nn/notifications.json' with { type: 'json' };
import nnTeams from './nn/teams.json' with { type: 'json' };
import nnMeetings from './nn/meetings.json' with { type: 'json' };
import enNotifications from './en/notifications.json' with { type: 'json' };
import enTeams from './en/teams.json' with { type: 'json' };
import enMeetings from './en/meetings.json' with { type: 'json' };

function flatten(ns: string, messages: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(messages).map(([k, v]) => [`${ns}.${k}`, v]));
}

type Keys<NS extends string, T> = `${NS}.${Extract<keyof T, string>}`;
export type MessageKey =
  | Keys<'errors', typeof nbErrors> | Keys<'domain', typeof nbDomain> | Keys<'ui', typeof nbUi>
  | Keys<'cases', typeof nbCases> | Keys<'catalogue', typeof nbCatalogue> | Keys<'notifications', typeof nbNotifications>
  | Keys<'teams', typeof nbTeams> | Keys<'meetings', typeof nbMeetings>;

export const messages: Record<Language, Record<string, string>> = {
  nb: {
    ...flatten('errors', nbErrors), ...flatten('domain', nbDomain), ...flatten('ui', nbUi),
    ...flatten('cases', nbCases), ...flatten('catalogue', nbCatalogue), ...flatten('notifications', nbNotifications),
    ...flatten('teams', nbTeams), ...flatten('meetings', nbMeetings),
  },
  nn: {
    ...flatten('errors', nnErrors), ...flatten('domain', nnDomain), ...flatten('ui', nnUi),
    ...flatten('cases', nnCases), ...flatten('catalogue', nnCatalogue), ...flatten('notifications', nnNotifications),
    ...flatten('teams', nnTeams), ...flatten('meetings', nnMeetings),
  },
  en: {
    ...flatten('errors', enErrors), ...flatten('domain', enDomain), ...flatten('ui', enUi),
    ...flatten('cases', enCases), ...flatten('catalogue', enCatalogue), ...flatten('notifications', enNotifications),
    ...flatten('teams', enTeams), ...flatten('meetings', enMeetings),
  },
};

export type MessageParams = Record<string, string | number>;

/** Translates a key; {name} placeholders are filled from params. Falls back to bokmål, then the key. */
export function translate(lang: Language, key: MessageKey | string, params?: MessageParams): string {
  const text = messages[lang][key] ?? messages.nb[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const DATE_FORMAT = new Intl.DateTimeFormat('nb-NO', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Oslo' });
const DATE_TIME_FORMAT = new Intl.DateTimeFormat('nb-NO', {
  day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo',
});

/** dd.mm.åååå, the Norwegian convention, in every UI language. */
export function formatDate(value: string | Date): string {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return DATE_FORMAT.format(date);
}

export function formatDateTime(value: string | Date): string {
  return DATE_TIME_FORMAT.format(new Date(value)).replace(',', '');
}
