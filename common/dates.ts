// Calendar dates, shared by server and browser. Date arithmetic on 'YYYY-MM-DD' strings in UTC, so
// that results never depend on the time zone; "today" is the calendar day in Norway, by which
// consents, deadlines, waiting times and ages run.

const DAY_MS = 86_400_000;
const OSLO_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' });

const HOUR_MS = 3_600_000;
/** The Oslo date of each UTC hour asked for lately: a list of a page of dates formats each hour once. */
const datesByHour = new Map<number, string>();

/** The calendar date in Norway at an instant, as 'YYYY-MM-DD'. */
export function osloDate(now: Date): string {
  // Norway's day starts on a whole UTC hour (22:00 or 23:00 UTC) and so do its clock changes, so
  // an instant's date is its UTC hour's: the access rules ask for it for every consent they weigh.
  const hour = Math.floor(now.getTime() / HOUR_MS);
  let date = datesByHour.get(hour);
  if (date === undefined) {
    date = OSLO_DATE.format(now);
    if (datesByHour.size >= 10_000) datesByHour.clear();
    datesByHour.set(hour, date);
  }
  return date;
}

export function parseIsoDate(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not a date (YYYY-MM-DD): ${iso}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new Error(`Not a real date: ${iso}`);
  }
  return ms;
}

export function formatIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return formatIsoDate(parseIsoDate(iso) + days * DAY_MS);
}

/** The same day `years` earlier; 29 February becomes 28 February in a common year. */
export function subtractYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = y - years;
  const lastDay = new Date(Date.UTC(target, m, 0)).getUTCDate();
  return `${target}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((parseIsoDate(toIso) - parseIsoDate(fromIso)) / DAY_MS);
}

/** Completed months of age on `onIso`. */
export function ageInMonths(birthIso: string, onIso: string): number {
  const [by, bm, bd] = birthIso.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = onIso.split('-').map(Number) as [number, number, number];
  return (ry - by) * 12 + (rm - bm) - (rd < bd ? 1 : 0);
}

/** Whole years of age on `onIso`. */
export function ageOn(birthIso: string, onIso: string): number {
  const [by, bm, bd] = birthIso.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onIso.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The same day `months` later, as a deadline in months is counted: a day the month does not have
 * becomes its last day (30 November + 3 months is 28 or 29 February).
 */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
