import type { AttributeContract, AttributeKind, EntityContract } from '@legocity/updater-runtime';
import type { JsonObject } from '@legocity/ngsi-ld';
import type { DevicesFile, DeviceType } from './devices.js';

/** Version of derived contracts; bump when the derivation itself changes. */
export const DERIVED_CONTRACT_VERSION = '1.0.0';

/** The NGSI-LD attribute kinds a contract can name (all but ListRelationship). */
export const CONTRACT_KINDS: readonly AttributeKind[] = [
  'Property',
  'GeoProperty',
  'Relationship',
  'LanguageProperty',
  'VocabProperty',
  'JsonProperty',
  'ListProperty',
];
const KINDS = new Set<string>(CONTRACT_KINDS);

/**
 * The data contract of every entity type the provisioned devices feed, derived from the device
 * types: mapped attributes with their kind, value type and unit, static attributes with their
 * kind, and an id pattern that admits the types' id prefixes (auto-provisioned devices) and every
 * device's explicit entity id. Device types sharing an entity type share one contract.
 * @example deriveContracts(file) // [{ type: 'WeatherObserved', idPattern: 'urn:ngsi-ld:WeatherObserved:.+', attributes: [...] }]
 */
export function deriveContracts(file: DevicesFile): EntityContract[] {
  const byType = new Map<
    string,
    {
      prefixes: Set<string>;
      ids: Set<string>;
      attributes: Map<string, AttributeContract>;
      open: boolean;
    }
  >();
  const entry = (entityType: string) => {
    let found = byType.get(entityType);
    if (!found) {
      found = { prefixes: new Set(), ids: new Set(), attributes: new Map(), open: false };
      byType.set(entityType, found);
    }
    return found;
  };
  for (const type of file.deviceTypes.values()) {
    const contract = entry(type.entityType);
    contract.prefixes.add(type.entityIdPrefix);
    for (const mapping of type.attributes)
      contract.attributes.set(mapping.name, {
        name: mapping.name,
        kind: mapping.kind,
        ...(mapping.valueType !== undefined && { valueType: mapping.valueType }),
        ...(mapping.unitCode !== undefined && { unitCode: mapping.unitCode }),
      });
    contract.open ||= addStatic(contract.attributes, type.staticAttributes);
  }
  for (const device of file.devices.values()) {
    const type = file.deviceTypes.get(device.deviceType) as DeviceType;
    const contract = entry(type.entityType);
    if (!device.entityId.startsWith(type.entityIdPrefix)) contract.ids.add(device.entityId);
    contract.open ||= addStatic(contract.attributes, device.staticAttributes);
  }
  return [...byType].map(([type, contract]) => ({
    type,
    version: DERIVED_CONTRACT_VERSION,
    idPattern: [
      ...[...contract.prefixes].map((prefix) => `${escapeRegExp(prefix)}.+`),
      ...[...contract.ids].map(escapeRegExp),
    ].join('|'),
    attributes: [...contract.attributes.values()],
    ...(contract.open && { allowOtherAttributes: true }),
    description: `Fed by MQTT devices of type ${[...file.deviceTypes.values()]
      .filter((candidate) => candidate.entityType === type)
      .map((candidate) => candidate.name)
      .join(', ')}.`,
  }));
}

/** Adds static attributes not mapped already; true when one has a kind contracts cannot name. */
function addStatic(
  target: Map<string, AttributeContract>,
  attributes: Record<string, JsonObject>,
): boolean {
  let open = false;
  for (const [name, attribute] of Object.entries(attributes)) {
    if (target.has(name)) continue;
    if (KINDS.has(attribute.type as string))
      target.set(name, { name, kind: attribute.type as AttributeKind });
    else open = true;
  }
  return open;
}

/**
 * Mappings of one entity type that disagree between device types (same attribute name, another
 * kind, value type or unit): one contract cannot hold both. Each is a JSON path + message.
 * @example contractConflicts(types) // [{ path: '$.deviceTypes.b.attributes[0]', message: '…' }]
 */
export function contractConflicts(
  types: Iterable<DeviceType>,
): { path: string; message: string }[] {
  const seen = new Map<string, { type: string; signature: string }>();
  const problems: { path: string; message: string }[] = [];
  for (const type of types)
    type.attributes.forEach((mapping, index) => {
      const id = `${type.entityType}\u0000${mapping.name}`;
      const signature = `${mapping.kind}/${mapping.valueType ?? ''}/${mapping.unitCode ?? ''}`;
      const first = seen.get(id);
      if (!first) seen.set(id, { type: type.name, signature });
      else if (first.signature !== signature)
        problems.push({
          path: `${jsonPathKey('$.deviceTypes', type.name)}.attributes[${index}]`,
          message: `attribute "${mapping.name}" of ${type.entityType} is mapped with another kind, value type or unit by device type "${first.type}"`,
        });
    });
  return problems;
}

/** `$.a.b` for plain names, `$.a["b-c"]` otherwise. */
export function jsonPathKey(parent: string, name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
    ? `${parent}.${name}`
    : `${parent}[${JSON.stringify(name)}]`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
