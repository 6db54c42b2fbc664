import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { CHANNELS, Channel, DECISION_REASONS, DecisionReason, PROBLEM_BASE, Problem } from '@accessdesk/contracts';
import { FieldError } from './validation';

/** The content type of every error answer (RFC 9457). */
export const PROBLEM_JSON = 'application/problem+json';

/** A field a `validation-failed` problem names: where, and the rule it broke; never the value sent. */
@ApiSchema({ name: 'FieldProblem' })
export class FieldProblemResponse implements FieldError {
  @ApiProperty({ description: 'JSON Pointer (RFC 6901) to the field in the request', example: '/decision/reasons' }) pointer!: string;
  @ApiProperty({ example: 'each value in reasons must be one of the following values: …' }) detail!: string;
}

/**
 * An error answer: RFC 9457's members, and the extension members some problem types carry. The
 * `type` is stable per rule broken, so a client tells the cases apart by it, never by `title`.
 */
@ApiSchema({
  name: 'Problem',
  description: 'RFC 9457 problem document (application/problem+json). Clients ignore extension members they do not know.',
})
export class ProblemResponse implements Problem {
  [extension: string]: unknown;

  @ApiProperty({ format: 'uri', description: 'Stable per rule broken', example: `${PROBLEM_BASE}unlock-by-other-region` }) type!: string;
  @ApiProperty({ example: 'Only the region that requested the lock can lift it (R10)' }) title!: string;
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 403 }) status!: number;
  @ApiPropertyOptional({ description: 'What went wrong with this request, for people; never echoes a personnummer' }) detail?: string;
  @ApiPropertyOptional({ format: 'uri-reference', description: 'RFC 9457: this occurrence of the problem' }) instance?: string;
  @ApiPropertyOptional({ type: () => [FieldProblemResponse], description: '`validation-failed`: every field that is missing or wrong' }) errors?: FieldProblemResponse[];
  @ApiPropertyOptional({ format: 'uuid', description: '`lift-in-progress` (R10): the unlock already under way' }) caseId?: string;
  @ApiPropertyOptional({ example: 'KRONOBERG', description: '`unlock-by-other-region` (R10): the region whose lock is in effect' }) lockedByRegion?: string;
  @ApiPropertyOptional({ example: 'KRONOBERG', description: '`unseal-by-other-region` (R21): the region whose seal is in effect' }) sealedByRegion?: string;
  @ApiPropertyOptional({ enum: DECISION_REASONS, isArray: true, description: '`lock-reason-on-unlock`, `unlock-reason-on-lock` (R2, R11): the reasons this case type may cite' })
  allowedReasons?: DecisionReason[];
  @ApiPropertyOptional({ enum: CHANNELS, isArray: true, description: '`channel-not-offered` (R22, R24): the channels the region receives requests by' }) channels?: Channel[];
  @ApiPropertyOptional({ example: 'KRONOBERG', description: '`external-party-other-region` (R15): the resident’s home region' }) homeRegion?: string;
  @ApiPropertyOptional({ example: 'Region Kronoberg', description: '`external-party-other-region` (R15): its name' }) homeRegionName?: string;
}

/** An error answer of one operation: `application/problem+json` with the Problem schema. */
export function ApiProblem(status: number, description: string): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemResponse),
    ApiResponse({ status, description, content: { [PROBLEM_JSON]: { schema: { $ref: getSchemaPath(ProblemResponse) } } } }),
  );
}

/**
 * The error answers every `/api/v1` operation can give, whatever it does: no valid token (401), a
 * role the route does not admit (403), too many calls (429), a service that did not answer (503).
 * An operation names its own 403 or 503 where it has more to say.
 */
export function ApiProblemsOfEveryCall(): ClassDecorator {
  return applyDecorators(
    ApiProblem(401, 'No valid bearer token (`WWW-Authenticate: Bearer`)'),
    ApiProblem(403, 'Not allowed for your role'),
    ApiProblem(429, 'Too many calls; retry after Retry-After'),
    ApiProblem(503, 'A service did not answer in time; retry after Retry-After'),
  );
}
