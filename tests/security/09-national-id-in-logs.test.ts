// Item 9: a national identity number never reaches the server log, whatever the code that logs it.
// The attack: put a valid fødselsnummer where an error echoes the value, in a URL, a header and a
// body, and read every line the server wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticNationalId } from '../../common/national-id.ts';
import { findNationalIds, findNationalIdsInLogLine } from '../../server/infra/log.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const nationalId = syntheticNationalId('2015-06-15', 3) ?? syntheticNationalId('2015-06-15', 4)!;
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 0 });
});
afterAll(async () => {
  await t?.close();
});

describe('item 9: national ids in the server log', () => {
  it('masks a national id that an error echoes (consent text version)', async () => {
    await t.app.inject({ method: 'GET', url: `/api/consent-text?version=${nationalId}` });
    expect(t.logs.length).toBeGreaterThan(0);
    expect(t.logs.filter((line) => line.includes(nationalId))).toEqual([]);
  });

  it('masks it in every message and field, whatever logs it', async () => {
    const spaced = `${nationalId.slice(0, 6)} ${nationalId.slice(6)}`;
    t.app.log.info({ person: { nationalId, note: `fnr ${spaced}` }, list: [Number(nationalId)], [nationalId]: true }, `looked up ${nationalId}`);
    t.app.log.child({ subject: nationalId }).warn('child logger %s', nationalId);
    t.app.log.error(new Error(`no person with ${nationalId}`));
    await t.app.inject({ method: 'POST', url: `/api/people/${nationalId}/guardian-visibility`, headers: { 'x-note': nationalId }, payload: { nationalId } });
    const written = t.logs.join('\n');
    expect(findNationalIds(written)).toEqual([]);
    expect(t.logs.flatMap(findNationalIdsInLogLine)).toEqual([]);
    expect(written).not.toContain(nationalId);
    // The lines are still there and still JSON, with the number replaced.
    const line = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'looked up ***********');
    expect(line).toMatchObject({ person: { nationalId: '***********', note: 'fnr ***********' }, list: ['***********'] });
  });

  it('the scanner finds a valid national id however it is written', () => {
    expect(findNationalIds(`x ${nationalId} y`)).toEqual([nationalId]);
    expect(findNationalIds(`x ${nationalId.slice(0, 6)}-${nationalId.slice(6)} y`)).toEqual([nationalId]);
    expect(findNationalIds('time 1712345678901 and 12345678901')).toEqual([]);
    expect(findNationalIdsInLogLine(JSON.stringify({ msg: 'x', n: Number(nationalId), responseTime: Number(`0.${nationalId}`) }))).toEqual([nationalId]);
  });
});
