import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { CaseReceivedV1, CaseView, Envelope, RpcReply, SubmitCaseV1, TimelineEntry, canonicalJson, problem } from '@accessdesk/contracts';
import { Messaging, createEnvelope } from '@accessdesk/messaging';
import { CaseEntity } from '../cases/case.entity';
import { CaseStore, caseView } from '../cases/case-store';
import { canFileFor, mayCall } from '@accessdesk/access';
import { STATUS_TEXT } from '../cases/case-status';
import { nextRegistryNumber } from '../rules/r6-registry-number';
import { effectsOf } from '../rules/r17-effects';

const ROLE_NOT_ALLOWED = problem('role-not-allowed', 403, 'Not allowed for your role', 'Filing a case needs the role clinician, unit_head, medical_lead or service_desk.');
const NOT_YOUR_UNIT = problem(
  'not-your-unit',
  403,
  'Not your unit',
  'Care staff file cases for their own care unit; the service desk files on behalf of any unit of its region.',
);

function isIdempotencyConflict(err: unknown): boolean {
  return err instanceof QueryFailedError && (err.driverError as { constraint?: string }).constraint === 'cases_idempotency';
}

/**
 * Registers a new case: registry number (R6), timeline, and `intake.case.received.v1` for the checks
 * on receipt (R4), in one transaction. The same `Idempotency-Key` from the same caller answers the
 * same case; the same key with another request is refused.
 */
@Injectable()
export class SubmitCaseService {
  private readonly logger = new Logger(SubmitCaseService.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly dataSource: DataSource,
    private readonly cases: CaseStore,
  ) {}

  async submit(envelope: Envelope<SubmitCaseV1>): Promise<RpcReply<CaseView>> {
    const { request, idempotencyKey } = envelope.payload;
    const actor = envelope.actor;
    const requestHash = createHash('sha256').update(canonicalJson(request)).digest('hex');
    // Checked again here, not only at the gateway: the command carries the verified caller.
    if (!mayCall('POST /cases', actor.roles)) return { ok: false, problem: ROLE_NOT_ALLOWED };
    if (!canFileFor(actor, request.requestingUnit.hsaId)) return { ok: false, problem: NOT_YOUR_UNIT };

    const earlier = await this.replay(actor.sub, idempotencyKey, requestHash);
    if (earlier) return earlier;

    try {
      return await this.messaging.transaction(async (manager) => {
        const now = new Date();
        const id = randomUUID();
        const { effects, advice } = effectsOf(request.type);
        // The registry counter row stays locked until commit: take it last, and do little after it.
        const registryNumber = await nextRegistryNumber(manager, actor.region, now);
        const entity = manager.getRepository(CaseEntity).create({
          id,
          registryNumber,
          region: actor.region,
          type: request.type,
          status: 'VERIFYING',
          channel: request.channel,
          residentPersonnummer: request.resident.personnummer,
          request,
          requestedBy: actor,
          requestingUnitHsaId: request.requestingUnit.hsaId,
          outcome: null,
          paperwork: request.channel === 'EMERGENCY_PHONE' ? 'PENDING' : 'RECEIVED',
          effects,
          advice,
          actionId: null,
          feedbackSentAt: null,
          reviewScheduledAt: null,
          idempotencyOwner: actor.sub,
          idempotencyKey,
          requestHash,
          createdAt: now,
          updatedAt: now,
        });
        const timeline: TimelineEntry[] = [
          { at: now.toISOString(), status: 'RECEIVED', by: actor.sub, note: `${STATUS_TEXT.RECEIVED} som ${registryNumber}` },
          { at: now.toISOString(), status: 'VERIFYING', by: 'system:intake', note: STATUS_TEXT.VERIFYING },
        ];
        await this.cases.insert(manager, entity, timeline, actor);
        const received: CaseReceivedV1 = {
          caseId: id,
          registryNumber,
          caseType: request.type,
          channel: request.channel,
          resident: request.resident,
          signature: request.signature ?? null,
          decidedBy: { hsaId: request.decision.decidedBy.hsaId, role: request.decision.decidedBy.role },
          requestingUnitHsaId: request.requestingUnit.hsaId,
          receivedAt: now.toISOString(),
        };
        await this.messaging.publish(
          manager,
          createEnvelope(CaseReceivedV1, received, { correlationId: id, causationId: envelope.id, region: actor.region, actor }),
        );
        this.logger.log(`case ${id} registered as ${registryNumber}`);
        return { ok: true as const, body: caseView(entity, timeline) };
      });
    } catch (err) {
      // Two requests with one key at the same moment: the other one won; answer with its case.
      if (isIdempotencyConflict(err)) {
        const winner = await this.replay(actor.sub, idempotencyKey, requestHash);
        if (winner) return winner;
      }
      throw err;
    }
  }

  private async replay(owner: string, key: string, requestHash: string): Promise<RpcReply<CaseView> | null> {
    const manager = this.dataSource.manager;
    const existing = await manager.getRepository(CaseEntity).findOneBy({ idempotencyOwner: owner, idempotencyKey: key });
    if (!existing) return null;
    if (existing.requestHash !== requestHash) {
      return {
        ok: false,
        problem: problem(
          'idempotency-key-reused',
          422,
          'Idempotency-Key already used for another request',
          'This Idempotency-Key was used before with a different request body. Use a new key for a new request.',
        ),
      };
    }
    return { ok: true, body: await this.cases.view(manager, existing) };
  }
}
