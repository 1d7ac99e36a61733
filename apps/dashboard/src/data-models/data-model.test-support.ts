import type { DataModelAttribute, DataModelContract } from './data-model.js';

/** An active number Property, with overrides. */
export function attribute(
  name: string,
  overrides: Partial<DataModelAttribute> = {},
): DataModelAttribute {
  return { name, kind: 'Property', valueType: 'number', status: 'active', ...overrides };
}

/** A deprecated attribute replaced by `replacedBy`. */
export function deprecated(
  name: string,
  replacedBy: string,
  overrides: Partial<DataModelAttribute> = {},
): DataModelAttribute {
  return attribute(name, { status: 'deprecated', replacedBy, ...overrides });
}

/** An AirQualityObserved model at `version` with these attributes. */
export function model(
  version: string,
  attributes: DataModelAttribute[],
  overrides: Partial<DataModelContract> = {},
): DataModelContract {
  return { entityType: 'AirQualityObserved', version, attributes, ...overrides };
}
