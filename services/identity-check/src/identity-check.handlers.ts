import { Injectable, OnModuleInit } from '@nestjs/common';
import { CaseReceivedV1, CheckDecisionAuthorityV1, EmergencyCallReceivedV1, LookUpResidentV1 } from '@accessdesk/contracts';
import { Messaging, answer, on } from '@accessdesk/messaging';
import { CheckCaseService } from './check-case/check-case.service';
import { CheckDecisionAuthorityService } from './check-decision-authority/check-decision-authority.service';
import { CheckEmergencyCallService } from './check-emergency-call/check-emergency-call.service';
import { LookUpResidentService } from './look-up-resident/look-up-resident.service';

/** Thin adapters from the queues to the use cases: requests on `identity-check.rpc`, events on `identity-check.events`. */
@Injectable()
export class IdentityCheckHandlers implements OnModuleInit {
  constructor(
    private readonly messaging: Messaging,
    private readonly checkCase: CheckCaseService,
    private readonly checkEmergencyCall: CheckEmergencyCallService,
    private readonly lookUpResident: LookUpResidentService,
    private readonly checkDecisionAuthority: CheckDecisionAuthorityService,
  ) {}

  onModuleInit(): void {
    this.messaging.serve([
      answer(LookUpResidentV1, (envelope) => this.lookUpResident.answer(envelope)),
      answer(CheckDecisionAuthorityV1, (envelope) => this.checkDecisionAuthority.answer(envelope)),
    ]);
    this.messaging.subscribe('events', [
      on(CaseReceivedV1, (envelope, payload, manager) => this.checkCase.handle(envelope, payload, manager)),
      on(EmergencyCallReceivedV1, (envelope, payload, manager) => this.checkEmergencyCall.handle(envelope, payload, manager)),
    ]);
  }
}
