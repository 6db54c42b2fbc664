import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

// class-transformer keeps its @Type metadata in a module it does not export a path for.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/** A reference to a component schema, which `contractSchemas` provides. */
export function schemaRef(name: string): { $ref: string } {
  return { $ref: `#/components/schemas/${name}` };
}

const CASE_VIEW: SchemaObject = {
  type: 'object',
  required: ['id', 'registryNumber', 'type', 'status', 'region', 'timeline'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    registryNumber: { type: 'string', example: 'VGR-2026-000123' },
    type: { type: 'string' },
    status: { type: 'string' },
    region: { type: 'string' },
    channel: { type: 'string' },
    outcome: { type: 'string', nullable: true },
    paperwork: { type: 'string', enum: ['NOT_REQUIRED', 'PENDING', 'RECEIVED'] },
    paperworkSender: { type: 'string', nullable: true, enum: ['STAFF', 'RESIDENT'], description: 'R12: who sends the form of an emergency lock' },
    review: {
      type: 'object',
      nullable: true,
      description: 'R9: the lock’s review once scheduled, and how it was decided',
      properties: { id: { type: 'string', format: 'uuid' }, outcome: { type: 'string', nullable: true, enum: ['KEEP_LOCKED', 'UNLOCK'] } },
    },
    guardianBlockId: { type: 'string', format: 'uuid', nullable: true, description: 'R18: the guardian block this child lock belongs to' },
    voidReason: { type: 'string', nullable: true },
    lockedByRegion: {
      type: 'string',
      nullable: true,
      description: 'R10: for a login lock or unlock, the region whose lock the staff tool showed in effect ("låst på begäran av Region X"); on a lock, another region when that region had locked the login already: only it can unlock',
    },
    effects: { type: 'array', items: { type: 'string' } },
    advice: { type: 'array', items: { type: 'string' } },
    relatedCases: {
      type: 'array',
      description: 'R5 earlier cases of the resident in the region; R10 the lock an unlock lifts (LIFTS) and the unlock that lifted it (LIFTED_BY)',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          registryNumber: { type: 'string' },
          type: { type: 'string' },
          status: { type: 'string' },
          relation: { type: 'string', enum: ['EARLIER_CASE_OF_RESIDENT', 'LIFTS', 'LIFTED_BY'] },
        },
      },
    },
    requestingUnit: { type: 'object' },
    protectedIdentity: { type: 'boolean', description: 'The population register marks the resident with a protected identity (skyddad identitet): free text in the timeline is withheld' },
    registryCategory: {
      type: 'object',
      nullable: true,
      description: 'R6: överkategori and underkategori in the region’s registry (000 §6.7)',
      properties: { main: { type: 'string', example: '1177 e-tjänster' }, sub: { type: 'string', example: 'Låsa konto vårdpersonal' } },
    },
    registryReference: {
      type: 'object',
      nullable: true,
      description: 'R6: the region’s own registry reference, e.g. its Plexus number, as recorded by the service desk',
      properties: { system: { type: 'string', example: 'Plexus' }, reference: { type: 'string' }, recordedBy: { type: 'string' }, recordedAt: { type: 'string', format: 'date-time' } },
    },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    timeline: {
      type: 'array',
      items: {
        type: 'object',
        properties: { at: { type: 'string', format: 'date-time' }, status: { type: 'string' }, by: { type: 'string' }, note: { type: 'string' } },
      },
    },
  },
};

/**
 * JSON Schemas of the request classes, generated from the same class-validator rules that validate
 * them, so the documentation cannot drift from the validation.
 */
export function contractSchemas(): Record<string, SchemaObject> {
  const generated = validationMetadatasToSchemas({
    refPointerPrefix: '#/components/schemas/',
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
    },
  }) as Record<string, SchemaObject>;
  return { ...reachable(generated, PUBLIC_ROOTS), CaseView: CASE_VIEW };
}

/** The request bodies of the API; only they and what they refer to are published. */
const PUBLIC_ROOTS = [
  'CaseRequest',
  'AuditByResidentRequest',
  'CompletionRequest',
  'PaperworkRequest',
  'VerificationRequest',
  'VoidRequest',
  'RegistryReferenceRequest',
  'ResidentStatusRequest',
  'WorkItemCompletionRequest',
  'ReviewDecisionRequest',
  'GuardianBlockRequest',
  'GuardianUnblockRequest',
  'GuardianTaskUpdateRequest',
  'DeadLetterReplayRequest',
  'DeadLetterPurgeRequest',
];

/**
 * Every class with validation rules has a generated schema, configuration classes too; the API's
 * documentation shows only the request bodies and the schemas they refer to.
 */
function reachable(all: Record<string, SchemaObject>, roots: string[]): Record<string, SchemaObject> {
  const out: Record<string, SchemaObject> = {};
  const visit = (name: string) => {
    if (out[name] || !all[name]) return;
    out[name] = all[name];
    for (const ref of JSON.stringify(all[name]).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) visit(ref[1]);
  };
  roots.forEach(visit);
  return out;
}
