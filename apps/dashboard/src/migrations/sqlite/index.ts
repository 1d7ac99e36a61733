import * as migration_20261123_163529_initial from './20261123_163529_initial';

export const migrations = [
  {
    up: migration_20261123_163529_initial.up,
    down: migration_20261123_163529_initial.down,
    name: '20261123_163529_initial',
  },
];
