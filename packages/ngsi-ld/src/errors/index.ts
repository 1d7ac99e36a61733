export * from './error-types.js';
export * from './ngsi-ld-error.js';
export * from './result.js';
