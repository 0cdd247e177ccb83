/**
 * A small evaluator for the GitHub Actions expressions the workflows here use (`||`, `&&`, `==`,
 * `!=`, `!`, string/number/boolean literals, `format()`, `success()` (true: the needs passed), context
 * paths, nested ones as one flat key of their scope), so tests can compute what a
 * `with:` block really passes. Anything else throws, so a new construct is noticed, not guessed.
 */
type Value = string | number | boolean | null;
export type Contexts = Record<string, Record<string, Value>>;

function truthy(v: Value): boolean {
  return !(v === '' || v === false || v === 0 || v === null);
}

function asString(v: Value): string {
  return v === null ? '' : String(v);
}

export function evaluate(expression: string, ctx: Contexts): Value {
  const tokens =
    expression.match(/'(?:[^']|'')*'|&&|\|\||==|!=|[!(),]|[A-Za-z_][A-Za-z0-9_.-]*|\d+(?:\.\d+)?|\S/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const take = (t?: string) => {
    const tok = tokens[i++];
    if (t !== undefined && tok !== t) throw new Error(`expected ${t} in ${expression}, got ${tok}`);
    return tok ?? '';
  };
  const primary = (): Value => {
    const tok = take();
    if (tok === '(') {
      const v = or();
      take(')');
      return v;
    }
    if (tok === '!') return !truthy(primary());
    if (tok.startsWith("'")) return tok.slice(1, -1).replace(/''/g, "'");
    if (/^\d/.test(tok)) return Number(tok);
    if (tok === 'true' || tok === 'false') return tok === 'true';
    if (tok === 'null') return null;
    if (tok === 'format' && peek() === '(') {
      take('(');
      const args: Value[] = [or()];
      while (peek() === ',') {
        take(',');
        args.push(or());
      }
      take(')');
      return asString(args[0] ?? '').replace(/\{(\d+)\}/g, (_, n: string) => asString(args[Number(n) + 1] ?? ''));
    }
    if (tok === 'success' && peek() === '(') {
      take('(');
      take(')');
      return true;
    }
    const [scope, ...rest] = tok.split('.');
    const values = ctx[scope ?? ''];
    if (!values || rest.length === 0) throw new Error(`unsupported reference ${tok} in ${expression}`);
    // A nested path (github.event.pull_request.head.repo.full_name) is one flat key of its scope.
    const key = rest.join('.');
    if (!(key in values)) throw new Error(`${tok} is not in the test contexts`);
    return values[key] ?? null;
  };
  const comparison = (): Value => {
    const left = primary();
    const op = peek();
    if (op !== '==' && op !== '!=') return left;
    take();
    const right = primary();
    const equal = asString(left).toLowerCase() === asString(right).toLowerCase();
    return op === '==' ? equal : !equal;
  };
  const and = (): Value => {
    let v = comparison();
    while (peek() === '&&') {
      take();
      const r = comparison();
      v = truthy(v) ? r : v;
    }
    return v;
  };
  const or = (): Value => {
    let v = and();
    while (peek() === '||') {
      take();
      const r = and();
      v = truthy(v) ? v : r;
    }
    return v;
  };
  const result = or();
  if (i !== tokens.length) throw new Error(`unexpected ${tokens[i]} in ${expression}`);
  return result;
}

/** A `with:` value with every `${{ }}` evaluated, as the runner passes it to an action (a string). */
export function interpolate(value: unknown, ctx: Contexts): string {
  const text = typeof value === 'string' ? value : String(value);
  const whole = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(text);
  if (whole && !whole[1]!.includes('}}')) return asString(evaluate(whole[1]!, ctx));
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, e: string) => asString(evaluate(e, ctx)));
}
