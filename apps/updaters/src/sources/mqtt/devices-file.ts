import { readFile } from 'node:fs/promises';
import { isUri, isValidAttributeName, type JsonObject } from '@legocity/ngsi-ld';
import type { ValueType } from '@legocity/updater-runtime';
import { CONTRACT_KINDS, contractConflicts, jsonPathKey } from './contracts.js';
import {
  TOPIC_LEVEL,
  deviceOf,
  type AttributeMapping,
  type Device,
  type DeviceType,
  type DevicesFile,
  type MappedKind,
} from './devices.js';

/** One thing wrong with a provisioning file: where (a JSON path) and the rule it breaks. */
export interface DevicesFileProblem {
  path: string;
  message: string;
}

export type ParseDevicesFileResult =
  { ok: true; value: DevicesFile } | { ok: false; problems: DevicesFileProblem[] };

const KINDS: readonly MappedKind[] = ['Property', 'GeoProperty', 'Relationship'];
const VALUE_TYPES: readonly ValueType[] = [
  'number',
  'integer',
  'string',
  'boolean',
  'object',
  'array',
];
const ATTRIBUTE_TYPES: readonly string[] = [...CONTRACT_KINDS, 'ListRelationship'];
const RESERVED_NAMES = new Set([
  'id',
  'type',
  '@context',
  'scope',
  'createdAt',
  'modifiedAt',
  'observedAt',
]);
const ENTITY_TYPE = /^[A-Za-z][A-Za-z0-9_]*$|^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/** Collects problems; `size` lets a parser tell whether its own part added any. */
interface Report {
  (path: string, message: string): void;
  readonly size: number;
}

function collector(problems: DevicesFileProblem[]): Report {
  const report = (path: string, message: string): void => void problems.push({ path, message });
  return Object.defineProperty(report, 'size', { get: () => problems.length }) as Report;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const key = jsonPathKey;

/**
 * Parse a provisioning file (already JSON-decoded) into device types and devices, reporting every
 * problem at once by JSON path, e.g. `$.devices[3].deviceType: device type "x" is not declared`.
 * @example const result = parseDevicesFile(JSON.parse(text)); if (!result.ok) … result.problems
 */
export function parseDevicesFile(raw: unknown): ParseDevicesFileResult {
  const problems: DevicesFileProblem[] = [];
  const report = collector(problems);
  if (!isObject(raw)) {
    report('$', 'must be a JSON object with "deviceTypes" and "devices"');
    return { ok: false, problems };
  }
  if (raw.autoProvision !== undefined && typeof raw.autoProvision !== 'boolean')
    report('$.autoProvision', 'must be true or false');
  const deviceTypes = new Map<string, DeviceType>();
  if (!isObject(raw.deviceTypes))
    report('$.deviceTypes', 'must be an object of device types by name');
  else
    for (const [name, value] of Object.entries(raw.deviceTypes)) {
      const type = parseDeviceType(name, value, key('$.deviceTypes', name), report);
      if (type) deviceTypes.set(name, type);
    }
  for (const conflict of contractConflicts(deviceTypes.values()))
    report(conflict.path, conflict.message);
  const declared = new Set(isObject(raw.deviceTypes) ? Object.keys(raw.deviceTypes) : []);
  const devices = new Map<string, Device>();
  const entityIds = new Map<string, string>();
  if (raw.devices !== undefined && !Array.isArray(raw.devices))
    report('$.devices', 'must be an array of devices');
  else
    (raw.devices ?? []).forEach((value: unknown, index: number) => {
      const path = `$.devices[${index}]`;
      const device = parseDevice(value, path, { deviceTypes, declared }, report);
      if (!device) return;
      if (devices.has(device.deviceId))
        return report(`${path}.deviceId`, `device "${device.deviceId}" is provisioned twice`);
      const other = entityIds.get(device.entityId);
      if (other !== undefined)
        return report(path, `entity ${device.entityId} is already fed by device "${other}"`);
      devices.set(device.deviceId, device);
      entityIds.set(device.entityId, device.deviceId);
    });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { autoProvision: raw.autoProvision === true, deviceTypes, devices },
  };
}

function parseDeviceType(
  name: string,
  raw: unknown,
  path: string,
  report: Report,
): DeviceType | undefined {
  const before = report.size;
  if (!TOPIC_LEVEL.test(name))
    report(path, 'device type names are one topic level: letters, digits, _ . : @ -');
  if (!isObject(raw)) {
    report(path, 'must be an object with entityType, entityIdPrefix and attributes');
    return undefined;
  }
  if (typeof raw.entityType !== 'string' || !ENTITY_TYPE.test(raw.entityType))
    report(`${path}.entityType`, 'must be an entity type name such as "WeatherObserved"');
  if (typeof raw.entityIdPrefix !== 'string' || !isUri(`${raw.entityIdPrefix}x`))
    report(
      `${path}.entityIdPrefix`,
      'must be the start of a URI such as "urn:ngsi-ld:WeatherObserved:"',
    );
  const attributes: AttributeMapping[] = [];
  if (!Array.isArray(raw.attributes))
    report(`${path}.attributes`, 'must be an array of attribute mappings');
  else
    raw.attributes.forEach((value: unknown, index: number) => {
      const mapping = parseMapping(value, `${path}.attributes[${index}]`, report);
      if (!mapping) return;
      if (attributes.some((other) => other.object === mapping.object))
        report(`${path}.attributes[${index}].object`, `object "${mapping.object}" is mapped twice`);
      else if (attributes.some((other) => other.name === mapping.name))
        report(`${path}.attributes[${index}].name`, `attribute "${mapping.name}" is mapped twice`);
      else attributes.push(mapping);
    });
  const staticAttributes = parseStaticAttributes(
    raw.staticAttributes,
    `${path}.staticAttributes`,
    report,
  );
  if (report.size > before) return undefined;
  return {
    name,
    entityType: raw.entityType as string,
    entityIdPrefix: raw.entityIdPrefix as string,
    attributes,
    staticAttributes,
  };
}

function parseMapping(raw: unknown, path: string, report: Report): AttributeMapping | undefined {
  if (!isObject(raw)) {
    report(path, 'must be an object with "object" and "name"');
    return undefined;
  }
  const before = report.size;
  if (typeof raw.object !== 'string' || raw.object.length === 0 || raw.object === 'observedAt')
    report(`${path}.object`, 'must be a non-empty key of the measure other than "observedAt"');
  if (
    typeof raw.name !== 'string' ||
    !isValidAttributeName(raw.name) ||
    RESERVED_NAMES.has(raw.name)
  )
    report(
      `${path}.name`,
      'must be a valid NGSI-LD attribute name, not a reserved one (id, type, …)',
    );
  const kind = raw.kind ?? 'Property';
  if (!KINDS.includes(kind as MappedKind))
    report(`${path}.kind`, `must be one of: ${KINDS.join(', ')}`);
  if (raw.valueType !== undefined && !VALUE_TYPES.includes(raw.valueType as ValueType))
    report(`${path}.valueType`, `must be one of: ${VALUE_TYPES.join(', ')}`);
  if (raw.valueType !== undefined && kind !== 'Property')
    report(`${path}.valueType`, 'applies to Property attributes only');
  if (
    raw.unitCode !== undefined &&
    (typeof raw.unitCode !== 'string' || !/^[A-Z0-9]{1,3}$/.test(raw.unitCode))
  )
    report(
      `${path}.unitCode`,
      'must be a UN/CEFACT common code such as "CEL" (1–3 capitals or digits)',
    );
  if (report.size > before) return undefined;
  return {
    object: raw.object as string,
    name: raw.name as string,
    kind: kind as MappedKind,
    ...(raw.valueType !== undefined && { valueType: raw.valueType as ValueType }),
    ...(raw.unitCode !== undefined && { unitCode: raw.unitCode as string }),
  };
}

function parseDevice(
  raw: unknown,
  path: string,
  types: { deviceTypes: Map<string, DeviceType>; declared: Set<string> },
  report: Report,
): Device | undefined {
  if (!isObject(raw)) {
    report(path, 'must be an object with deviceId and deviceType');
    return undefined;
  }
  const before = report.size;
  if (typeof raw.deviceId !== 'string' || !TOPIC_LEVEL.test(raw.deviceId))
    report(
      `${path}.deviceId`,
      'must be one topic level: letters, digits, _ . : @ - (no / + # or spaces)',
    );
  const type =
    typeof raw.deviceType === 'string' ? types.deviceTypes.get(raw.deviceType) : undefined;
  if (typeof raw.deviceType !== 'string') report(`${path}.deviceType`, 'must name a device type');
  // A type that failed to parse was already reported; only an undeclared one is news here.
  else if (!types.declared.has(raw.deviceType))
    report(
      `${path}.deviceType`,
      `device type "${raw.deviceType}" is not declared in $.deviceTypes`,
    );
  if (raw.entityId !== undefined && !isUri(raw.entityId))
    report(`${path}.entityId`, 'must be a URI such as "urn:ngsi-ld:WeatherObserved:ws-001"');
  const staticAttributes = parseStaticAttributes(
    raw.staticAttributes,
    `${path}.staticAttributes`,
    report,
  );
  if (report.size > before || !type) return undefined;
  return deviceOf(type, raw.deviceId as string, {
    ...(raw.entityId !== undefined && { entityId: raw.entityId as string }),
    staticAttributes,
  });
}

function parseStaticAttributes(
  raw: unknown,
  path: string,
  report: Report,
): Record<string, JsonObject> {
  if (raw === undefined) return {};
  if (!isObject(raw)) {
    report(path, 'must be an object of normalized NGSI-LD attributes by name');
    return {};
  }
  const attributes: Record<string, JsonObject> = {};
  for (const [name, value] of Object.entries(raw)) {
    const at = key(path, name);
    if (!isValidAttributeName(name) || RESERVED_NAMES.has(name))
      report(at, 'must be a valid NGSI-LD attribute name, not a reserved one (id, type, …)');
    else if (!isObject(value) || !ATTRIBUTE_TYPES.includes(value.type as string))
      report(
        at,
        `must be a normalized attribute with "type" one of: ${ATTRIBUTE_TYPES.join(', ')}`,
      );
    else if (
      !['value', 'object', 'languageMap', 'valueList', 'objectList', 'json', 'vocab'].some(
        (m) => m in value,
      )
    )
      report(at, 'must carry its value ("value", or "object" for a Relationship)');
    else attributes[name] = value as JsonObject;
  }
  return attributes;
}

/**
 * Read and parse a provisioning file; a file that cannot be read or is not JSON is one problem
 * at `$`, naming the file.
 * @example const result = await readDevicesFile('/etc/legocity/devices.json')
 */
export async function readDevicesFile(file: string): Promise<ParseDevicesFileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return {
      ok: false,
      problems: [{ path: '$', message: `device file ${file} cannot be read (${code})` }],
    };
  }
  try {
    return parseDevicesFile(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          path: '$',
          message: `device file ${file} is not valid JSON: ${(error as Error).message}`,
        },
      ],
    };
  }
}

/**
 * One line per problem, for logs and start-up refusals.
 * @example formatDevicesFileProblems(problems) // '$.devices[0].deviceId: must be one topic level…'
 */
export function formatDevicesFileProblems(problems: readonly DevicesFileProblem[]): string {
  return problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n');
}
