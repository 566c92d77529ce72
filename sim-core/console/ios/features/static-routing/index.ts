/**
 * The static-routing feature of the IOS CLI: `ip route` / `ipv6 route` in global configuration
 * (commands.ts) and their running-config lines (running-config.ts). The routes themselves live
 * in the management layer (mgmt/static-routes.ts); `show ip route` / `show ipv6 route` belong to
 * the routing table, not to this feature. Leaves out: `show ip static route`.
 */
import type { IosFeature } from '../ios-feature';
import { staticRouteCommands } from './commands';
import { staticRouteSections } from './running-config';

export const STATIC_ROUTING: IosFeature = {
  name: 'static-routing',
  appliesTo: (kind) => kind !== 'switch',
  commands: (env) => ({ config: staticRouteCommands(env) }),
  runningConfig: staticRouteSections,
};
