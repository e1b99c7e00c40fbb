// Item 12: control characters and bidi overrides never reach storage, and a meeting invitation is
// written by a maintained iCalendar library, so a carriage return in a meeting place cannot start a
// property of its own in the calendar file. The rule is in the one shared text schema and the route
// runner applies it to every string of every request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { calendarFile } from '../../server/modules/teams/ics.ts';
import { nonEmptyText } from '../../server/infra/http/schemas.ts';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { teamLedBy } from '../support/factories.ts';

let t: TestApp;
let tone: Client; // teamleder
let teacher: Client; // fagperson.barnehage
let referralId: string;

const worries = async () => (await t.database.db.selectFrom('worry').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
const meetings = async () => (await t.database.db.selectFrom('team_meeting').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
const INJECTION = 'Fjellbekken skole\rATTENDEE;RSVP=TRUE:mailto:angriper@example.com';

/** The file's logical lines (RFC 5545 3.1: CRLF ends a line; CRLF plus a space continues it). */
function contentLines(ics: string): string[] {
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare CR or LF anywhere
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [tone, teacher] = await Promise.all([signedIn(t.app, 'teamleder'), signedIn(t.app, 'fagperson.barnehage')]);
  const team = await teamLedBy(t.database.db, 'teamleder');
  referralId = (await t.database.db.selectFrom('referral').select('id').where('team_id', '=', team.id).where('status', '=', 'waiting').executeTakeFirstOrThrow()).id;
  expect((await tone.post(`/api/referrals/${referralId}/accept`, {})).statusCode).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

describe('the calendar file', () => {
  it('keeps a carriage return, a line feed and separators inside the LOCATION value', () => {
    const ics = calendarFile({
      uid: 'test@sammen', start: new Date('2030-03-01T10:00:00Z'), end: new Date('2030-03-01T11:00:00Z'),
      summary: 'Teammøte; barneskole, Nord', location: `${INJECTION}\nX-INJECTED:1`, description: 'Velkommen',
      organizerEmail: 'leder@fjordvik.kommune.no', attendees: ['forelder@example.com'],
    }, new Date('2030-02-01T08:00:00Z'));
    const lines = contentLines(ics);
    expect(lines.filter((l) => l.startsWith('LOCATION'))).toHaveLength(1);
    expect(lines.some((l) => /^X-INJECTED/.test(l))).toBe(false);
    expect(lines.filter((l) => l.startsWith('ATTENDEE')).map((l) => l.toLowerCase())).toEqual([expect.stringContaining('mailto:forelder@example.com')]);
    expect(lines).toContain('SUMMARY:Teammøte\\; barneskole\\, Nord');
  });

  it('a meeting place with a lone carriage return is refused at the door, in the user\'s language, and no meeting is stored', async () => {
    const candidates = (await tone.get(`/api/referrals/${referralId}/candidates`)).json();
    const body = {
      startsAt: '2030-03-04T12:00:00+01:00', place: INJECTION,
      staffIds: candidates.staff.slice(0, 1).map((s: { id: string }) => s.id),
      personIds: candidates.family.filter((f: { role: string }) => f.role === 'guardian').map((f: { id: string }) => f.id),
    };
    const before = await meetings();
    const nb = await tone.post(`/api/referrals/${referralId}/meetings`, body);
    expect(nb.statusCode).toBe(400);
    expect(nb.json().error.fields).toEqual([{ field: 'place', message: 'Teksten inneholder usynlige kontrolltegn eller tegn som snur skriveretningen. Fjern dem og prøv igjen.' }]);
    const english = await signedIn(t.app, 'teamleder', 'en');
    const en = await english.post(`/api/referrals/${referralId}/meetings`, body);
    expect(en.json().error.fields).toEqual([{ field: 'place', message: 'The text contains invisible control characters or characters that reverse the writing direction. Remove them and try again.' }]);
    expect(await meetings()).toBe(before);
    const invitations = await t.database.db.selectFrom('outbound_email_attachment').select('content').where('filename', '=', 'moete.ics').execute();
    for (const file of invitations) expect(Buffer.from(file.content).toString('utf8')).not.toContain('angriper@example.com');
  });

  it('a place written on two lines (CRLF) is kept as one escaped value', async () => {
    const candidates = (await tone.get(`/api/referrals/${referralId}/candidates`)).json();
    const scheduled = await tone.post(`/api/referrals/${referralId}/meetings`, {
      startsAt: '2030-03-05T12:00:00+01:00', place: 'Fjellbekken skole\r\nMøterom 2',
      staffIds: candidates.staff.slice(0, 1).map((s: { id: string }) => s.id),
      personIds: candidates.family.filter((f: { role: string }) => f.role === 'guardian').map((f: { id: string }) => f.id),
    });
    expect(scheduled.statusCode).toBe(201);
    const stored = await t.database.db.selectFrom('team_meeting').select('place').where('id', '=', scheduled.json().id).executeTakeFirstOrThrow();
    expect(stored.place).toBe('Fjellbekken skole\nMøterom 2');
    const file = await t.database.db.selectFrom('outbound_email_attachment as a').innerJoin('outbound_email as e', 'e.id', 'a.email_id')
      .select('a.content').where('a.filename', '=', 'moete.ics').orderBy('e.created_at', 'desc').executeTakeFirstOrThrow();
    const lines = contentLines(Buffer.from(file.content).toString('utf8'));
    expect(lines).toContain('LOCATION:Fjellbekken skole\\nMøterom 2');
  });
});

describe('free text refuses control characters and bidi overrides everywhere', () => {
  const refused: [string, string][] = [
    ['null', '\u0000'], ['bell', '\u0007'], ['escape', '\u001b'], ['lone carriage return', 'a\rb'], ['vertical tab', '\u000b'],
    ['delete', '\u007f'], ['C1 next line', '\u0085'], ['left-to-right embedding', '\u202a'], ['right-to-left override', '\u202e'],
    ['left-to-right isolate', '\u2066'], ['pop directional isolate', '\u2069'],
  ];

  it.each(refused)('%s is refused in a worry, with a field message in bokmål and English, and nothing is stored', async (_name, ch) => {
    const before = await worries();
    const body = { categories: ['health'], description: `Virker sliten ${ch} i timene`, noticedOn: '2020-01-15', ageYears: 5 };
    const nb = await teacher.post('/api/worries', body);
    expect(nb.statusCode).toBe(400);
    expect(nb.json().error.fields).toEqual([{ field: 'description', message: expect.stringMatching(/^Teksten inneholder usynlige kontrolltegn/) }]);
    const en = await t.app.inject({ method: 'POST', url: '/api/worries', payload: body, cookies: teacher.cookies, headers: { 'x-csrf-token': teacher.csrfToken!, 'accept-language': 'en' } });
    expect(en.json().error.fields).toEqual([{ field: 'description', message: expect.stringMatching(/^The text contains invisible control characters/) }]);
    expect(await worries()).toBe(before);
  });

  it('tab, line feed and CRLF are ordinary text (CRLF stored as LF)', async () => {
    const response = await teacher.post('/api/worries', { categories: ['health'], description: 'Første linje\r\nAndre\tlinje\nTredje', noticedOn: '2020-01-15', ageYears: 5 });
    expect(response.statusCode).toBe(201);
    const row = await t.database.db.selectFrom('worry').select('description').where('id', '=', response.json().worryId).executeTakeFirstOrThrow();
    expect(row.description).toBe('Første linje\nAndre\tlinje\nTredje');
  });

  it('the shared text schema holds the same rule for text parsed outside a route', () => {
    expect(nonEmptyText(50).safeParse('Hei\u202eeh').success).toBe(false);
    expect(nonEmptyText(50).safeParse('Hei\r\npå deg').data).toBe('Hei\npå deg');
  });
});
