import {
  ALERTS,
  ALERTS_LABELS,
  BROKER,
  BROKER_LABELS,
  DASHBOARD,
  DASHBOARD_LABELS,
  UPDATERS,
  UPDATERS_LABELS,
  type Scenario,
} from './scenario.test-support.js';

/** Components that cannot be scraped (`up` is 0 while /metrics does not answer). */
export const COMPONENT_SCENARIOS: readonly Scenario[] = [
  {
    rule: 'LegoCityBrokerDown',
    title: 'fires when the broker has not answered for two minutes',
    series: [{ series: `up{${BROKER}}`, values: '1x3 0x20' }],
    expect: [
      { at: '2m45s', firing: [] },
      { at: '3m', firing: [BROKER_LABELS] },
    ],
  },
  {
    rule: 'LegoCityBrokerDown',
    title: 'resolves as soon as the broker answers again',
    series: [{ series: `up{${BROKER}}`, values: '1x3 0x11 1x8' }],
    expect: [
      { at: '3m45s', firing: [BROKER_LABELS] },
      { at: '4m', firing: [] },
    ],
  },
  {
    rule: 'LegoCityBrokerDown',
    title: 'does not fire when the broker restarts within a minute (no flapping)',
    series: [{ series: `up{${BROKER}}`, values: '1x10 0x3 1x20' }],
    expect: [
      { at: '3m', firing: [] },
      { at: '4m', firing: [] },
      { at: '5m', firing: [] },
    ],
  },
  {
    rule: 'LegoCityUpdatersDown',
    title: 'fires when the update servers have not answered for two minutes',
    series: [{ series: `up{${UPDATERS}}`, values: '1x3 0x20' }],
    expect: [
      { at: '2m45s', firing: [] },
      { at: '3m', firing: [UPDATERS_LABELS] },
    ],
  },
  {
    rule: 'LegoCityDashboardDown',
    title: 'fires when the dashboard has not answered for two minutes',
    series: [{ series: `up{${DASHBOARD}}`, values: '1x3 0x20' }],
    expect: [
      { at: '2m45s', firing: [] },
      { at: '3m', firing: [DASHBOARD_LABELS] },
    ],
  },
  {
    rule: 'LegoCityDashboardDown',
    title: 'does not fire for the broker being down',
    series: [
      { series: `up{${DASHBOARD}}`, values: '1x20' },
      { series: `up{${BROKER}}`, values: '0x20' },
    ],
    expect: [{ at: '5m', firing: [] }],
  },
  {
    rule: 'LegoCityAlertsDown',
    title: 'fires in Prometheus when the alerts service has not answered for two minutes',
    series: [{ series: `up{${ALERTS}}`, values: '1x3 0x20' }],
    expect: [
      { at: '2m45s', firing: [] },
      { at: '3m', firing: [ALERTS_LABELS] },
    ],
  },
];
