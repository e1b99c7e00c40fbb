// Norwegian national identity numbers: fødselsnummer (birth number) and D-nummer (for people
// without a birth number), both 11 digits with two mod-11 check digits. Synthetic test numbers
// (Skatteetaten's Tenor: month + 80; NAV's Dolly: month + 40) are accepted and flagged, so demo and
// test data never collide with a real person.

export type NationalIdKind = 'fnr' | 'dnr';

export type NationalIdProblem = 'format' | 'checksum' | 'date';

export type NationalIdResult =
  | { valid: true; kind: NationalIdKind; synthetic: boolean; birthDate: string }
  | { valid: false; problem: NationalIdProblem };

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const rest = 11 - (sum % 11);
  if (rest === 11) return 0;
  if (rest === 10) return null; // no valid check digit exists for this prefix
  return rest;
}

/** The two check digits for the first nine digits, or null if none exist. */
export function checkDigits(firstNine: string): string | null {
  const digits = [...firstNine].map(Number);
  const k1 = checkDigit(digits, K1_WEIGHTS);
  if (k1 === null) return null;
  const k2 = checkDigit([...digits, k1], K2_WEIGHTS);
  if (k2 === null) return null;
  return `${k1}${k2}`;
}

function centuryFor(individual: number, yy: number): number | null {
  if (individual <= 499) return 1900;
  if (individual <= 749 && yy >= 54) return 1800;
  if (yy <= 39) return 2000;
  if (individual >= 900) return 1900;
  return null;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function parseNationalId(input: string): NationalIdResult {
  const value = input.replace(/\s/g, '');
  if (!/^\d{11}$/.test(value)) return { valid: false, problem: 'format' };
  if (checkDigits(value.slice(0, 9)) !== value.slice(9)) return { valid: false, problem: 'checksum' };

  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  const yy = Number(value.slice(4, 6));
  const individual = Number(value.slice(6, 9));

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
    month -= 40;
    synthetic = true;
  }
  const century = centuryFor(individual, yy);
  if (century === null) return { valid: false, problem: 'date' };
  const year = century + yy;
  if (!isRealDate(year, month, day)) return { valid: false, problem: 'date' };
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { valid: true, kind, synthetic, birthDate };
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
