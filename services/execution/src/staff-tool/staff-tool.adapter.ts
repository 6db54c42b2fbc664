import { AdapterMode, ExecutionOutcome, SealScopeDto, StaffToolAction } from '@accessdesk/contracts';

/**
 * The seam to Inera's staff tool (personalverktyg), R7 and R16. DESIGN.md names two modes: `http`
 * (this service calls the tool's HTTP contract) and `manual` (a work item for the service desk,
 * whose operator executes and confirms). Only `http` exists so far; a `manual` adapter implements
 * this interface too.
 */
export interface StaffToolAdapter {
  readonly mode: AdapterMode;
  /**
   * Executes one action, idempotently per `actionId`: calling again with the same command after an
   * error never changes the account twice. Resolves with the final answer; rejects with
   * `StaffToolUnavailableError` (try again later) or `StaffToolRejectedError` (never try again).
   */
  execute(command: StaffToolCommand): Promise<StaffToolAnswer>;
}

export const STAFF_TOOL_ADAPTER = Symbol('STAFF_TOOL_ADAPTER');

export interface StaffToolCommand {
  /** Stable per action; the staff tool's idempotency key. */
  actionId: string;
  caseId: string;
  /** Given to the staff tool as its reference, so an administrator finds the case (diarienummer). */
  registryNumber: string;
  region: string;
  action: StaffToolAction;
  personnummer: string;
  guardianPersonnummer: string[] | null;
  sealScope: SealScopeDto | null;
}

export interface StaffToolAnswer {
  outcome: Exclude<ExecutionOutcome, 'FAILED'>;
  /** `NO_ACCOUNT` for NOT_APPLICABLE (R16), `ALREADY_IN_STATE` when nothing needed changing. */
  detail: string | null;
  /** The staff tool's own reference for the call. */
  staffToolReference: string | null;
}

/** The staff tool did not answer (5xx, timeout, network): the same command may be tried again. */
export class StaffToolUnavailableError extends Error {
  override readonly name = 'StaffToolUnavailableError';
}

/** The staff tool refused the command (4xx): trying again would be refused again. */
export class StaffToolRejectedError extends Error {
  override readonly name = 'StaffToolRejectedError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
