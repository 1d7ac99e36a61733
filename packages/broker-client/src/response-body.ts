/**
 * Reading 2xx bodies into the shapes operations promise. Brokers differ in small ways (a missing
 * `errors` array, a ProblemDetails without `status`), so readers fill gaps instead of failing, and
 * fail with a BrokerError only when the shape is plainly wrong.
 */
import type { JsonObject, JsonValue } from '@legocity/ngsi-ld';
import { parseProblem } from './broker-error.js';
import { invalidResponse, type BrokerResponse } from './transport.js';
import type { BatchEntityError, BatchResult, NotUpdatedDetails, UpdateResult } from './types.js';

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectObject(response: BrokerResponse): JsonObject {
  if (isJsonObject(response.body)) return response.body;
  throw invalidResponse(response, 'a JSON object');
}

export function expectArray(response: BrokerResponse): JsonValue[] {
  if (Array.isArray(response.body)) return response.body;
  throw invalidResponse(response, 'a JSON array');
}

function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/**
 * Normalise a batch answer (ETSI GS CIM 009 v1.9.1 §6.14–§6.17, §6.31): 201 and 204 mean every
 * entity sent succeeded (a 201 body lists the created ones); anything else with a
 * BatchOperationResult body (207) is read as such.
 *
 * `isRetriedCreate`: the request was a create sent more than once, so an AlreadyExists error may
 * be the echo of our own earlier attempt; it is counted as a success.
 */
export function toBatchResult(
  response: BrokerResponse,
  sentIds: readonly string[],
  options: { isRetriedCreate?: boolean } = {},
): BatchResult {
  const { body, status } = response;
  if (status === 201 || status === 204 || body === undefined) {
    const created = strings(body);
    const result: BatchResult = { success: [...new Set([...sentIds, ...created])], errors: [] };
    if (status === 201) result.created = created;
    return result;
  }
  if (!isJsonObject(body)) throw invalidResponse(response, 'a BatchOperationResult');
  const success = strings(body.success);
  const errors: BatchEntityError[] = [];
  const rawErrors = Array.isArray(body.errors) ? body.errors : [];
  for (const raw of rawErrors) {
    const error = toBatchEntityError(raw, status);
    if (error === undefined) continue;
    if (options.isRetriedCreate && error.error.type.endsWith('AlreadyExists')) {
      success.push(error.entityId);
    } else {
      errors.push(error);
    }
  }
  return { success, errors };
}

function toBatchEntityError(raw: JsonValue, status: number): BatchEntityError | undefined {
  if (!isJsonObject(raw) || typeof raw.entityId !== 'string') return undefined;
  const error = parseProblem(raw.error, status) ?? {
    type: 'about:blank',
    title: 'Unknown error',
    status,
    detail: '',
  };
  const result: BatchEntityError = { entityId: raw.entityId, error };
  if (typeof raw.registrationId === 'string') result.registrationId = raw.registrationId;
  return result;
}

/**
 * Normalise an attribute operation's answer (§6.6, §6.7): 204 means every attribute sent was
 * handled; a 207 carries an UpdateResult (§5.2.18).
 */
export function toUpdateResult(
  response: BrokerResponse,
  sentNames: readonly string[],
): UpdateResult {
  const { body } = response;
  if (response.status === 204 || body === undefined)
    return { updated: [...sentNames], notUpdated: [] };
  if (!isJsonObject(body)) throw invalidResponse(response, 'an UpdateResult');
  const notUpdated: NotUpdatedDetails[] = [];
  for (const raw of Array.isArray(body.notUpdated) ? body.notUpdated : []) {
    if (!isJsonObject(raw) || typeof raw.attributeName !== 'string') continue;
    const detail: NotUpdatedDetails = {
      attributeName: raw.attributeName,
      reason: typeof raw.reason === 'string' ? raw.reason : '',
    };
    if (typeof raw.registrationId === 'string') detail.registrationId = raw.registrationId;
    notUpdated.push(detail);
  }
  return { updated: strings(body.updated), notUpdated };
}
