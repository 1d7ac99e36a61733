export * from './types.js';
export * from './parse-entity.js';
export * from './parse-attribute.js';
export * from './infer-attribute-type.js';
export * from './apply/index.js';
