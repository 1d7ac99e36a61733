import { COMPONENT_SCENARIOS } from './components.test-support.js';
import { ENTITY_SCENARIOS } from './entities.test-support.js';
import { HTTP_ERROR_SCENARIOS } from './http-errors.test-support.js';
import { PLATFORM_SCENARIOS } from './platform.test-support.js';
import type { Scenario } from './scenario.test-support.js';
import { UPDATER_SCENARIOS } from './updaters.test-support.js';

/** Every rule scenario; the TypeScript evaluation and promtool both run all of them. */
export const SCENARIOS: readonly Scenario[] = [
  ...COMPONENT_SCENARIOS,
  ...HTTP_ERROR_SCENARIOS,
  ...UPDATER_SCENARIOS,
  ...ENTITY_SCENARIOS,
  ...PLATFORM_SCENARIOS,
];
