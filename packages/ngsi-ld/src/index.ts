/**
 * @legocity/ngsi-ld — NGSI-LD (ETSI GS CIM 009 v1.8) in the spec's words. Pure: no I/O.
 * Each area has its own barrel; keep this file to re-exports only.
 */
export * from './errors/index.js';
export * from './entity/index.js';
export * from './jsonld/index.js';
export * from './query/index.js';
export * from './values/index.js';
export * from './format/index.js';
export * from './subscription/index.js';
