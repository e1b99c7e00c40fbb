// Norwegian national identity numbers: fødselsnummer (birth number), D-nummer (day + 40, for people
// without a birth number) and H-nummer (month + 40, assigned by health services), 11 digits with two
// mod-11 check digits. Whether a number is valid is decided by NAV's maintained
// `@navikt/fnrvalidator`, which follows the Tax Administration's scheme for numbers issued from 2032
// (the first check digit may take up to four values, and the individual number no longer tells the
// century); tests/security/14-national-id-validator.test.ts proves this module never disagrees with
// it. Synthetic test numbers (Skatteetaten's Tenor: month + 80) are accepted and flagged, so demo and
// test data never collide with a real person.
import { idnr } from '@navikt/fnrvalidator';

export type NationalIdKind = 'fnr' | 'dnr' | 'hnr';

export type NationalIdProblem = 'format' | 'checksum' | 'date';

export type NationalIdResult =
  | {
      valid: true;
      kind: NationalIdKind;
      synthetic: boolean;
      /**
       * The birth date the number stands for. Day, month and the two-digit year are in the number;
       * the century follows from the individual number only for numbers of the classic scheme (see
       * `birthDateOf`), so for a newer number it is the latest such date not after `today`.
       */
      birthDate: string;
    }
  | { valid: false; problem: NationalIdProblem };

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function weightedRest(digits: number[], weights: number[]): number {
  return weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0) % 11;
}

function checkDigit(digits: number[], weights: number[]): number | null {
  const rest = 11 - weightedRest(digits, weights);
  if (rest === 11) return 0;
  if (rest === 10) return null; // no valid check digit exists for this prefix
  return rest;
}

/** The two check digits of the classic scheme for the first nine digits, or null if none exist. */
export function checkDigits(firstNine: string): string | null {
  const digits = [...firstNine].map(Number);
  const k1 = checkDigit(digits, K1_WEIGHTS);
  if (k1 === null) return null;
  const k2 = checkDigit([...digits, k1], K2_WEIGHTS);
  if (k2 === null) return null;
  return `${k1}${k2}`;
}

/**
 * The check digits for the first nine digits under the 2032 scheme: k1 may be any of the values that
 * leave a remainder of 0–3 (except 10), and k2 follows from the chosen k1 as before. Used to build
 * test numbers of the new scheme.
 */
export function checkDigitsFrom2032(firstNine: string): string[] {
  const digits = [...firstNine].map(Number);
  const sum = weightedRest(digits, K1_WEIGHTS);
  const found: string[] = [];
  for (let rest = 0; rest <= 3; rest++) {
    const k1 = (11 + rest - sum) % 11;
    if (k1 === 10) continue;
    const k2 = checkDigit([...digits, k1], K2_WEIGHTS);
    if (k2 !== null) found.push(`${k1}${k2}`);
  }
  return found;
}

/** The century by the classic individual-number ranges, or null where the classic scheme issued none. */
function classicCentury(individual: number, yy: number): number | null {
  if (individual <= 499) return 1900;
  if (individual <= 749 && yy >= 54) return 1800;
  if (yy <= 39) return 2000;
  if (individual >= 900) return 1900;
  return null;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function birthDateOf(value: string, day: number, month: number, yy: number, today: string): string {
  const individual = Number(value.slice(6, 9));
  const classic = checkDigits(value.slice(0, 9)) === value.slice(9) ? classicCentury(individual, yy) : null;
  if (classic !== null && isRealDate(classic + yy, month, day)) return isoDate(classic + yy, month, day);
  // A number of the 2032 scheme says nothing about its century: take the latest real date with these
  // digits that is not in the future (the population register is the authority when it matters).
  const thisYear = Number(today.slice(0, 4));
  for (let year = thisYear - (((thisYear % 100) - yy + 100) % 100); year > thisYear - 300; year -= 100) {
    const candidate = isoDate(year, month, day);
    if (candidate <= today && isRealDate(year, month, day)) return candidate;
  }
  return isoDate(2000 + yy, month, day);
}

/**
 * Validates a national identity number (spaces allowed). `today` (YYYY-MM-DD) places a number of the
 * 2032 scheme in its century; it defaults to the current UTC date.
 */
export function parseNationalId(input: string, today: string = new Date().toISOString().slice(0, 10)): NationalIdResult {
  const value = input.replace(/\s/g, '');
  if (!/^\d{11}$/.test(value)) return { valid: false, problem: 'format' };
  const verdict = idnr(value);
  if (verdict.status === 'invalid') {
    return { valid: false, problem: verdict.reasons.includes("checksums don't match") ? 'checksum' : 'date' };
  }
  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  const yy = Number(value.slice(4, 6));
  let kind: NationalIdKind = 'fnr';
  if (day > 40) {
    kind = 'dnr';
    day -= 40;
  }
  let synthetic = false;
  if (month > 80) {
    month -= 80;
    synthetic = true;
  } else if (month > 40) {
    // H-nummer: real people, known to a health service (this is also where NAV's Dolly puts its test numbers).
    month -= 40;
    kind = 'hnr';
  }
  return { valid: true, kind, synthetic, birthDate: birthDateOf(value, day, month, yy, today) };
}

/**
 * Builds a valid synthetic fødselsnummer (Tenor style, month + 80) for a birth date. `serial`
 * picks among the individual numbers of that date; returns null when the serial has no valid
 * check digits so callers can try the next one.
 */
export function syntheticNationalId(birthDate: string, serial: number): string | null {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const yy = y % 100;
  let individual: number;
  if (y >= 2000) individual = 500 + (serial % 500);
  else if (y >= 1940) individual = serial % 500;
  else return null;
  const firstNine =
    String(d).padStart(2, '0') + String(m + 80).padStart(2, '0') + String(yy).padStart(2, '0') +
    String(individual).padStart(3, '0');
  const check = checkDigits(firstNine);
  return check === null ? null : firstNine + check;
}

/** Shows a national id with only the birth date part, for places that must hint without revealing. */
export function maskNationalId(value: string): string {
  return `${value.slice(0, 6)} *****`;
}
