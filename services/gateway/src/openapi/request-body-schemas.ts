import { ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

// class-transformer keeps its @Type metadata in a module it does not export a path for.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

const REF_PREFIX = '#/components/schemas/';

/**
 * The request bodies are the contracts' classes (libs/contracts), whose only annotations are the
 * class-validator rules that the gateway's validation pipe applies: a contract is data without a
 * framework, so it carries no OpenAPI decorators. Their schemas are generated from those same rules,
 * so the documentation of a body cannot drift from its validation.
 */
function generatedSchemas(): Record<string, SchemaObject> {
  return validationMetadatasToSchemas({
    refPointerPrefix: REF_PREFIX,
    // @Type(() => …) names nested classes where the TypeScript type (`X | null`) cannot.
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: {
      // Our own decorator (libs/contracts): described as what it checks.
      isIdentityNumber: {
        type: 'string',
        pattern: '^\\d{12}$',
        description: 'personnummer or samordningsnummer, YYYYMMDDNNNC, valid date and Luhn check digit',
        example: '199001012385',
      },
      // A field whose rules are skipped when it is null (@IsOptional, or a @ValidateIf that says so)
      // accepts null: DESIGN.md's example sends `"relatedCaseId": null` and `"sealScope": null`.
      [ValidationTypes.CONDITIONAL_VALIDATION]: (meta: ValidationMetadata) => (skipsNull(meta) ? { nullable: true } : {}),
    },
  }) as Record<string, SchemaObject>;
}

/** Asks the condition itself: is the field's validation skipped when the field is null? */
function skipsNull(meta: ValidationMetadata): boolean {
  const condition = meta.constraints?.[0] as ((object: object, value: unknown) => boolean) | undefined;
  if (typeof condition !== 'function') return false;
  try {
    return condition({ [meta.propertyName]: null }, null) === false;
  } catch {
    // A condition that reads other fields of the body cannot be asked without them: not nullable.
    return false;
  }
}

/**
 * Fills in the schema of every request body the operations name (Nest's scanner knows the class
 * but finds no OpenAPI metadata on it), and of every class those refer to. Only those are published:
 * other classes with validation rules (messages, configuration) are no part of the HTTP API.
 */
export function withRequestBodySchemas(document: OpenAPIObject): OpenAPIObject {
  const generated = generatedSchemas();
  const published: Record<string, SchemaObject> = {};
  const visit = (name: string, from: string) => {
    if (published[name]) return;
    const schema = generated[name];
    if (!schema) throw new Error(`OpenAPI: ${from} refers to ${name}, which has no validation rules to describe it`);
    published[name] = asRequestSchema(schema);
    for (const ref of referencedNames(schema)) visit(ref, name);
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const schema = (operation as { requestBody?: { content?: Record<string, { schema?: SchemaObject | ReferenceObject }> } }).requestBody?.content?.['application/json']?.schema;
      if (schema && '$ref' in schema) visit(schema.$ref.slice(REF_PREFIX.length), `${method.toUpperCase()} ${path}`);
    }
  }
  const existing = document.components?.schemas ?? {};
  for (const name of Object.keys(published)) {
    const scanned = existing[name] as SchemaObject | undefined;
    // What the scanner made of a class without OpenAPI metadata is empty; anything else is a second class of that name.
    if (scanned && Object.keys(scanned.properties ?? {}).length > 0) throw new Error(`OpenAPI: two schemas are named ${name}`);
  }
  return { ...document, components: { ...document.components, schemas: { ...existing, ...published } } };
}

/**
 * The generated schema as the validation pipe applies it: no field beyond the class's
 * (`forbidNonWhitelisted`).
 */
function asRequestSchema(schema: SchemaObject): SchemaObject {
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, tidyReference(property as SchemaObject)]));
  return { ...schema, properties, additionalProperties: false };
}

/**
 * A nested class stays a plain `$ref` (the stories read `CaseRequest.properties.signature.$ref`), with
 * `nullable` beside it where the field accepts null; the generator's `type: object` beside it only
 * repeats what the referred schema says.
 */
function tidyReference(property: SchemaObject & Partial<ReferenceObject>): SchemaObject | ReferenceObject {
  if (property.items) return { ...property, items: tidyReference(property.items as SchemaObject) };
  if (!property.$ref) return property;
  const { type: _type, ...rest } = property;
  return rest;
}

function referencedNames(schema: SchemaObject): string[] {
  return [...JSON.stringify(schema).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
}
