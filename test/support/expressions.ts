/**
 * GitHub Actions expressions evaluated by GitHub's own implementation (@actions/expressions, the
 * family of @actions/workflow-parser), so tests compute what a `with:` block really passes.
 */
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';

type Value = string | number | boolean | null;
/** A context's value: a scalar, or an object (an event payload) read with nested paths. */
export type Tree = Value | { [key: string]: Tree };
export type Contexts = Record<string, Record<string, Tree>>;

/**
 * Job status functions, which GitHub's runner provides rather than the expression language: the
 * tests model a job whose `needs` all succeeded.
 */
const STATUS_FUNCTIONS = new Map(
  (
    [
      ['success', true],
      ['always', true],
      ['cancelled', false],
      ['failure', false],
    ] as const
  ).map(([name, value]) => [
    name,
    { name, minArgs: 0, maxArgs: 0, call: (): data.ExpressionData => new data.BooleanData(value) },
  ]),
);

function toData(value: Tree): data.ExpressionData {
  if (value !== null && typeof value === 'object')
    return new data.Dictionary(...Object.entries(value).map(([key, v]) => ({ key, value: toData(v) })));
  if (value === null) return new data.Null();
  if (typeof value === 'string') return new data.StringData(value);
  if (typeof value === 'number') return new data.NumberData(value);
  return new data.BooleanData(value);
}

function fromData(value: data.ExpressionData): Value {
  switch (value.kind) {
    case data.Kind.String:
      return (value as data.StringData).value;
    case data.Kind.Number:
      return (value as data.NumberData).value;
    case data.Kind.Boolean:
      return (value as data.BooleanData).value;
    case data.Kind.Null:
      return null;
    default:
      throw new Error(`the expression gave a ${data.Kind[value.kind]}, not a scalar`);
  }
}

export function evaluate(expression: string, ctx: Contexts): Value {
  const lexed = new Lexer(expression).lex();
  const parsed = new Parser(lexed.tokens, Object.keys(ctx), [...STATUS_FUNCTIONS.values()]).parse();
  const contexts = new data.Dictionary(
    ...Object.entries(ctx).map(([key, values]) => ({
      key,
      value: new data.Dictionary(...Object.entries(values).map(([k, v]) => ({ key: k, value: toData(v) }))),
    })),
  );
  return fromData(new Evaluator(parsed, contexts, STATUS_FUNCTIONS).evaluate());
}

/** A `with:` value with every `${{ }}` evaluated, as the runner passes it to an action (a string). */
export function interpolate(value: unknown, ctx: Contexts): string {
  const text = typeof value === 'string' ? value : String(value);
  const asString = (v: Value) => (v === null ? '' : String(v));
  const whole = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(text);
  if (whole && !whole[1]!.includes('}}')) return asString(evaluate(whole[1]!, ctx));
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, e: string) => asString(evaluate(e, ctx)));
}
