import { describe, expect, it } from 'vitest';
import { checkDigits, parseNationalId, syntheticNationalId } from '../../common/national-id.ts';

function withCheckDigits(firstNine: string): string {
  const check = checkDigits(firstNine);
  if (!check) throw new Error(`no check digits for ${firstNine}`);
  return firstNine + check;
}

describe('Norwegian national identity numbers', () => {
  it('accepts a fødselsnummer with both check digits and gives the birth date', () => {
    const fnr = withCheckDigits('010190124'); // 01.01.1990, individual 123 → 1900s
    expect(parseNationalId(fnr)).toEqual({ valid: true, kind: 'fnr', synthetic: false, birthDate: '1990-01-01' });
  });

  it('places individual numbers 500–999 with year 00–39 in the 2000s', () => {
    const fnr = withCheckDigits('150618512');
    expect(parseNationalId(fnr)).toMatchObject({ valid: true, birthDate: '2018-06-15' });
  });

  it('recognises a D-nummer (day + 40)', () => {
    const dnr = withCheckDigits('410185124');
    expect(parseNationalId(dnr)).toEqual({ valid: true, kind: 'dnr', synthetic: false, birthDate: '1985-01-01' });
  });

  it('accepts synthetic test numbers (Tenor month + 80) and flags them; month + 40 is a real H-number', () => {
    expect(parseNationalId(withCheckDigits('018190123'))).toMatchObject({ valid: true, synthetic: true, birthDate: '1990-01-01' });
    expect(parseNationalId(withCheckDigits('014190123'))).toMatchObject({ valid: true, kind: 'hnr', synthetic: false, birthDate: '1990-01-01' });
  });

  it('refuses a wrong first or second check digit', () => {
    const fnr = withCheckDigits('010190124');
    const wrongK1 = fnr.slice(0, 9) + String((Number(fnr[9]) + 1) % 10) + fnr[10];
    const wrongK2 = fnr.slice(0, 10) + String((Number(fnr[10]) + 1) % 10);
    expect(parseNationalId(wrongK1)).toEqual({ valid: false, problem: 'checksum' });
    expect(parseNationalId(wrongK2)).toEqual({ valid: false, problem: 'checksum' });
    expect(parseNationalId('12345678901')).toEqual({ valid: false, problem: 'checksum' });
  });

  it('refuses a number whose date does not exist, even with correct check digits', () => {
    expect(parseNationalId(withCheckDigits('290223512'))).toEqual({ valid: false, problem: 'date' }); // 29.02.2023
    expect(parseNationalId(withCheckDigits('320190123'))).toEqual({ valid: false, problem: 'date' });
    expect(parseNationalId(withCheckDigits('290224512'))).toMatchObject({ valid: true, birthDate: '2024-02-29' });
  });

  it('refuses anything that is not 11 digits', () => {
    expect(parseNationalId('0101901234')).toEqual({ valid: false, problem: 'format' });
    expect(parseNationalId('0101901234a')).toEqual({ valid: false, problem: 'format' });
  });

  it('builds synthetic numbers that validate to the same birth date', () => {
    let made = 0;
    for (let serial = 0; serial < 50; serial++) {
      const id = syntheticNationalId('2019-03-14', serial);
      if (!id) continue;
      made++;
      expect(parseNationalId(id)).toMatchObject({ valid: true, synthetic: true, birthDate: '2019-03-14' });
    }
    expect(made).toBeGreaterThan(30);
  });
});
