/**
 * Templates compiled once into plain functions, so rendering a card is property reads and string
 * joins instead of the templating SDK's expression evaluation (docs/performance.md). It covers the
 * subset of the Adaptive Cards template language our cards use: `${path}`, comparisons, `&&`, `||`,
 * `!`, `count(path)`, `$data`, `$when`, `$root` and `$index`. A template using anything else is not
 * compiled (`compileTemplate` returns null), and a render that meets a value whose meaning the SDK
 * defines in its own way (a missing field, a non-boolean condition) gives up with `Uncompiled`, so
 * the caller expands that card with the SDK and the output is always the SDK's.
 */
export class Uncompiled extends Error {}

interface Scope {
  root: unknown;
  data: unknown;
  index: number | undefined;
}
type Value = (s: Scope) => unknown;
type Node = (s: Scope) => unknown | typeof DROP;
const DROP = Symbol('drop');

const PATH = /^(\$root|\$data|\$index|[A-Za-z_][A-Za-z0-9_]*)(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function pathGetter(path: string): Value {
  const parts = path.split('.');
  const head = parts[0]!;
  const rest = head.startsWith('$') ? parts.slice(1) : parts;
  return (s) => {
    let v: unknown = head === '$root' ? s.root : head === '$index' ? s.index : s.data;
    for (const p of rest) {
      if (v === null || typeof v !== 'object') throw new Uncompiled(path);
      v = (v as Record<string, unknown>)[p];
    }
    if (v === undefined || v === null) throw new Uncompiled(path);
    return v;
  };
}

const isPrimitive = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const bool = (v: unknown): boolean => {
  if (typeof v !== 'boolean') throw new Uncompiled('non-boolean');
  return v;
};
const num = (v: unknown): number => {
  if (typeof v !== 'number') throw new Uncompiled('non-number');
  return v;
};

/** A small recursive-descent parser for the expression subset; throws on anything else. */
function parseExpression(src: string): Value {
  const tokens = src.match(/'[^']*'|\d+(\.\d+)?|==|!=|>=|<=|&&|\|\||[!<>()]|[$A-Za-z_][\w.$]*|\S/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const fail = (): never => {
    throw new Error(`unsupported template expression: ${src}`);
  };
  const primary = (): Value => {
    const t = next() ?? fail();
    if (t === '(') {
      const e = or();
      if (next() !== ')') fail();
      return e;
    }
    if (t === '!') {
      const e = primary();
      return (s) => !bool(e(s));
    }
    if (t.startsWith("'")) {
      const v = t.slice(1, -1);
      return () => v;
    }
    if (/^\d/.test(t)) {
      const v = Number(t);
      return () => v;
    }
    if (t === 'true' || t === 'false') {
      const v = t === 'true';
      return () => v;
    }
    if (t === 'count' && peek() === '(') {
      next();
      const arg = next() ?? fail();
      if (!PATH.test(arg) || next() !== ')') fail();
      const get = pathGetter(arg);
      return (s) => {
        const v = get(s);
        if (!Array.isArray(v) && typeof v !== 'string') throw new Uncompiled('count');
        return v.length;
      };
    }
    if (PATH.test(t)) return pathGetter(t);
    return fail();
  };
  const compare = (): Value => {
    const left = primary();
    const op = peek();
    if (op === '>' || op === '<' || op === '>=' || op === '<=') {
      next();
      const right = primary();
      const f = {
        '>': (a: number, b: number) => a > b,
        '<': (a: number, b: number) => a < b,
        '>=': (a: number, b: number) => a >= b,
        '<=': (a: number, b: number) => a <= b,
      }[op];
      return (s) => f(num(left(s)), num(right(s)));
    }
    return left;
  };
  const equality = (): Value => {
    let left = compare();
    while (peek() === '==' || peek() === '!=') {
      const negate = next() === '!=';
      const a = left;
      const b = compare();
      left = (s) => {
        const x = a(s);
        const y = b(s);
        if (!isPrimitive(x) || !isPrimitive(y) || typeof x !== typeof y) throw new Uncompiled('==');
        return negate ? x !== y : x === y;
      };
    }
    return left;
  };
  const and = (): Value => {
    let left = equality();
    while (peek() === '&&') {
      next();
      const a = left;
      const b = equality();
      left = (s) => bool(a(s)) && bool(b(s));
    }
    return left;
  };
  const or = (): Value => {
    let left = and();
    while (peek() === '||') {
      next();
      const a = left;
      const b = and();
      left = (s) => bool(a(s)) || bool(b(s));
    }
    return left;
  };
  const e = or();
  if (i !== tokens.length) fail();
  return e;
}

/** A string with `${…}`: one expression keeps its value's type, several are joined as text. */
function compileString(str: string): Value | string {
  if (!str.includes('${')) return str;
  const parts: (string | Value)[] = [];
  let rest = str;
  while (rest.length) {
    const start = rest.indexOf('${');
    if (start < 0) {
      parts.push(rest);
      break;
    }
    if (start > 0) parts.push(rest.slice(0, start));
    const end = rest.indexOf('}', start);
    if (end < 0) throw new Error(`unclosed expression in ${str}`);
    parts.push(parseExpression(rest.slice(start + 2, end)));
    rest = rest.slice(end + 1);
  }
  if (parts.length === 1 && typeof parts[0] === 'function') return parts[0];
  return (s) =>
    parts
      .map((p) => {
        if (typeof p === 'string') return p;
        const v = p(s);
        if (!isPrimitive(v)) throw new Uncompiled('non-text in text');
        return String(v);
      })
      .join('');
}

function compileNode(node: unknown): Node {
  if (typeof node === 'string') {
    const c = compileString(node);
    return typeof c === 'string' ? () => c : c;
  }
  if (Array.isArray(node)) {
    const items = node.map(compileNode);
    // As the SDK: an item that expands to nothing is left out, one that expands to a list is spliced in.
    return (s) => {
      const out: unknown[] = [];
      for (const item of items) {
        const v = item(s);
        if (v === DROP || v === null) continue;
        if (Array.isArray(v)) out.push(...(v as unknown[]));
        else out.push(v);
      }
      return out;
    };
  }
  if (node === null || typeof node !== 'object') return () => node;
  const obj = node as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => !RESERVED.has(k));
  const fields = keys.map((k) => [k, compileNode(obj[k])] as const);
  const when = obj.$when === undefined ? null : compileWhen(obj.$when);
  const data = obj.$data === undefined ? null : compileData(obj.$data);
  const expandOne = (s: Scope): unknown => {
    if (when && !when(s)) return DROP;
    const out: Record<string, unknown> = {};
    for (const [k, f] of fields) {
      const v = f(s);
      if (v === DROP) throw new Uncompiled('dropped property');
      out[k] = v;
    }
    return out;
  };
  if (!data) return expandOne;
  return (s) => {
    const ctx = data(s);
    if (!Array.isArray(ctx)) return expandOne({ ...s, data: ctx });
    const out = ctx
      .map((item, index) => expandOne({ root: s.root, data: item, index }))
      .filter((v) => v !== DROP);
    // The SDK turns a repeat of one into the object itself and of none into nothing (dropped).
    if (out.length === 0) return DROP;
    return out.length === 1 ? out[0] : out;
  };
}

const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

function compileWhen(when: unknown): (s: Scope) => boolean {
  if (typeof when !== 'string') throw new Error('unsupported $when');
  const c = compileString(when);
  if (typeof c === 'string') throw new Error('unsupported $when');
  return (s) => bool(c(s));
}

function compileData(data: unknown): Value {
  if (typeof data === 'string') {
    const c = compileString(data);
    if (typeof c === 'string') throw new Error('unsupported $data');
    return c;
  }
  if (typeof data === 'object' && data !== null) return () => data;
  throw new Error('unsupported $data');
}

/** The compiled template, or null when it uses more of the template language than this covers. */
export function compileTemplate(json: unknown): ((data: unknown) => unknown) | null {
  let root: Node;
  try {
    root = compileNode(json);
  } catch {
    return null;
  }
  return (data) => {
    const v = root({ root: data, data, index: undefined });
    if (v === DROP) throw new Uncompiled('template dropped');
    return v;
  };
}
