import { BROKER, type Scenario } from './scenario.test-support.js';

const entities = (type: string) =>
  `legocity_broker_entities{${BROKER}, tenant="default", type="${type}"}`;
const COUNT_FAILURES = `legocity_broker_entity_count_failures_total{${BROKER}}`;
const UP = `up{${BROKER}}`;
const of = (type: string) => ({ job: 'legocity-broker', tenant: 'default', type });

/** Entity counts per type: sharp drops, a type gone, growth without bound. */
export const ENTITY_SCENARIOS: readonly Scenario[] = [
  {
    rule: 'LegoCityEntityCountDropped',
    title: 'fires when a type lost more than 20% of its entities within an hour',
    interval: '1m',
    series: [{ series: entities('ParkingSpot'), values: '100x70 70x30' }],
    expect: [
      { at: '75m', firing: [] },
      { at: '76m', firing: [of('ParkingSpot')] },
    ],
  },
  {
    rule: 'LegoCityEntityCountDropped',
    title: 'does not fire when fewer than 20% are lost',
    interval: '1m',
    series: [{ series: entities('ParkingSpot'), values: '100x70 85x30' }],
    expect: [{ at: '90m', firing: [] }],
  },
  {
    rule: 'LegoCityEntityCountDropped',
    title: 'does not fire while the broker restarts (its counts vanish for a scrape)',
    interval: '1m',
    series: [
      { series: entities('ParkingSpot'), values: '100x70 stale 100x28' },
      { series: UP, values: '1x70 0 1x28' },
    ],
    expect: [
      { at: '72m', firing: [] },
      { at: '80m', firing: [] },
    ],
  },
  {
    rule: 'LegoCityEntityTypeEmptied',
    title: 'fires when a type that had entities an hour ago has none now',
    interval: '1m',
    series: [
      { series: entities('Vehicle'), values: '100x70 stale' },
      { series: entities('ParkingSpot'), values: '50x100' },
      { series: UP, values: '1x100' },
      { series: COUNT_FAILURES, values: '0x100' },
    ],
    expect: [
      { at: '75m', firing: [] },
      { at: '76m', firing: [of('Vehicle')] },
    ],
  },
  {
    rule: 'LegoCityEntityTypeEmptied',
    title: 'does not fire while the broker is down (its counts vanish with it)',
    interval: '1m',
    series: [
      { series: entities('Vehicle'), values: '100x70 stale' },
      { series: UP, values: '1x70 0x30' },
      { series: COUNT_FAILURES, values: '0x70' },
    ],
    expect: [{ at: '80m', firing: [] }],
  },
  {
    rule: 'LegoCityEntityTypeEmptied',
    title: 'does not fire while the broker cannot count the entities',
    interval: '1m',
    series: [
      { series: entities('Vehicle'), values: '100x70 stale' },
      { series: UP, values: '1x100' },
      { series: COUNT_FAILURES, values: '0x70 1+1x30' },
    ],
    expect: [
      { at: '80m', firing: [] },
      { at: '100m', firing: [] },
    ],
  },
  {
    rule: 'LegoCityEntityCountGrowing',
    title: 'fires when a type more than doubled in a day and still grows, for an hour',
    interval: '5m',
    series: [{ series: entities('Vehicle'), values: '1000+10x310' }],
    expect: [
      { at: '24h55m', firing: [] },
      { at: '25h', firing: [of('Vehicle')] },
    ],
  },
  {
    rule: 'LegoCityEntityCountGrowing',
    title: 'does not fire for a one-off import that stopped growing',
    interval: '5m',
    series: [{ series: entities('ParkingSpot'), values: '100x200 5000x200' }],
    expect: [
      { at: '25h', firing: [] },
      { at: '33h', firing: [] },
    ],
  },
  {
    rule: 'LegoCityEntityCountGrowing',
    title: 'does not fire for the growth of a small type (under 1,000 entities a day)',
    interval: '5m',
    series: [{ series: entities('Hospital'), values: '10+1x320' }],
    expect: [{ at: '26h', firing: [] }],
  },
];
