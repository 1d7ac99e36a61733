import * as migration_20261123_163529_initial from './20261123_163529_initial';
import * as migration_20261207_084842_data_model_lifecycle from './20261207_084842_data_model_lifecycle';

export const migrations = [
  {
    up: migration_20261123_163529_initial.up,
    down: migration_20261123_163529_initial.down,
    name: '20261123_163529_initial',
  },
  {
    up: migration_20261207_084842_data_model_lifecycle.up,
    down: migration_20261207_084842_data_model_lifecycle.down,
    name: '20261207_084842_data_model_lifecycle',
  },
];
