import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { CaseView, Envelope, RpcReply, SubmitCaseV1, problem } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { createIdempotently, requestHashOf } from '@accessdesk/persistence';
import { ForEndpoint, Message, MessageHandlers, RegionConfig, Regions, ResidentLookupService } from '@accessdesk/platform';
import { canFileFor } from '@accessdesk/access';
import { CaseRepository } from '../domain/case/case.repository';
import { CaseRegistration } from '../domain/registration/case-registration.service';
import { filedFormProblem } from '../domain/registration/filed-form';
import { homeRegionProblem, needsHomeRegion } from '../rules/r15-home-region';
import { unknownRegionProblem } from '../rules/r22-r24-channels';

const NOT_YOUR_UNIT = problem(
  'not-your-unit',
  403,
  'Not your unit',
  'Care staff file cases for their own care unit; the service desk files on behalf of any unit of its region.',
);

/**
 * Files a new case: the form's rules (R1–R3, R11–R15, R21, R22, R24), then registration (R6, R10)
 * and what follows, in one transaction. The same `Idempotency-Key` from the same caller answers the
 * same case; the same key with another request is refused.
 */
@MessageHandlers()
export class SubmitCaseHandler {
  constructor(
    private readonly messaging: Messaging,
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly registration: CaseRegistration,
    private readonly regions: Regions,
    private readonly population: ResidentLookupService,
  ) {}

  /** The role is checked again here, not only at the gateway: the request carries the verified caller. */
  @MessagePattern(SubmitCaseV1.type, { contract: SubmitCaseV1, queue: 'rpc' })
  @ForEndpoint('POST /cases')
  async answer(@Message() envelope: Envelope<SubmitCaseV1>): Promise<RpcReply<CaseView>> {
    const { request, idempotencyKey } = envelope.payload;
    const actor = envelope.actor;
    if (!canFileFor(actor, request.requestingUnit.hsaId)) return { ok: false, problem: NOT_YOUR_UNIT };
    const region = this.regions.find(actor.region);
    if (!region) return { ok: false, problem: unknownRegionProblem(actor.region) };
    return createIdempotently(this.dataSource, {
      requestHash: requestHashOf(request),
      uniqueIndex: 'cases_idempotency',
      findCreated: (manager) => this.cases.findByIdempotencyKey(manager, actor.sub, idempotencyKey),
      answerAgain: (manager, existing) => this.cases.view(manager, existing),
      create: () => this.file(envelope, region),
    });
  }

  /** The checks of a new form, then its registration. */
  private async file(envelope: Envelope<SubmitCaseV1>, region: RegionConfig): Promise<RpcReply<CaseView>> {
    const { request, idempotencyKey } = envelope.payload;
    const actor = envelope.actor;
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
    return this.messaging.transaction(async (manager) => {
      const registered = await this.registration.register(manager, { request, actor, owner: actor.sub, key: idempotencyKey, cause: envelope, protectedIdentity });
      return registered.ok ? { ok: true as const, body: registered.view } : { ok: false as const, problem: registered.problem };
    });
  }
}
