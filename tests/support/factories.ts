// Test data a test makes for itself, through the API as the user who owns it would, so that no
// test leans on the demo's people or on what another test left behind. Demo log-ins stay fine as
// the principals who act.
import { syntheticNationalId } from '../../common/national-id.ts';
import type { Client } from './app.ts';

/** A valid synthetic national id for someone born on `birthDate` (the first serial from `serial` with valid check digits). */
export function nationalIdBornOn(birthDate: string, serial = 7): string {
  for (let s = serial; s < serial + 100; s++) {
    const id = syntheticNationalId(birthDate, s);
    if (id) return id;
  }
  throw new Error(`no synthetic national id for ${birthDate}`);
}

/** A service unit, made by the administrator (`admin` is signed in as one). */
export async function createServiceUnit(admin: Client, name: string, input: { typeCode?: string; area?: string } = {}): Promise<{ id: string; name: string }> {
  const response = await admin.post('/api/admin/service-units', { typeCode: 'kindergarten', area: 'Nord', ...input, name });
  if (response.statusCode !== 201) throw new Error(`creating the unit ${name} failed: ${response.body}`);
  return { id: response.json().id, name };
}

export interface StaffForm {
  username: string;
  displayName: string;
  email: string;
  serviceUnitId: string;
  roles: string[];
  title: string;
  nationalId: string;
}

/** The administrator's form for a new professional: `username` also makes the e-mail, `birthDate` the national id. */
export function staffForm(username: string, displayName: string, serviceUnitId: string, birthDate: string): StaffForm {
  return {
    username, displayName, email: `${username}@fjordvik.kommune.no`, serviceUnitId,
    roles: ['professional'], title: 'Pedagogisk leder', nationalId: nationalIdBornOn(birthDate),
  };
}

/** A staff user, made by the administrator; their id. */
export async function createStaffUser(admin: Client, form: StaffForm): Promise<string> {
  const response = await admin.post('/api/admin/staff', form);
  if (response.statusCode !== 201) throw new Error(`creating the staff user ${form.username} failed: ${response.body}`);
  return response.json().id;
}
