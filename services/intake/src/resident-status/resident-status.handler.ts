import { Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { canReadCase, caseListScope } from '@accessdesk/access';
import { appendAudit } from '@accessdesk/audit';
import { Envelope, LoginAndSealStatus, ResidentStatusV1, RpcReply, StatusCaseRef, identityNumberKind } from '@accessdesk/contracts';
import { ForEndpoint, Message, MessageHandlers, Regions } from '@accessdesk/platform';
import { CaseEntity } from '../domain/case/case.entity';
import { CaseRepository } from '../domain/case/case.repository';
import { IntakeConfig } from '../intake.config';
import { findActiveRestriction, findLoginLastSeen } from '../rules/r10-unlock-by-requesting-region';
import { unknownRegionProblem } from '../rules/r22-r24-channels';

const ref = (c: CaseEntity): StatusCaseRef => ({ id: c.id, registryNumber: c.registryNumber, type: c.type, status: c.status, createdAt: c.createdAt.toISOString() });

/**
 * `POST /residents/status`: whether the login is locked and by which region (R10 — named even to
 * another region, which must know whom to ask), from the last thing the staff tool showed for the
 * resident in any region's case (the region's code only, never another region's case); what is
 * sealed (R21), and the cases the caller may see, newest first (the newest
 * `RESIDENT_STATUS_CASES`; `casesTruncated` says there are more). The question is recorded in the
 * audit trail before it is answered (R23).
 */
@MessageHandlers()
export class ResidentStatusHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly regions: Regions,
    @Inject(IntakeConfig) private readonly config: IntakeConfig,
  ) {}

  @MessagePattern(ResidentStatusV1.type, { contract: ResidentStatusV1, queue: 'rpc' })
  @ForEndpoint('POST /residents/status')
  async answer(@Message() envelope: Envelope<ResidentStatusV1>): Promise<RpcReply<LoginAndSealStatus>> {
    const actor = envelope.actor;
    const { personnummer } = envelope.payload;
    if (!this.regions.find(actor.region)) return { ok: false, problem: unknownRegionProblem(actor.region) };
    return this.dataSource.transaction(async (manager) => {
      await appendAudit(manager, { action: 'RESIDENT_STATUS_READ', actor, region: actor.region, residentRef: this.cases.residentRef(personnummer), detail: 'status för invånare' });
      const visible = (c: CaseEntity | null) => !!c && canReadCase(actor, { region: c.region, requestingUnitHsaId: c.requestingUnitHsaId, kind: 'CASE' });
      const lock = await findActiveRestriction(manager, personnummer, 'LOGIN_LOCK');
      const seen = await findLoginLastSeen(manager, personnummer);
      const lockedByRegion = seen ? seen.lockedByRegion : (lock?.region ?? null);
      // The lock case is named only when it is the lock the tool showed, and the caller may see it.
      const lockCase = lock && lock.region === lockedByRegion && visible(lock) ? ref(lock) : null;
      const seal = await findActiveRestriction(manager, personnummer, 'JOURNAL_SEAL');
      // Only the cases the caller may see are counted against the limit: the object rule as a condition.
      const scope = caseListScope(actor, 'CASE');
      const shown = this.config.RESIDENT_STATUS_CASES;
      const listed = scope
        ? await manager.getRepository(CaseEntity).find({
            where: { residentPersonnummer: personnummer, region: scope.region, ...(scope.requestingUnitHsaId !== null ? { requestingUnitHsaId: scope.requestingUnitHsaId } : {}) },
            order: { createdAt: 'DESC', id: 'DESC' },
            take: shown + 1,
          })
        : [];
      return {
        ok: true as const,
        body: {
          identityNumberKind: identityNumberKind(personnummer) ?? 'PERSONNUMMER',
          login: { locked: lockedByRegion !== null, lockedByRegion, lockCase, seenAt: seen?.seenAt.toISOString() ?? null },
          seal: {
            sealed: !!seal,
            sealedByRegion: seal?.region ?? null,
            scope: seal && visible(seal) ? (seal.request.sealScope ?? null) : null,
            sealCase: seal && visible(seal) ? ref(seal) : null,
          },
          cases: listed.slice(0, shown).filter(visible).map(ref),
          casesTruncated: listed.length > shown,
        },
      };
    });
  }
}
