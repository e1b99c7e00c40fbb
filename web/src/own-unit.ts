// The type of the signed-in staff user's own service unit (a kindergarten, a school…), for the few
// menu entries that belong to some kinds of unit. The server still decides what the user may do.
import { useApiQuery } from './query.tsx';
import type { Principal } from '../../common/contracts/identity.ts';
import type { ServiceUnit } from '../../common/contracts/organisation.ts';

/** undefined while loading; null for citizens and staff without a unit. */
export function useOwnUnitType(principal: Principal | null): string | null | undefined {
  const unitId = principal?.kind === 'staff' ? principal.serviceUnitId : null;
  const units = useApiQuery<{ units: ServiceUnit[] }>(unitId ? '/api/service-units' : null);
  if (!unitId) return null;
  if (!units.data) return units.error ? null : undefined;
  return units.data.units.find((u) => u.id === unitId)?.typeCode ?? null;
}
