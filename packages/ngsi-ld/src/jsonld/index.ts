export * from './types.js';
export * from './core-context.js';
export { getCoreContext } from './core-active-context.js';
export * from './context-processor.js';
export { canonicalJson } from './canonical-json.js';
