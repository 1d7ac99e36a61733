import type { JsonValue } from '@legocity/ngsi-ld';

/**
 * The variables of one jsonpath (`$v0`, `$v1`, …), passed to `jsonb_path_exists` as its `vars`
 * argument so that query values stay out of the jsonpath text.
 * @example
 * const vars = new JsonpathVars();
 * const predicate = `@ > ${vars.add(20)}`; // '@ > $v0'; vars.values = { v0: 20 }
 */
export class JsonpathVars {
  readonly values: Record<string, JsonValue> = {};
  private count = 0;

  add(value: JsonValue): string {
    const name = `v${this.count}`;
    this.count += 1;
    this.values[name] = value;
    return `$${name}`;
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }
}
