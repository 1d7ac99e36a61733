import type { ApplyOptions } from './apply-attributes.js';
import { mergeInstance } from './merge-instance.js';

/** How a fragment combines with an entity, per operation; single and batch forms share them. */
export type FragmentRules = Omit<ApplyOptions, 'now'>;

/** Update Attributes (§5.6.2), and upsert in update mode (§5.6.8). */
export const UPDATE_RULES: FragmentRules = { onExisting: 'replace', scope: 'replace-if-present' };

/** Append Attributes (§5.6.3), and batch update (§5.6.9): overwrite unless noOverwrite. */
export function appendRules(overwrite: boolean): FragmentRules {
  return overwrite
    ? { onExisting: 'replace', scope: 'replace' }
    : { onExisting: 'keep', scope: 'union' };
}

/** Merge Entity (§5.6.17), and batch merge (§5.6.20). */
export const MERGE_RULES: FragmentRules = { onExisting: 'merge', scope: 'replace', mergeInstance };
