/**
 * The demo-city simulator: Da Nang, offline and deterministic. Two faces — a polled source for
 * what a city would not push over MQTT, and a publisher of MQTT sensors with their provisioning
 * file — plus the data contracts of every type it produces.
 */
export { readSimulatorConfig, simulatorConfigSchema } from './config.js';
export type { SimulatorConfig } from './config.js';
export { createSimulatorSource } from './simulator-source.js';
export type { SimulatedInstant, SimulatorSourceOptions } from './simulator-source.js';
export { createSimulatorPublisher, sensorMessages } from './simulator-publisher.js';
export type {
  SensorMessage,
  SimulatorPublisher,
  SimulatorPublisherOptions,
} from './simulator-publisher.js';
export { simulatorDevices, writeSimulatorDevices } from './simulator-devices.js';
export type { DeviceProvisioning } from './simulator-devices.js';
export { polledContracts, sensorContracts } from './contract.js';
export { simulateCity, POLLED_ENTITY_TYPES } from './simulate-city.js';
export { daNang } from './city/da-nang.js';
export type { City } from './city/city-types.js';
