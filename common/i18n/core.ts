// What every use of the translations shares, without the texts themselves: the key type, filling
// in placeholders, and the Norwegian date formats. The server holds every language (index.ts); the
// browser loads only the active one, in two parts (nb.first.ts and nb.rest.ts …; web/src/messages.ts).
import type { Files } from './nb.ts';

/** Some of one language's files, as read from common/i18n/<lang>/*.json. */
export type MessageFiles = Partial<Record<keyof Files, Record<string, string>>>;

/** Every text of one language, keyed "<file>.<key>", e.g. "errors.validation". */
export type Messages = Record<string, string>;

type Keys<NS extends string, T> = `${NS}.${Extract<keyof T, string>}`;
/** A key of the bokmål source files; the compiler checks every fixed key. */
export type MessageKey = { [NS in keyof Files & string]: Keys<NS, Files[NS]> }[keyof Files & string];

export type MessageParams = Record<string, string | number>;

/** Flattens a language's files into one table. Pure, so that a bundle that never reads the table drops it. */
/*#__NO_SIDE_EFFECTS__*/
export function flatten(files: MessageFiles): Messages {
  const table: Messages = {};
  for (const [ns, entries] of Object.entries(files)) {
    for (const [key, text] of Object.entries(entries)) table[`${ns}.${key}`] = text;
  }
  return table;
}

/** Fills {name} placeholders from params; an unknown placeholder stays as it is. */
export function interpolate(text: string, params?: MessageParams): string {
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
