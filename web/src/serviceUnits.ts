// The municipality's service units for a picker, which must offer every one: all pages of the list,
// which the municipality's organisation bounds (tens of units, a few hundred in a city).
import type { ServiceUnits } from '../../common/contracts/organisation.ts';
import { useAllApiPages } from './query.tsx';

export function useAllServiceUnits() {
  return useAllApiPages('/api/service-units', (page: ServiceUnits) => page.units);
}
