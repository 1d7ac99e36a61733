import { describe, expect, it } from 'vitest';
import { daNang } from '../city/da-nang.js';
import { lineLengthMetres } from '../geo.js';
import { currentMission, missionOf } from './missions.js';

describe('missions', () => {
  const base = daNang.emergencyBases[0]!;
  const street = daNang.streets.find((candidate) => candidate.slug === base.street)!;

  it('orders each trip: issued, dispatched, arrived, left the scene, back', () => {
    for (let cycle = 0; cycle < 200; cycle += 1) {
      const mission = missionOf(7, base, street, cycle);
      expect(mission.dispatchedAt).toBeGreaterThan(mission.issuedAt);
      expect(mission.arrivedAt).toBeGreaterThan(mission.dispatchedAt);
      expect(mission.leftSceneAt).toBeGreaterThan(mission.arrivedAt);
      expect(mission.backAt).toBeGreaterThan(mission.leftSceneAt);
      expect(Math.abs(mission.sceneOffset - mission.baseOffset)).toBeGreaterThanOrEqual(300 - 1e-6);
      expect(mission.sceneOffset).toBeGreaterThanOrEqual(0);
      expect(mission.sceneOffset).toBeLessThanOrEqual(lineLengthMetres(street.line));
    }
  });

  it('brings every vehicle home before its next incident, on every base', () => {
    for (const each of daNang.emergencyBases) {
      const line = daNang.streets.find((candidate) => candidate.slug === each.street)!;
      for (let cycle = 0; cycle < 100; cycle += 1) {
        expect(missionOf(7, each, line, cycle).backAt, each.slug).toBeLessThan(
          missionOf(7, each, line, cycle + 1).issuedAt,
        );
      }
    }
  });

  it('shows the previous mission until the next incident is issued', () => {
    const mission = missionOf(7, base, street, 500);
    expect(currentMission(7, base, street, mission.issuedAt)).toEqual(mission);
    expect(currentMission(7, base, street, mission.issuedAt - 1).cycle).toBe(499);
  });
});
