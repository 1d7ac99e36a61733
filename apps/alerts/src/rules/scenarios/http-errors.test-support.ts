import {
  BROKER,
  BROKER_LABELS,
  DASHBOARD,
  DASHBOARD_LABELS,
  type Scenario,
} from './scenario.test-support.js';

const brokerRequests = (status: string) =>
  `legocity_broker_http_requests_total{${BROKER}, method="GET", route="/ngsi-ld/v1/entities", status="${status}"}`;
const dashboardRequests = (status: string) =>
  `legocity_dashboard_http_requests_total{${DASHBOARD}, method="GET", route="/api/data/layers/:layerId", status="${status}"}`;

/** 5xx answers of the broker and of the dashboard (CMS) data routes. */
export const HTTP_ERROR_SCENARIOS: readonly Scenario[] = [
  {
    rule: 'LegoCityBrokerErrors',
    title: 'fires when more than 5% of requests fail for five minutes',
    series: [
      { series: brokerRequests('200'), values: '0+90x60' },
      { series: brokerRequests('500'), values: '0+10x60' },
    ],
    expect: [
      { at: '5m', firing: [] },
      { at: '5m15s', firing: [BROKER_LABELS] },
    ],
  },
  {
    rule: 'LegoCityBrokerErrors',
    title: 'resolves when the errors stop',
    series: [
      { series: brokerRequests('200'), values: '0+90x60' },
      { series: brokerRequests('500'), values: '0+10x30 300x30' },
    ],
    expect: [
      { at: '7m', firing: [BROKER_LABELS] },
      { at: '13m', firing: [] },
    ],
  },
  {
    rule: 'LegoCityBrokerErrors',
    title: 'stays quiet on a quiet night: two errors in ten minutes are noise',
    series: [
      { series: brokerRequests('200'), values: '0+1x60' },
      { series: brokerRequests('500'), values: '0x20 1x20 2x19' },
    ],
    expect: [
      { at: '6m', firing: [] },
      { at: '11m', firing: [] },
      { at: '14m', firing: [] },
    ],
  },
  {
    rule: 'LegoCityBrokerErrors',
    title: 'does not count the counter reset of a broker restart as errors',
    series: [
      { series: brokerRequests('200'), values: '1000+90x20 0+90x40' },
      { series: brokerRequests('500'), values: '400+0x20 0+0x40' },
    ],
    expect: [
      { at: '6m', firing: [] },
      { at: '12m', firing: [] },
    ],
  },
  {
    rule: 'LegoCityDashboardErrors',
    title: 'fires when more than 5% of data requests fail for five minutes',
    series: [
      { series: dashboardRequests('200'), values: '0+30x60' },
      { series: dashboardRequests('502'), values: '0+5x60' },
    ],
    expect: [
      { at: '5m', firing: [] },
      { at: '5m15s', firing: [DASHBOARD_LABELS] },
    ],
  },
  {
    rule: 'LegoCityDashboardErrors',
    title: 'does not fire for client errors (4xx)',
    series: [
      { series: dashboardRequests('200'), values: '0+30x60' },
      { series: dashboardRequests('404'), values: '0+30x60' },
    ],
    expect: [{ at: '10m', firing: [] }],
  },
];
