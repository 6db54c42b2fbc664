import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { CaseView, Envelope, RpcReply, SubmitCaseV1, problem } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { Regions } from '@accessdesk/platform';
import { canFileFor, mayCall } from '@accessdesk/access';
import { CaseEntity } from '../cases/case.entity';
import { CaseStore } from '../cases/case-store';
import { ResidentLookupService } from '@accessdesk/platform';
import { homeRegionProblem, needsHomeRegion } from '../rules/r15-home-region';
import { unknownRegionProblem } from '../rules/r22-r24-channels';
import { RegisterCase, filedFormProblem, requestHash } from './register-case';

const ROLE_NOT_ALLOWED = problem('role-not-allowed', 403, 'Not allowed for your role', 'Filing a case needs the role clinician, unit_head, medical_lead or service_desk.');
const NOT_YOUR_UNIT = problem(
  'not-your-unit',
  403,
  'Not your unit',
  'Care staff file cases for their own care unit; the service desk files on behalf of any unit of its region.',
);

export function isIdempotencyConflict(err: unknown): boolean {
  return err instanceof QueryFailedError && (err.driverError as { constraint?: string }).constraint === 'cases_idempotency';
}

/**
 * Files a new case: the form's rules (R1–R3, R11–R15, R21, R22, R24), then registration (R6, R10)
 * and what follows, in one transaction. The same `Idempotency-Key` from the same caller answers the
 * same case; the same key with another request is refused.
 */
@Injectable()
export class SubmitCaseService {
  constructor(
    private readonly messaging: Messaging,
    private readonly dataSource: DataSource,
    private readonly cases: CaseStore,
    private readonly register: RegisterCase,
    private readonly regions: Regions,
    private readonly population: ResidentLookupService,
  ) {}

  async submit(envelope: Envelope<SubmitCaseV1>): Promise<RpcReply<CaseView>> {
    const { request, idempotencyKey } = envelope.payload;
    const actor = envelope.actor;
    const hash = requestHash(request);
    // Checked again here, not only at the gateway: the command carries the verified caller.
    if (!mayCall('POST /cases', actor.roles)) return { ok: false, problem: ROLE_NOT_ALLOWED };
    if (!canFileFor(actor, request.requestingUnit.hsaId)) return { ok: false, problem: NOT_YOUR_UNIT };
    const region = this.regions.find(actor.region);
    if (!region) return { ok: false, problem: unknownRegionProblem(actor.region) };

    const earlier = await this.replay(actor.sub, idempotencyKey, hash);
    if (earlier) return earlier;
    const refused = filedFormProblem(request, actor, region);
    if (refused) return { ok: false, problem: refused };
    // R15: an external party's request is handled by the resident's home region; the register is
    // asked before the transaction opens, and its protected-identity mark comes along (skyddad identitet).
    let protectedIdentity: boolean | undefined;
    if (needsHomeRegion(request)) {
      const looked = await this.population.lookUp(request.resident.personnummer, envelope);
      if (!looked.ok) return { ok: false, problem: looked.problem };
      const elsewhere = homeRegionProblem(actor.region, looked.resident, (code) => this.regions.find(code)?.name);
      if (elsewhere) return { ok: false, problem: elsewhere };
      protectedIdentity = looked.resident.protectedIdentity;
    }

    try {
      return await this.messaging.transaction(async (manager) => {
        const registered = await this.register.register(manager, { request, actor, owner: actor.sub, key: idempotencyKey, causationId: envelope.id, protectedIdentity });
        return registered.ok ? { ok: true as const, body: registered.view } : { ok: false as const, problem: registered.problem };
      });
    } catch (err) {
      // Two requests with one key at the same moment: the other one won; answer with its case.
      if (isIdempotencyConflict(err)) {
        const winner = await this.replay(actor.sub, idempotencyKey, hash);
        if (winner) return winner;
      }
      throw err;
    }
  }

  private async replay(owner: string, key: string, hash: string): Promise<RpcReply<CaseView> | null> {
    const manager = this.dataSource.manager;
    const existing = await manager.getRepository(CaseEntity).findOneBy({ idempotencyOwner: owner, idempotencyKey: key });
    if (!existing) return null;
    if (existing.requestHash !== hash) {
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
