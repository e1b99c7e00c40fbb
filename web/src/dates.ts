// Dates are typed the Norwegian way (dd.mm.åååå) and sent to the API as YYYY-MM-DD. Anything that
// is not a date in that form is sent as typed, so the server's message explains what is wrong.
import { osloDate } from '../../common/dates.ts';
export function toIsoDate(input: string): string {
  const text = input.trim();
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (!match) return text;
  const [, d, m, y] = match;
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

/** YYYY-MM-DD back to dd.mm.åååå, for edit forms. */
export function fromIsoDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}

/** This year in Norway (a report's default year turns at midnight in Oslo, not in the browser's zone). */
export function thisYearInNorway(): number {
  return Number(osloDate(new Date()).slice(0, 4));
}

/** Today in Norway as dd.mm.åååå, the default of a date field. */
export function todayNorwegian(): string {
  return fromIsoDate(osloDate(new Date()));
}

/**
 * A date typed as dd.mm.åååå and a time typed as tt:mm, both Oslo wall-clock, as an ISO instant
 * with the offset of that day (+01:00 or +02:00). Anything else is sent as typed, so the server's
 * message explains what is wrong.
 */
export function toIsoInstant(date: string, time: string): string {
  const iso = toIsoDate(date);
  const clock = time.trim().padStart(5, '0');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !/^\d{2}:\d{2}$/.test(clock)) return date;
  const probe = new Date(`${iso}T12:00:00Z`);
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', hourCycle: 'h23' }).format(probe));
  return `${iso}T${clock}:00+0${hour - 12}:00`;
}
