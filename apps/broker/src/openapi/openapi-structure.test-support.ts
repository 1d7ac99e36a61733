/**
 * A structural check of an OpenAPI 3.1 document, for the tests: what tools and readers rely on
 * (paths, operations, parameters, responses, resolvable $refs), not a full JSON Schema validation
 * of the OpenAPI meta-schema. Returns every problem found, each naming where it is.
 */

type Json = Record<string, unknown>;

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const PATH_ITEM_KEYS = new Set([
  ...METHODS,
  '$ref',
  'summary',
  'description',
  'servers',
  'parameters',
]);
const LOCATIONS = new Set(['query', 'header', 'path', 'cookie']);
const STATUS = /^([1-5]\d\d|[1-5]XX|default)$/;
const COMPONENT_KEY = /^[a-zA-Z0-9.\-_]+$/;

/**
 * Every structural problem of an OpenAPI 3.1 document; an empty list when there is none.
 * @example expect(checkOpenApiStructure(document)).toEqual([])
 */
export function checkOpenApiStructure(document: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(document)) return ['the document is not an object'];
  const root = document;
  if (typeof root.openapi !== 'string' || !root.openapi.startsWith('3.1.'))
    problems.push('openapi: must be 3.1.x');
  const info = root.info;
  if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string') {
    problems.push('info: needs title and version strings');
  }
  checkRefs(root, root, '#', problems);
  checkComponentKeys(root, problems);
  const tags = new Set(
    Array.isArray(root.tags) ? root.tags.map((t) => (isObject(t) ? t.name : undefined)) : [],
  );
  const operationIds = new Set<string>();
  if (!isObject(root.paths)) return [...problems, 'paths: must be an object'];
  for (const [path, item] of Object.entries(root.paths)) {
    if (!path.startsWith('/')) problems.push(`${path}: a path must start with /`);
    if (!isObject(item)) {
      problems.push(`${path}: a path item must be an object`);
      continue;
    }
    for (const key of Object.keys(item))
      if (!PATH_ITEM_KEYS.has(key)) problems.push(`${path}: unknown member ${key}`);
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!isObject(op)) {
        problems.push(`${where}: an operation must be an object`);
        continue;
      }
      checkOperation({ root, path, where, op, tags, operationIds }, problems);
    }
  }
  return problems;
}

interface OperationCheck {
  root: Json;
  path: string;
  where: string;
  op: Json;
  tags: Set<unknown>;
  operationIds: Set<string>;
}

function checkOperation(
  { root, path, where, op, tags, operationIds }: OperationCheck,
  problems: string[],
): void {
  if (typeof op.operationId === 'string') {
    if (operationIds.has(op.operationId))
      problems.push(`${where}: operationId ${op.operationId} is not unique`);
    operationIds.add(op.operationId);
  }
  if (Array.isArray(op.tags))
    for (const tag of op.tags)
      if (!tags.has(tag)) problems.push(`${where}: tag ${String(tag)} is not declared`);
  const parameters = Array.isArray(op.parameters) ? op.parameters.map((p) => resolve(root, p)) : [];
  const seen = new Set<string>();
  for (const parameter of parameters) {
    if (!isObject(parameter)) {
      problems.push(`${where}: a parameter must be an object`);
      continue;
    }
    const { name, in: location } = parameter;
    const label = `${where} parameter ${String(name)}`;
    if (typeof name !== 'string' || name === '') problems.push(`${label}: needs a name`);
    if (typeof location !== 'string' || !LOCATIONS.has(location))
      problems.push(`${label}: in must be query, header, path or cookie`);
    if (!isObject(parameter.schema) && !isObject(parameter.content))
      problems.push(`${label}: needs a schema`);
    if (location === 'path' && parameter.required !== true)
      problems.push(`${label}: a path parameter must be required`);
    const key = `${String(location)}:${String(name)}`;
    if (seen.has(key)) problems.push(`${label}: given twice`);
    seen.add(key);
  }
  const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const declared = parameters
    .filter((p) => isObject(p) && p.in === 'path')
    .map((p) => (p as Json).name);
  for (const name of templated)
    if (!declared.includes(name)) problems.push(`${where}: path parameter ${name} is not declared`);
  for (const name of declared)
    if (!templated.includes(name as string))
      problems.push(`${where}: path parameter ${String(name)} is not in the path`);
  if (op.requestBody !== undefined) {
    const body = resolve(root, op.requestBody);
    if (!isObject(body) || !isObject(body.content) || Object.keys(body.content).length === 0) {
      problems.push(`${where}: requestBody needs content`);
    } else checkContent(body.content, `${where} requestBody`, problems);
  }
  if (!isObject(op.responses) || Object.keys(op.responses).length === 0) {
    problems.push(`${where}: needs responses`);
    return;
  }
  for (const [status, raw] of Object.entries(op.responses)) {
    if (!STATUS.test(status)) problems.push(`${where}: ${status} is not a status code`);
    const answer = resolve(root, raw);
    if (!isObject(answer) || typeof answer.description !== 'string') {
      problems.push(`${where} ${status}: a response needs a description`);
      continue;
    }
    if (answer.content !== undefined) {
      if (isObject(answer.content)) checkContent(answer.content, `${where} ${status}`, problems);
      else problems.push(`${where} ${status}: content must be an object`);
    }
  }
}

function checkContent(content: Json, where: string, problems: string[]): void {
  for (const [mediaType, media] of Object.entries(content)) {
    if (!/^[\w.+-]+\/[\w.+*-]+$/.test(mediaType))
      problems.push(`${where}: ${mediaType} is not a media type`);
    if (!isObject(media) || !isObject(media.schema))
      problems.push(`${where} ${mediaType}: needs a schema`);
  }
}

function checkComponentKeys(root: Json, problems: string[]): void {
  if (!isObject(root.components)) return;
  for (const [kind, entries] of Object.entries(root.components)) {
    if (!isObject(entries)) continue;
    for (const key of Object.keys(entries))
      if (!COMPONENT_KEY.test(key)) problems.push(`components.${kind}.${key}: invalid key`);
  }
}

/** Every $ref anywhere in the document must point at something in it. */
function checkRefs(root: Json, node: unknown, where: string, problems: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => checkRefs(root, item, `${where}/${index}`, problems));
    return;
  }
  if (!isObject(node)) return;
  if (typeof node.$ref === 'string' && pointer(root, node.$ref) === undefined)
    problems.push(`${where}: $ref ${node.$ref} does not resolve`);
  for (const [key, value] of Object.entries(node)) {
    // Examples are data, not schema: a "$ref" member there is not a reference.
    if (key === 'example' || key === 'examples') continue;
    checkRefs(root, value, `${where}/${key}`, problems);
  }
}

function resolve(root: Json, node: unknown): unknown {
  return isObject(node) && typeof node.$ref === 'string' ? pointer(root, node.$ref) : node;
}

function pointer(root: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
