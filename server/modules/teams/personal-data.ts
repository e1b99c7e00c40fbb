// The guard that keeps a system-level team's meetings free of personal data: it finds national
// identity numbers (fødselsnummer, D-nummer) and the full names of people in the municipality's
// person register in free text. It cannot find every way of describing a person; it stops the two
// mistakes that are easy to make and easy to check.
import type { Tx } from '../../infra/db/database.ts';
import { parseNationalId } from '../../../common/national-id.ts';

export interface CheckedText {
  /** The body field, e.g. 'background' or 'actionItems.2.what'. */
  field: string;
  text: string | null | undefined;
}

export interface PersonalDataFinding {
  field: string;
  kind: 'nationalId' | 'name';
}

/** Eleven digits, also written 6 + 5 with a space, dot or dash, not part of a longer number. */
const ID_CANDIDATE = /(?<!\d)(\d{6})[ .-]?(\d{5})(?!\d)/g;

export function containsNationalId(text: string): boolean {
  for (const match of text.matchAll(ID_CANDIDATE)) {
    if (parseNationalId(`${match[1]}${match[2]}`).valid) return true;
  }
  return false;
}

/** Words in lower case: letters (with hyphens and apostrophes inside names), everything else a gap. */
export function words(text: string): string[] {
  return text.normalize('NFC').toLocaleLowerCase('nb').match(/[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu) ?? [];
}

/** Family names are one to three words ("Berg Olsen", "van der Lee"). */
const MAX_FAMILY_WORDS = 3;

function familyNameCandidates(texts: string[][]): string[] {
  const out = new Set<string>();
  for (const ws of texts) {
    for (let i = 0; i < ws.length; i++) {
      for (let n = 1; n <= MAX_FAMILY_WORDS && i + n <= ws.length; n++) out.add(ws.slice(i, i + n).join(' '));
    }
  }
  return [...out];
}

const CHUNK = 2000;

/**
 * The fields that hold a national identity number or a full name (given name and family name, or
 * the first given name and the family name) of someone in the municipality's person register.
 * Case and spacing do not matter.
 */
export async function findPersonalData(trx: Tx, municipalityId: string, fields: CheckedText[]): Promise<PersonalDataFinding[]> {
  const findings: PersonalDataFinding[] = [];
  const texts = fields.map((f) => ({ field: f.field, text: f.text ?? '', words: words(f.text ?? '') }));
  for (const t of texts) if (containsNationalId(t.text)) findings.push({ field: t.field, kind: 'nationalId' });

  // Only people whose family name occurs in the text can match, so the register is searched by
  // family name (index person_name_birth on lower(family_name)), never scanned.
  const candidates = familyNameCandidates(texts.map((t) => t.words));
  const names = new Set<string>();
  for (let i = 0; i < candidates.length; i += CHUNK) {
    const rows = await trx
      .selectFrom('person')
      .select(['given_name', 'family_name'])
      .where((eb) => eb(eb.fn('lower', ['family_name']), 'in', candidates.slice(i, i + CHUNK)))
      .where('municipality_id', '=', municipalityId)
      .execute();
    for (const r of rows) {
      const given = words(r.given_name);
      const family = words(r.family_name);
      if (given.length === 0 || family.length === 0) continue;
      names.add([...given, ...family].join(' '));
      names.add([given[0]!, ...family].join(' '));
    }
  }
  if (names.size) {
    for (const t of texts) {
      const padded = ` ${t.words.join(' ')} `;
      if ([...names].some((name) => padded.includes(` ${name} `)) && !findings.some((f) => f.field === t.field)) {
        findings.push({ field: t.field, kind: 'name' });
      }
    }
  }
  // In the order the fields were given (the order of the form).
  const order = new Map(fields.map((f, i) => [f.field, i]));
  return findings.sort((a, b) => order.get(a.field)! - order.get(b.field)!);
}
