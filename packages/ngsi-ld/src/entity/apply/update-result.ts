import type { Entity } from '../types.js';

/** Why an attribute was not changed (§5.2.19 NotUpdatedDetails). */
export interface NotUpdated {
  /** Expanded attribute name. */
  attributeName: string;
  reason: string;
}

/**
 * The outcome of applying a fragment to an entity: the new entity and what happened to each
 * attribute (§5.2.18 UpdateResult). `changed` is false when nothing needs writing.
 */
export interface UpdateOutcome {
  entity: Entity;
  updated: string[];
  notUpdated: NotUpdated[];
  changed: boolean;
}
