// Item 14: numbers valid under the Tax Administration's 2032 scheme, D-numbers and H-numbers are
// national ids. Our validator is measured against NAV's maintained @navikt/fnrvalidator on 200 000
// generated numbers, and a child with a number of the new scheme can be registered through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idnr } from '@navikt/fnrvalidator';
import { checkDigits, checkDigitsFrom2032, parseNationalId } from '../../common/national-id.ts';
import { signedIn, startTestApp, type TestApp } from '../support/app.ts';

/** mulberry32: a small PRNG, so every run checks the same numbers. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Numbers that look like national ids in every way that matters, and many that are subtly not. */
function generate(count: number, seed: number): string[] {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const shape = int(10);
    if (shape === 0) {
      out.push(Array.from({ length: 11 }, () => int(10)).join(''));
      continue;
    }
    // Days and months slightly outside the calendar too, so the date rule is exercised.
    let day = 1 + int(32);
    let month = 1 + int(13);
    if (int(4) === 0) day += 40; // D-nummer
    const monthShift = int(6);
    if (monthShift === 0) month += 40; // H-nummer
    else if (monthShift === 1) month += 80; // Tenor synthetic
    const firstNine = pad(day, 2) + pad(month, 2) + pad(int(100), 2) + pad(int(1000), 3);
    const classic = checkDigits(firstNine);
    const newer = checkDigitsFrom2032(firstNine);
    const pick = int(5);
    if (pick === 0 && classic) out.push(firstNine + classic);
    else if (pick <= 2 && newer.length) out.push(firstNine + newer[int(newer.length)]!);
    else out.push(firstNine + pad(int(100), 2));
  }
  return out;
}

describe('item 14: the national id validator agrees with @navikt/fnrvalidator', () => {
  it('has zero disagreements on 200 000 generated numbers, valid and invalid mixed', () => {
    const numbers = generate(200_000, 20_320_101);
    const disagreements: string[] = [];
    let valid = 0;
    let validOnlyFrom2032 = 0;
    const kinds = { fnr: 0, dnr: 0, hnr: 0 };
    for (const n of numbers) {
      const ours = parseNationalId(n, '2026-06-01');
      const nav = idnr(n).status === 'valid';
      if (ours.valid !== nav) disagreements.push(n);
      if (!ours.valid) continue;
      valid++;
      kinds[ours.kind]++;
      if (checkDigits(n.slice(0, 9)) !== n.slice(9)) validOnlyFrom2032++;
      // Whatever the century, the birth date is the one the digits spell.
      expect(ours.birthDate.slice(8, 10) + ours.birthDate.slice(5, 7) + ours.birthDate.slice(2, 4)).toBe(
        pad(Number(n.slice(0, 2)) % 40, 2) + pad(Number(n.slice(2, 4)) % 40, 2) + n.slice(4, 6),
      );
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    // The sample is not trivially one-sided: many valid, many invalid, every kind, many new-scheme numbers.
    expect(valid).toBeGreaterThan(40_000);
    expect(numbers.length - valid).toBeGreaterThan(40_000);
    expect(validOnlyFrom2032).toBeGreaterThan(10_000);
    expect(Math.min(kinds.fnr, kinds.dnr, kinds.hnr)).toBeGreaterThan(5_000);
  });

  it('reads an H-number as a real person of a health service, not as test data', () => {
    const serial = [...Array(1000).keys()].map((i) => `154565${pad(i, 3)}`).find((nine) => Number(nine.slice(6)) < 500 && checkDigits(nine))!;
    expect(parseNationalId(serial + checkDigits(serial)!)).toEqual({ valid: true, kind: 'hnr', synthetic: false, birthDate: '1965-05-15' });
  });

  it('places a number of the new scheme, whose individual number says nothing, in the latest past century', () => {
    const firstNine = '17' + '85' + '24' + '123'; // 17.05.24, Tenor synthetic; 123 meant the 1900s before 2032
    const k = checkDigitsFrom2032(firstNine).find((c) => c !== checkDigits(firstNine))!;
    expect(parseNationalId(firstNine + k, '2026-06-01')).toMatchObject({ valid: true, birthDate: '2024-05-17' });
    expect(parseNationalId(firstNine + k, '2024-05-16')).toMatchObject({ valid: true, birthDate: '1924-05-17' });
  });
});

describe('item 14: a child born under the new scheme can be registered', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demoChildren: 0 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registers the child through the API with the birth date from the number', async () => {
    const firstNine = '17' + '85' + '24' + '523';
    const newer = checkDigitsFrom2032(firstNine).filter((c) => c !== checkDigits(firstNine));
    expect(newer.length).toBeGreaterThan(0);
    const nationalId = firstNine + newer[0]!;
    const teacher = await signedIn(t.app, 'fagperson.barnehage');
    const response = await teacher.post('/api/people', { kind: 'child', nationalId, givenName: 'Nora', familyName: 'Ny' });
    expect(response.json()).not.toHaveProperty('error');
    expect(response.statusCode).toBe(201);
    const child = (await teacher.get(`/api/people/${response.json().id}`)).json();
    expect(child).toMatchObject({ givenName: 'Nora', birthDate: '2024-05-17' });
  });
});
