/**
 * The IOS feature modules, in the order their commands join each mode and their running-config
 * sections print within a place. To add an area's CLI: write `features/<area>/` (an
 * `IosFeature`, see ios-feature.ts) and add it here. Areas not yet moved into features live in
 * the role-named files beside this folder (interface-commands.ts, nd-commands.ts,
 * switching-commands.ts for switchports, routing-commands.ts for the forwarding switches).
 */
import type { IosFeature } from './ios-feature';
import { STATIC_ROUTING } from './static-routing';
import { VLAN_DATABASE } from './vlan-database';

/** Every feature (a function, so the list is read after every module has loaded). */
export function iosFeatures(): readonly IosFeature[] {
  return [STATIC_ROUTING, VLAN_DATABASE];
}
