export * from './q-types.js';
export * from './attribute-name.js';
export * from './parse-q.js';
