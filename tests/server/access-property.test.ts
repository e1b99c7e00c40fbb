// Property: after any sequence of consents, withdrawals, involvements and moves between units,
// the access module opens a child's shared case to a professional exactly when an independent
// model of the rule says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addConsent, buildAccessWorld, check, clearConsents, daysFromToday, staffPrincipal, type AccessWorld } from '../support/access-fixture.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { testClock } from '../support/clock.ts';

let database: TestDatabase;
let world: AccessWorld;
beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildAccessWorld(database.db);
});
afterAll(async () => {
  await database?.drop();
});

type UnitKey = 'kindergarten' | 'healthStation' | 'school';
const UNIT_TYPE: Record<UnitKey, string> = { kindergarten: 'kindergarten', healthStation: 'health_station', school: 'school_primary' };

type Command =
  | { kind: 'consent'; purposes: string[]; unitIds: UnitKey[]; unitTypes: UnitKey[]; window: 'current' | 'past' | 'future' | 'endsToday' }
  | { kind: 'withdraw'; index: number }
  | { kind: 'involve' }
  | { kind: 'endInvolvement' }
  | { kind: 'move'; to: UnitKey };

const unitKey = fc.constantFrom<UnitKey>('kindergarten', 'healthStation', 'school');
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('consent' as const),
    purposes: fc.subarray(['collaboration', 'team_discussion', 'transition'], { minLength: 1 }),
    unitIds: fc.uniqueArray(unitKey, { maxLength: 2 }),
    unitTypes: fc.uniqueArray(unitKey, { maxLength: 1 }),
    window: fc.constantFrom('current' as const, 'past' as const, 'future' as const, 'endsToday' as const),
  }).filter((c) => c.unitIds.length + c.unitTypes.length > 0),
  fc.record({ kind: fc.constant('withdraw' as const), index: fc.nat(5) }),
  fc.constant({ kind: 'involve' as const }),
  fc.constant({ kind: 'endInvolvement' as const }),
  fc.record({ kind: fc.constant('move' as const), to: unitKey }),
);

/** The rule, stated independently of the code: involved, and some consent in force now that covers collaboration and names the user's unit or its type. */
interface Model {
  involved: boolean;
  unit: UnitKey;
  consents: { purposes: string[]; unitIds: UnitKey[]; unitTypes: UnitKey[]; inForce: boolean; withdrawn: boolean }[];
}
function modelAllows(m: Model): boolean {
  return m.involved && m.consents.some((c) => !c.withdrawn && c.inForce && c.purposes.includes('collaboration') && (c.unitIds.includes(m.unit) || c.unitTypes.some((t) => UNIT_TYPE[t] === UNIT_TYPE[m.unit])));
}

async function reset() {
  await clearConsents(world, world.child);
  const id = world.staffByRole.professional;
  await world.db.updateTable('involvement').set({ ended_at: testClock.now() }).where('staff_user_id', '=', id).where('person_id', '=', world.child).where('ended_at', 'is', null).execute();
  await world.db.updateTable('staff_user').set({ service_unit_id: world.units.kindergarten }).where('id', '=', id).execute();
}

async function apply(cmd: Command, model: Model, consentIds: string[]) {
  const staffId = world.staffByRole.professional;
  switch (cmd.kind) {
    case 'consent': {
      const window = { current: [-10, 100], past: [-100, -1], future: [1, 100], endsToday: [-5, 0] }[cmd.window] as [number, number];
      consentIds.push(await addConsent(world, world.child, {
        purposes: cmd.purposes, unitIds: cmd.unitIds.map((u) => world.units[u]), unitTypes: cmd.unitTypes.map((u) => UNIT_TYPE[u]),
        from: daysFromToday(window[0]), to: daysFromToday(window[1]),
      }));
      model.consents.push({ purposes: cmd.purposes, unitIds: cmd.unitIds, unitTypes: cmd.unitTypes, inForce: cmd.window === 'current' || cmd.window === 'endsToday', withdrawn: false });
      return;
    }
    case 'withdraw': {
      if (consentIds.length === 0) return;
      const i = cmd.index % consentIds.length;
      await world.db.updateTable('consent').set({ withdrawn_at: new Date(testClock.now().getTime() - 1), withdrawn_by_staff_id: staffId }).where('id', '=', consentIds[i]!).execute();
      model.consents[i]!.withdrawn = true;
      return;
    }
    case 'involve':
      if (!model.involved) await world.db.insertInto('involvement').values({ person_id: world.child, staff_user_id: staffId, kind: 'measure_responsible' }).execute();
      model.involved = true;
      return;
    case 'endInvolvement':
      await world.db.updateTable('involvement').set({ ended_at: testClock.now() }).where('staff_user_id', '=', staffId).where('person_id', '=', world.child).where('ended_at', 'is', null).execute();
      model.involved = false;
      return;
    case 'move':
      await world.db.updateTable('staff_user').set({ service_unit_id: world.units[cmd.to] }).where('id', '=', staffId).execute();
      model.unit = cmd.to;
      return;
  }
}

describe('access equals the rule', () => {
  it('for random sequences of consents, withdrawals, involvements and moves', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), async (commands) => {
        await reset();
        const model: Model = { involved: false, unit: 'kindergarten', consents: [] };
        const consentIds: string[] = [];
        for (const cmd of commands) {
          await apply(cmd, model, consentIds);
          const decision = await check(world, await staffPrincipal(world, 'professional'), 'case.read', world.child);
          expect(decision.allowed, JSON.stringify({ after: cmd, model, decision })).toBe(modelAllows(model));
        }
      }),
      { numRuns: 40 },
    );
  });
});
