export * from './is-uri.js';
export * from './date-time.js';
export * from './geometry.js';
export * from './parse-geometry.js';
export * from './geometry-shape.js';
