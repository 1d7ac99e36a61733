/**
 * What a PromQL expression selects, read with Prometheus's own grammar
 * (@prometheus-io/lezer-promql, the parser of the Prometheus UI).
 */
import { parser } from '@prometheus-io/lezer-promql';
import { promDurationMs } from '../../apps/alerts/src/promql/duration.js';
import type { Selection } from '../../apps/alerts/src/promql/types.js';

type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

/**
 * Syntax errors of an expression: one entry per error node, with its position.
 * @example promqlErrors('up ==') // ['error at 5']
 */
export function promqlErrors(expr: string): string[] {
  const errors: string[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError)
        errors.push(`error at ${node.from}: '${expr.slice(node.from, node.to + 10)}'`);
    },
  });
  return errors;
}

/**
 * Every vector and range selector of an expression, as (metric, matchers, range, offset).
 * @example promqlSelections('rate(x{a="b"}[5m] offset 1h)') // [{ metric: 'x', matchers: [...], rangeMs: 300000, offsetMs: 3600000 }]
 */
export function promqlSelections(expr: string): Selection[] {
  const selections: Selection[] = [];
  const text = (node: SyntaxNode | null) => (node ? expr.slice(node.from, node.to) : '');
  parser.parse(expr).iterate({
    enter: (ref) => {
      if (ref.name !== 'VectorSelector') return;
      const node = ref.node;
      const matchers = node.getChildren('LabelMatchers').flatMap((list) =>
        list.getChildren('UnquotedLabelMatcher').map((matcher) => ({
          label: text(matcher.getChild('LabelName')),
          op: text(matcher.getChild('MatchOp')) as '=' | '=~',
          value: JSON.parse(text(matcher.getChild('StringLiteral'))) as string,
        })),
      );
      const range = node.parent?.name === 'MatrixSelector' ? node.parent : null;
      const outer = range ?? node;
      const offset =
        outer.parent?.name === 'OffsetExpr' ? outer.parent.getChild('OffsetDurationExpr') : null;
      selections.push({
        metric: text(node.getChild('Identifier')),
        matchers,
        ...(range && { rangeMs: promDurationMs(text(range.getChild('DurationExpr'))) }),
        offsetMs: offset ? promDurationMs(text(offset)) : 0,
      });
    },
  });
  return selections;
}

/** Metric names an expression reads. */
export function promqlMetricNames(expr: string): string[] {
  return [...new Set(promqlSelections(expr).map((selection) => selection.metric))];
}

/**
 * A selection as one comparable line.
 * @example selectionKey({ metric: 'up', matchers: [], offsetMs: 0 }) // 'up{} [-] offset 0'
 */
export function selectionKey(selection: Selection): string {
  const matchers = [...selection.matchers]
    .map((m) => `${m.label}${m.op}"${m.value}"`)
    .sort()
    .join(',');
  return `${selection.metric}{${matchers}} [${selection.rangeMs ?? '-'}] offset ${selection.offsetMs}`;
}
