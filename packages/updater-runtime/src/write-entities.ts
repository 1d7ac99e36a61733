import type { EntityBody } from '@legocity/broker-client';
import type { Dedupe } from './dedupe.js';
import type { Outbox } from './outbox.js';
import type { EntityContract, WriteOutcome } from './source.js';
import { validateEntity } from './validate-entity.js';

/** What became of entities handed to the runtime, with the contract problems of those refused. */
export interface WriteReport extends WriteOutcome {
  problems: string[];
}

export interface WriteEntitiesContext {
  entityTypes: readonly string[];
  contracts: readonly EntityContract[];
  dedupe: Dedupe;
  outbox: Outbox;
  /** Update fragments (stream measures): required attributes are not checked. */
  partial: boolean;
}

/**
 * The path every entity takes into the outbox: validate against the source's contracts (invalid
 * entities are refused and listed, valid ones kept), drop what would change nothing, store the
 * rest in the outbox, and only then remember it as written.
 * @example const report = await writeEntities(entities, { entityTypes, contracts, dedupe, outbox, partial: false });
 */
export async function writeEntities(
  entities: EntityBody[],
  context: WriteEntitiesContext,
): Promise<WriteReport> {
  const problems: string[] = [];
  const valid: EntityBody[] = [];
  for (const entity of entities) {
    const found = checkEntity(entity, context);
    if (found.length === 0) valid.push(entity);
    else problems.push(...found);
  }
  const { changed, unchanged } = context.dedupe.filter(valid);
  await context.outbox.enqueue(changed);
  context.dedupe.remember(changed);
  return { queued: changed.length, unchanged, rejected: entities.length - valid.length, problems };
}

function checkEntity(entity: EntityBody, context: WriteEntitiesContext): string[] {
  const type = Array.isArray(entity.type) ? entity.type[0] : entity.type;
  const id = typeof entity.id === 'string' ? entity.id : '<no id>';
  if (typeof type !== 'string' || !context.entityTypes.includes(type)) {
    return [
      `${id}: type must be one of ${context.entityTypes.join(', ')}, got ${JSON.stringify(entity.type)}`,
    ];
  }
  const contract = context.contracts.find((candidate) => candidate.type === type);
  if (contract === undefined) return [`${id}: no data contract declared for type ${type}`];
  return validateEntity(entity, contract, { partial: context.partial });
}
