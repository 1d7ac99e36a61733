import * as migration_20261123_163548_initial from './20261123_163548_initial';
import * as migration_20261207_084851_data_model_lifecycle from './20261207_084851_data_model_lifecycle';

export const migrations = [
  {
    up: migration_20261123_163548_initial.up,
    down: migration_20261123_163548_initial.down,
    name: '20261123_163548_initial',
  },
  {
    up: migration_20261207_084851_data_model_lifecycle.up,
    down: migration_20261207_084851_data_model_lifecycle.down,
    name: '20261207_084851_data_model_lifecycle',
  },
];
