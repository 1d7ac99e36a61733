/** The map dashboard of the public site. */
export { MapDashboard } from './MapDashboard.js';
export type { MapDashboardProps } from './MapDashboard.js';
