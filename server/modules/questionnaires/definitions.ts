// Which instruments a municipality has: the built-in ones at their one version, and its own, each
// version as published. A new version of its own retires the one before; a screening keeps the
// version it was started under, and one started under a retired version can no longer be answered.
import type { Db, Tx } from '../../infra/db/database.ts';
import { Definition } from '../../../common/contracts/questionnaires.ts';
import { BUILT_IN } from './instruments.ts';
import { maxScore } from './scoring.ts';

export interface InstrumentVersion {
  key: string;
  version: number;
  builtIn: boolean;
  retired: boolean;
  createdAt: Date | null;
  definition: Definition;
  maxScore: number;
}

const builtIn = (b: (typeof BUILT_IN)[number]): InstrumentVersion => ({ key: b.key, version: b.version, builtIn: true, retired: false, createdAt: null, definition: b.definition, maxScore: maxScore(b.definition) });

function stored(row: { instrument_key: string; version: number; retired_at: Date | null; created_at: Date; definition: unknown }): InstrumentVersion {
  const definition = Definition.parse(row.definition);
  return { key: row.instrument_key, version: row.version, builtIn: false, retired: row.retired_at !== null, createdAt: row.created_at, definition, maxScore: maxScore(definition) };
}

export const isBuiltIn = (key: string) => BUILT_IN.some((b) => b.key === key);

/** The instruments in use: each built-in one and the current version of each of the municipality's own. */
export async function currentInstruments(db: Db | Tx, municipalityId: string): Promise<InstrumentVersion[]> {
  const rows = await db.selectFrom('questionnaire_version').select(['instrument_key', 'version', 'retired_at', 'created_at', 'definition'])
    .where('municipality_id', '=', municipalityId).where('retired_at', 'is', null).orderBy('instrument_key').execute();
  return [...BUILT_IN.map(builtIn), ...rows.map(stored)];
}

/** Every version of one instrument, newest first. */
export async function instrumentVersions(db: Db | Tx, municipalityId: string, key: string): Promise<InstrumentVersion[]> {
  const found = BUILT_IN.find((b) => b.key === key);
  if (found) return [builtIn(found)];
  const rows = await db.selectFrom('questionnaire_version').select(['instrument_key', 'version', 'retired_at', 'created_at', 'definition'])
    .where('municipality_id', '=', municipalityId).where('instrument_key', '=', key).orderBy('version', 'desc').execute();
  return rows.map(stored);
}

export async function findVersion(db: Db | Tx, municipalityId: string, key: string, version: number): Promise<InstrumentVersion | null> {
  const found = BUILT_IN.find((b) => b.key === key && b.version === version);
  if (found) return builtIn(found);
  const row = await db.selectFrom('questionnaire_version').select(['instrument_key', 'version', 'retired_at', 'created_at', 'definition'])
    .where('municipality_id', '=', municipalityId).where('instrument_key', '=', key).where('version', '=', version).executeTakeFirst();
  return row ? stored(row) : null;
}

export async function currentVersion(db: Db | Tx, municipalityId: string, key: string): Promise<InstrumentVersion | null> {
  return (await currentInstruments(db, municipalityId)).find((i) => i.key === key) ?? null;
}
