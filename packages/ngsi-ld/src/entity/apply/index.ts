export * from './apply-attributes.js';
export * from './merge-instance.js';
export * from './replace.js';
export * from './stamp.js';
export * from './update-result.js';
export * from './rules.js';
