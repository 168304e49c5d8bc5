import { IMPORT_KINDS, ROW_KEYS, rowColumns, type ImportKind } from '../import/schemas';
import { PROBLEMS, PROBLEM_TYPE_BASE } from './problem';
import { API_SCOPES } from './scopes';

/** Most items one request may carry; a bigger load is sent as several batches. */
export const MAX_BATCH_ITEMS = 1000;

const scalar = { type: ['string', 'number', 'boolean', 'null'] };

function itemSchema(kind: ImportKind) {
  const cols = rowColumns(kind);
  return {
    type: 'object',
    description: `One ${kind} row, with the same columns and rules as \`samspil import --kind ${kind}\`. Key: ${ROW_KEYS[kind].join(' + ')}.`,
    additionalProperties: false,
    required: cols.filter((c) => c.required).map((c) => c.name),
    properties: Object.fromEntries(
      cols.map((c) => [
        c.name,
        c.name === 'members'
          ? { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }
          : scalar,
      ]),
    ),
  };
}

const problemRef = (status: number) => {
  const entry = Object.entries(PROBLEMS).find(([, p]) => p.status === status)!;
  return {
    description: entry[1].title,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
};

/** The OpenAPI 3.1 description of /api/v1, built from the import kinds so every kind is a route. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const kind of IMPORT_KINDS) {
    paths[`/api/v1/${kind}`] = {
      put: {
        operationId: `upsert_${kind}`,
        summary: `Create or update ${kind} by the municipality's own keys`,
        description:
          'Idempotent: the same batch twice changes nothing. Every item is validated first; a batch with any invalid item stores nothing and the problem document lists each bad item by index.',
        security: [{ bearer: [kind] }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['items'],
                properties: {
                  items: { type: 'array', minItems: 1, maxItems: MAX_BATCH_ITEMS, items: itemSchema(kind) },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Every item was stored',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/BatchResult' } } },
          },
          ...Object.fromEntries([400, 401, 403, 413, 415, 422, 429].map((s) => [String(s), problemRef(s)])),
        },
      },
    };
  }
  paths['/api/v1/cases/{case_ref}'] = {
    get: {
      operationId: 'get_case',
      summary: 'One case as Samspil holds it: its measures and the follow-ups held',
      security: [{ bearer: ['read'] }],
      parameters: [
        { name: 'case_ref', in: 'path', required: true, schema: { type: 'string', maxLength: 64 } },
      ],
      responses: {
        '200': {
          description: 'The case',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Case' } } },
        },
        ...Object.fromEntries([401, 403, 404, 429].map((s) => [String(s), problemRef(s)])),
      },
    },
  };
  paths['/api/v1/openapi.json'] = {
    get: {
      operationId: 'openapi',
      summary: 'This document',
      security: [],
      responses: { '200': { description: 'OpenAPI 3.1 document', content: { 'application/json': {} } } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Samspil case-system API',
      version: '1.0.0',
      description:
        'Case systems (DUBU and its peers) push cases, measures and held follow-ups to Samspil. Values that look like a CPR number are refused and never echoed. Errors are RFC 9457 problem documents.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: `A token from \`samspil api-token create\`. Scopes: ${API_SCOPES.join(', ')}.`,
        },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string', description: `One of ${PROBLEM_TYPE_BASE}<name>` },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['index', 'detail'],
                properties: {
                  index: { type: 'integer', minimum: 0 },
                  field: { type: 'string' },
                  detail: { type: 'string' },
                },
              },
            },
          },
        },
        BatchResult: {
          type: 'object',
          required: ['kind', 'items', 'created', 'updated'],
          properties: {
            kind: { type: 'string', enum: [...IMPORT_KINDS] },
            items: { type: 'integer' },
            created: { type: 'integer' },
            updated: { type: 'integer' },
          },
        },
        Case: {
          type: 'object',
          required: ['case_ref', 'opened', 'measures'],
          properties: {
            case_ref: { type: 'string' },
            opened: { type: 'string', format: 'date' },
            closed: { type: ['string', 'null'], format: 'date' },
            adviser_email: { type: ['string', 'null'] },
            child_initials: { type: ['string', 'null'] },
            measures: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  measure_type: { type: 'string' },
                  start: { type: 'string', format: 'date' },
                  end: { type: ['string', 'null'], format: 'date' },
                  followups: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        held_on: { type: 'string', format: 'date' },
                        child_conversation: { type: 'boolean' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
