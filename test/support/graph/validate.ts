/**
 * Request-body validation of the Graph test double, driven by the schemas generated from
 * Microsoft's CSDL (scripts/graph-schemas.ts → schemas/v1.0.json). It refuses what Graph refuses
 * with the OData reader's own error code, `RequestBodyRead`: a property the type does not declare,
 * a value of the wrong kind, an enum member the type does not list, a null where the metadata says
 * Nullable="false". Outlook refuses undeclared properties on events although the CSDL marks the
 * type open, so open types are treated as closed here too.
 */
import schemas from './schemas/v1.0.json';

interface Property {
  type: string;
  collection: boolean;
  nullable: boolean;
}
interface TypeDef {
  kind: string;
  baseType: string | null;
  properties: Record<string, Property>;
  navigation: string[];
}
const TYPES = schemas.types as unknown as Record<string, TypeDef>;
const ENUMS = schemas.enums as unknown as Record<string, string[]>;

export const SCHEMA_SOURCE = schemas.source;

export class BodyError extends Error {
  constructor(message: string) {
    super(message);
  }
}

const qualified = (t: string): string => (t.startsWith('Edm.') ? t : `microsoft.graph.${t}`);

function isDerivedFrom(type: string, base: string): boolean {
  for (let t: string | null = type; t; t = TYPES[t]?.baseType ?? null) if (t === base) return true;
  return false;
}

function checkPrimitive(type: string, value: unknown, name: string): void {
  const bad = () =>
    new BodyError(
      `Cannot convert the literal '${String(value)}' to the expected type '${type}' for the property '${name}'.`,
    );
  switch (type) {
    case 'Edm.String':
      if (typeof value !== 'string') throw bad();
      return;
    case 'Edm.Boolean':
      if (typeof value !== 'boolean') throw bad();
      return;
    case 'Edm.Int32':
    case 'Edm.Int64':
    case 'Edm.Double':
      if (typeof value !== 'number' || (type !== 'Edm.Double' && !Number.isInteger(value))) throw bad();
      return;
    case 'Edm.DateTimeOffset':
      if (
        typeof value !== 'string' ||
        !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value)
      )
        throw bad();
      return;
    case 'Edm.Date':
      if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(value)) throw bad();
      return;
    default:
      // Guid, Binary, Duration, TimeOfDay …: strings on the wire.
      if (typeof value !== 'string') throw bad();
  }
}

function checkValue(p: Property, value: unknown, name: string): void {
  if (value === null) {
    if (!p.nullable)
      throw new BodyError(
        `A null value was found for the property named '${name}', which has the expected type '${qualified(p.type)}[Nullable=False]'. The expected type '${qualified(p.type)}[Nullable=False]' does not allow null values.`,
      );
    return;
  }
  if (p.collection) {
    if (!Array.isArray(value))
      throw new BodyError(
        `A node of type '${typeof value === 'object' ? 'StartObject' : 'PrimitiveValue'}' was read from the JSON reader when trying to read the start of a collection; however, a 'StartArray' node was expected.`,
      );
    for (const v of value) checkValue({ ...p, collection: false, nullable: false }, v, name);
    return;
  }
  if (p.type.startsWith('Edm.')) return checkPrimitive(p.type, value, name);
  const members = ENUMS[p.type];
  if (members) {
    if (typeof value !== 'string' || !members.includes(value))
      throw new BodyError(
        `Cannot convert the literal '${String(value)}' to the expected type '${qualified(p.type)}'.`,
      );
    return;
  }
  checkObject(p.type, value);
}

/** Throws a BodyError worded as Graph words it when `body` is not a valid `type`. */
export function checkObject(type: string, body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new BodyError(
      `A node of type 'PrimitiveValue' was read from the JSON reader when trying to read a resource; however, a 'StartObject' node was expected.`,
    );
  let actual = type;
  const odataType = (body as Record<string, unknown>)['@odata.type'];
  if (odataType !== undefined) {
    const named = typeof odataType === 'string' ? odataType.replace(/^#?microsoft\.graph\./, '') : '';
    if (!TYPES[named] || !isDerivedFrom(named, type))
      throw new BodyError(
        `A type named '${String(odataType)}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`,
      );
    actual = named;
  }
  const def = TYPES[actual];
  if (!def) throw new Error(`the double has no schema for ${actual}`);
  for (const [name, value] of Object.entries(body)) {
    if (name === '@odata.type') continue;
    const bind = /^(.+)@odata\.bind$/.exec(name);
    if (bind && def.navigation.includes(bind[1] as string) && typeof value === 'string') continue;
    const p = def.properties[name];
    if (!p)
      throw new BodyError(
        `The property '${name}' does not exist on type '${qualified(actual)}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    checkValue(p, value, name);
  }
}

/** The members of a generated enum (the double answers with them, too). */
export function enumMembers(name: string): string[] {
  const m = ENUMS[name];
  if (!m) throw new Error(`no enum ${name} in the generated schemas`);
  return m;
}
