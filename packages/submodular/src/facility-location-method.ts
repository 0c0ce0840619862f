import type { CoresetMethod, MethodRegistry } from '@coresets/core';
import {
  FACILITY_LOCATION_OPTIONS_SCHEMA,
  type FacilityLocationOptions,
} from './facility-location-options.js';
import { selectFacilityLocation, type FacilityLocationInput } from './select-facility-location.js';

/** Facility location as a registry / CLI method (`coresets select facility-location`). */
export const facilityLocationMethod: CoresetMethod<FacilityLocationInput, FacilityLocationOptions> =
  {
    name: 'facility-location',
    description:
      'Greedy facility location: representative picks in order, with gains and CRAIG cluster weights',
    optionsSchema: FACILITY_LOCATION_OPTIONS_SCHEMA,
    select: (input, options) => selectFacilityLocation(input, options),
  };

/** Adds `facility-location` to a registry. */
export function registerFacilityLocation(registry: MethodRegistry): MethodRegistry {
  return registry.register(facilityLocationMethod);
}
