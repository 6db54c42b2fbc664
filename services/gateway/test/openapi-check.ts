import Ajv from 'ajv';
import type { OpenAPIObject } from '@nestjs/swagger';

/** An OpenAPI 3.0 schema object, as far as the check reads it. */
interface OpenApiSchema {
  $ref?: string;
  nullable?: boolean;
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: boolean | OpenApiSchema;
  items?: OpenApiSchema;
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  not?: OpenApiSchema;
  [keyword: string]: unknown;
}

type JsonSchema = Record<string, unknown>;

const DOCUMENT_ID = 'openapi';
const UNICODE_PATTERN = 'x-unicode-pattern';

/**
 * Checks bodies against the schemas of an OpenAPI document: an answer against what its operation
 * documents for its status, a request body against its operation's request body. The check is
 * stricter than the document: an object schema that lists its properties admits no other, so a field
 * that an answer carries but the document does not name fails. A schema that says
 * `additionalProperties` keeps its word.
 */
export class OpenApiCheck {
  private readonly ajv = new Ajv({ allErrors: true, format: 'full' });

  constructor(private readonly document: OpenAPIObject) {
    // JSON Schema reads a pattern as a Unicode regular expression (`\\p{L}` in the registry reference);
    // Ajv 6 compiles `pattern` without the `u` flag, so patterns are checked by this keyword instead.
    this.ajv.addKeyword(UNICODE_PATTERN, {
      type: 'string',
      validate: (pattern: string, data: string) => new RegExp(pattern, 'u').test(data),
      errors: false,
    });
    const schemas = (document.components?.schemas ?? {}) as Record<string, OpenApiSchema>;
    this.ajv.addSchema({ $id: DOCUMENT_ID, definitions: Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, toJsonSchema(s)])) });
  }

  /** Every operation of the document, as `METHOD /path`. */
  operations(): string[] {
    return Object.entries(this.document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
  }

  /**
   * What is wrong with `body` as the answer `status` to `operation` (`GET /api/v1/cases/{id}`) in its
   * content type (JSON for a success, a problem document for an error, unless `contentType` names
   * another, such as text/csv); empty when it fits.
   */
  answerErrors(operation: string, status: number, body: unknown, contentType?: string): string[] {
    const response = this.operation(operation).responses?.[String(status)] as { content?: Record<string, { schema?: OpenApiSchema }> } | undefined;
    if (!response) return [`${operation} documents no ${status} answer`];
    const type = contentType ?? (status >= 400 ? 'application/problem+json' : 'application/json');
    const schema = response.content?.[type]?.schema;
    if (!schema) return [`${operation} ${status} documents no ${type} schema`];
    return this.errors(schema, body);
  }

  /** What is wrong with `body` as the request body of `operation`; empty when it fits. */
  requestErrors(operation: string, body: unknown): string[] {
    const requestBody = this.operation(operation).requestBody as { content?: Record<string, { schema?: OpenApiSchema }> } | undefined;
    const schema = requestBody?.content?.['application/json']?.schema;
    if (!schema) return [`${operation} documents no application/json request body`];
    return this.errors(schema, body);
  }

  private operation(operation: string): { responses?: Record<string, unknown>; requestBody?: unknown } {
    const [method, path] = operation.split(' ');
    const found = (this.document.paths[path] as Record<string, unknown> | undefined)?.[method.toLowerCase()];
    if (!found) throw new Error(`the document has no operation ${operation}`);
    return found as { responses?: Record<string, unknown>; requestBody?: unknown };
  }

  private errors(schema: OpenApiSchema, body: unknown): string[] {
    const validate = this.ajv.compile(toJsonSchema(schema));
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.dataPath || '/'} ${e.message ?? ''}${e.keyword === 'additionalProperties' ? `: ${JSON.stringify(e.params)}` : ''}`);
  }
}

/**
 * OpenAPI 3.0 to JSON Schema (draft 7): `nullable` becomes "or null" (beside a `$ref` too, where
 * the request bodies keep it), references point into the document, a pattern is Unicode, and an
 * object schema with properties and nothing said about others is closed.
 */
function toJsonSchema(schema: OpenApiSchema): JsonSchema {
  if (schema.$ref) {
    const ref = { $ref: `${DOCUMENT_ID}#/definitions/${schema.$ref.split('/').pop() ?? ''}` };
    return schema.nullable ? { anyOf: [{ type: 'null' }, ref] } : ref;
  }
  const { nullable, properties, additionalProperties, items, allOf, oneOf, anyOf, not, pattern, ...keywords } = schema;
  const out: JsonSchema = { ...keywords };
  if (pattern !== undefined) out[UNICODE_PATTERN] = pattern;
  if (properties) out.properties = Object.fromEntries(Object.entries(properties).map(([name, p]) => [name, toJsonSchema(p)]));
  if (items) out.items = toJsonSchema(items);
  if (allOf) out.allOf = allOf.map(toJsonSchema);
  if (oneOf) out.oneOf = oneOf.map(toJsonSchema);
  if (anyOf) out.anyOf = anyOf.map(toJsonSchema);
  if (not) out.not = toJsonSchema(not);
  if (typeof additionalProperties === 'object') out.additionalProperties = toJsonSchema(additionalProperties);
  else if (additionalProperties !== undefined) out.additionalProperties = additionalProperties;
  else if (properties) out.additionalProperties = false;
  return nullable ? { anyOf: [{ type: 'null' }, out] } : out;
}

/**
 * What a client of the document relies on, one line each: every operation, its parameters, the
 * fields of its request body, each answer's status and content type, and the fields of each
 * success answer and of the Problem schema (`.timeline[].at`). A document that extends another
 * holds every line of it.
 */
export function publishedApi(document: OpenAPIObject): string[] {
  const schemas = (document.components?.schemas ?? {}) as Record<string, OpenApiSchema>;
  const lines = new Set<string>();
  const fields = (prefix: string, schema: OpenApiSchema | undefined, at = '', seen: string[] = []): void => {
    if (!schema) return;
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop() ?? '';
      if (!seen.includes(name)) fields(prefix, schemas[name], at, [...seen, name]);
      return;
    }
    for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) fields(prefix, part, at, seen);
    if (schema.items) fields(prefix, schema.items, `${at}[]`, seen);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      lines.add(`${prefix} ${at}.${name}`);
      fields(prefix, property, `${at}.${name}`, seen);
    }
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, OperationShape>)) {
      const name = `${method.toUpperCase()} ${path}`;
      lines.add(name);
      for (const p of operation.parameters ?? []) lines.add(`${name} parameter ${p.in} ${p.name}`);
      for (const [type, content] of Object.entries(operation.requestBody?.content ?? {})) {
        lines.add(`${name} body ${type}`);
        fields(`${name} body`, content.schema);
      }
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        lines.add(`${name} ${status}`);
        for (const [type, content] of Object.entries(response.content ?? {})) {
          lines.add(`${name} ${status} ${type}`);
          if (type === 'application/json') fields(`${name} ${status}`, content.schema);
        }
      }
    }
  }
  fields('Problem', schemas.Problem);
  return [...lines].sort();
}

interface OperationShape {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: OpenApiSchema }> }>;
}
