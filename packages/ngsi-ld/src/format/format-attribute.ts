import type { AttributeInstance, JsonObject, JsonValue } from '../entity/types.js';
import { renderInstance } from './render-instance.js';
import type { Renderer } from './renderer.js';
import { simplifiedValue } from './simplified-value.js';

/**
 * All instances of one attribute as the representation shows them (ETSI GS CIM 009 §4.5.5):
 * normalized and concise give one object, or an array of objects when there are several
 * instances; simplified gives the value, or { dataset: { "@none" | datasetId: value } } when the
 * attribute uses datasetIds (§4.5.4). Undefined for an attribute without instances.
 * @example formatAttribute([{ type: 'Property', value: 21 }], conciseRenderer) // 21
 */
export function formatAttribute(
  instances: readonly AttributeInstance[],
  renderer: Renderer,
): JsonValue | undefined {
  const [first] = instances;
  if (first === undefined) return undefined;
  if (renderer.representation === 'keyValues') {
    if (instances.length === 1 && first.datasetId === undefined) {
      return simplifiedValue(first, renderer);
    }
    const dataset: JsonObject = {};
    for (const instance of instances)
      dataset[instance.datasetId ?? '@none'] = simplifiedValue(instance, renderer);
    return { dataset };
  }
  if (instances.length === 1) return renderInstance(first, renderer, { asObject: false });
  return instances.map((instance) => renderInstance(instance, renderer, { asObject: true }));
}
