/**
 * Generates the request schemas of the Microsoft Graph test double (test/support/graph/) from
 * Microsoft's published CSDL, `clean_v10_metadata/cleanMetadata.xml` in
 * https://github.com/microsoftgraph/msgraph-metadata (MIT). Only the types Samspil sends or reads
 * are extracted, with every type they reach (base types, complex property types, enums), so the
 * double refuses what Graph refuses: a property the type does not declare, an enum value it does
 * not list, a null where the metadata says Nullable="false".
 *
 *   npx tsx scripts/graph-schemas.ts PATH/TO/cleanMetadata.xml COMMIT
 *
 * COMMIT is the msgraph-metadata commit the file was read from; it is written into the output so
 * the schemas say where they came from. The output is data only (no fetched code is committed).
 */
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** The entity and complex types whose requests and responses Samspil's Graph client exchanges. */
const ROOTS = [
  'event',
  'attendee',
  'dateTimeTimeZone',
  'itemBody',
  'location',
  'onlineMeetingInfo',
  'responseStatus',
  'subscription',
  'changeNotification',
  'user',
  'group',
  'teamsAppInstallation',
  'userScopeTeamsAppInstallation',
  'teamsApp',
  'chat',
];

/** Navigation properties are not followed: Samspil never deep-inserts, so a request body holding one is refused. */
interface CsdlProperty {
  Name: string;
  Type: string;
  Nullable?: string;
}
interface CsdlType {
  Name: string;
  BaseType?: string;
  Abstract?: string;
  OpenType?: string;
  Property?: CsdlProperty[];
  NavigationProperty?: { Name: string; Type: string }[];
  Member?: { Name: string }[];
}

export interface GeneratedProperty {
  /** `Edm.String`, `Edm.DateTimeOffset` …, or a type name of this file (without `graph.`). */
  type: string;
  collection: boolean;
  nullable: boolean;
}
export interface GeneratedType {
  kind: 'entity' | 'complex';
  baseType: string | null;
  abstract: boolean;
  /** Own and inherited structural properties. */
  properties: Record<string, GeneratedProperty>;
  /** Own and inherited navigation properties (readable, never writable in a request body). */
  navigation: string[];
}
export interface GeneratedSchemas {
  source: { repository: string; path: string; commit: string };
  types: Record<string, GeneratedType>;
  enums: Record<string, string[]>;
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const local = (qualified: string): string =>
  qualified.replace(/^graph\./, '').replace(/^microsoft\.graph\./, '');

function main(): void {
  const [file, commit] = process.argv.slice(2);
  if (!file || !commit || !/^[0-9a-f]{40}$/.test(commit)) {
    console.error('usage: tsx scripts/graph-schemas.ts cleanMetadata.xml COMMIT(40 hex)');
    process.exit(2);
  }
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true });
  const doc = parser.parse(readFileSync(file, 'utf8'));
  const schemas = asArray(doc.Edmx.DataServices.Schema) as Record<string, unknown>[];
  const graph = schemas.find((s) => s.Namespace === 'microsoft.graph');
  if (!graph) throw new Error('no microsoft.graph schema in the metadata');
  const entities = new Map(asArray(graph.EntityType as CsdlType[]).map((t) => [t.Name, t]));
  const complexes = new Map(asArray(graph.ComplexType as CsdlType[]).map((t) => [t.Name, t]));
  const enums = new Map(asArray(graph.EnumType as CsdlType[]).map((t) => [t.Name, t]));

  const out: GeneratedSchemas = {
    source: {
      repository: 'https://github.com/microsoftgraph/msgraph-metadata',
      path: 'clean_v10_metadata/cleanMetadata.xml',
      commit,
    },
    types: {},
    enums: {},
  };
  const queue = [...ROOTS];
  const visit = (name: string): void => {
    if (out.types[name] || out.enums[name]) return;
    const e = enums.get(name);
    if (e) {
      out.enums[name] = asArray(e.Member).map((m) => m.Name);
      return;
    }
    const csdl = entities.get(name) ?? complexes.get(name);
    if (!csdl) throw new Error(`type ${name} is not in the metadata`);
    const chain: CsdlType[] = [];
    for (let t: CsdlType | undefined = csdl; t;) {
      chain.unshift(t);
      const base: string | undefined = t.BaseType ? local(t.BaseType) : undefined;
      t = base ? (entities.get(base) ?? complexes.get(base)) : undefined;
      if (base && !t) throw new Error(`base type ${base} of ${name} is not in the metadata`);
    }
    const properties: Record<string, GeneratedProperty> = {};
    const navigation: string[] = [];
    for (const t of chain) {
      for (const p of asArray(t.Property)) {
        const m = /^Collection\((.+)\)$/.exec(p.Type);
        const type = local(m?.[1] ?? p.Type);
        properties[p.Name] = { type, collection: m !== null, nullable: p.Nullable !== 'false' };
        if (!type.startsWith('Edm.')) queue.push(type);
      }
      for (const n of asArray(t.NavigationProperty)) navigation.push(n.Name);
    }
    out.types[name] = {
      kind: entities.has(name) ? 'entity' : 'complex',
      baseType: csdl.BaseType ? local(csdl.BaseType) : null,
      abstract: csdl.Abstract === 'true',
      properties,
      navigation,
    };
    // A derived complex type may be sent in place of its base (e.g. attendee for recipient): include
    // the derived types of every complex type reached, so their @odata.type values are known.
    for (const c of complexes.values()) if (c.BaseType && local(c.BaseType) === name) queue.push(c.Name);
  };
  while (queue.length > 0) visit(queue.shift() as string);

  const sorted = <T>(r: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
  out.types = sorted(out.types);
  out.enums = sorted(out.enums);
  const target = path.resolve(__dirname, '../test/support/graph/schemas/v1.0.json');
  writeFileSync(target, `${JSON.stringify(out, null, 2)}\n`);
  console.log(
    `${Object.keys(out.types).length} types, ${Object.keys(out.enums).length} enums from ${commit} → ${target}`,
  );
}

main();
