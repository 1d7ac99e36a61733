import { isValidAttributeName } from './attribute-name.js';
import type { QReader } from './q-reader.js';
import { Q_MEMBERS, type AttributePath, type QMember } from './q-types.js';

// An attribute path stops at an operator, a JSON path, a term delimiter, a brace or whitespace.
const PATH_STOP = /[=!<>~[\];|(){}\s]/;
// Inside [ ]: keys stop at the closing bracket, or at a term delimiter when it is missing.
const KEY_STOP = /[\][;|)]/;
const NAME_RULE = "a letter followed by letters, digits or '_', a compact IRI or an absolute IRI";

/**
 * Read an attribute path (ETSI GS CIM 009 v1.8.1 §4.9, production Attribute): dotted names, then
 * optional `[key]` groups into the value. A last name `observedAt`, `unitCode`, `datasetId`,
 * `createdAt` or `modifiedAt` (after at least one other name) addresses that member.
 *
 * Dots separate names, but an absolute IRI such as `https://schema.org/name` contains dots too:
 * a path containing `://` is taken whole, as one attribute name, up to an operator or `[`.
 * Sub-attributes of such attributes need their short names.
 * Reports problems to the reader and returns undefined when the path is invalid.
 */
export function readAttributePath(reader: QReader): AttributePath | undefined {
  const start = reader.pos;
  while (!reader.atEnd && !PATH_STOP.test(reader.peek())) reader.pos += 1;
  const names = reader.text.slice(start, reader.pos);
  if (names === '') {
    reader.report(`expected an attribute name at ${reader.position()}, found ${reader.found()}`);
    return undefined;
  }
  if (reader.peek() === '{') {
    reader.report(
      `linked-entity paths ('${names}{…}' at ${reader.position(start)}) are not supported`,
    );
    return undefined;
  }
  const segments = names.includes('://') ? [names] : names.split('.');
  let valid = checkNames(reader, names, segments, start);
  const jsonPath = readJsonPath(reader);
  if (!jsonPath) valid = false;

  const last = segments[segments.length - 1] ?? '';
  const member = segments.length > 1 && isMember(last) ? last : undefined;
  if (member && jsonPath && jsonPath.length > 0) {
    reader.report(
      `'${member}' at ${reader.position(start)} is a member of the attribute and has no JSON path`,
    );
    valid = false;
  }
  if (!valid || !jsonPath) return undefined;
  const [attribute = '', ...subAttributes] = member ? segments.slice(0, -1) : segments;
  const path: AttributePath = {
    attribute,
    subAttributes,
    jsonPath,
    text: reader.text.slice(start, reader.pos),
  };
  if (member) path.member = member;
  return path;
}

function checkNames(reader: QReader, names: string, segments: string[], start: number): boolean {
  let valid = true;
  let offset = start;
  for (const segment of segments) {
    if (segment === '') {
      reader.report(`attribute path '${names}' has an empty name at ${reader.position(offset)}`);
      valid = false;
    } else if (!isValidAttributeName(segment)) {
      reader.report(
        `'${segment}' at ${reader.position(offset)} is not a valid attribute name (${NAME_RULE})`,
      );
      valid = false;
    }
    offset += segment.length + 1;
  }
  return valid;
}

/** `[a][b.c]` → ['a', 'b', 'c']; undefined (reported) when a bracket is unclosed or a key empty. */
function readJsonPath(reader: QReader): string[] | undefined {
  const keys: string[] = [];
  let valid = true;
  while (reader.peek() === '[') {
    const open = reader.pos;
    reader.pos += 1;
    while (!reader.atEnd && !KEY_STOP.test(reader.peek())) reader.pos += 1;
    const content = reader.text.slice(open + 1, reader.pos);
    if (reader.peek() !== ']') {
      reader.report(`'[' at ${reader.position(open)} is not closed by ']'`);
      return undefined;
    }
    reader.pos += 1;
    const parts = content.split('.');
    if (parts.some((part) => part === '' || /\p{Cc}/u.test(part))) {
      reader.report(
        `'[${content}]' at ${reader.position(open)} needs non-empty keys separated by '.'`,
      );
      valid = false;
    }
    keys.push(...parts);
  }
  return valid ? keys : undefined;
}

function isMember(name: string): name is QMember {
  return (Q_MEMBERS as readonly string[]).includes(name);
}
