import { AdapterMode, ExecutionOutcome, SealScopeDto, StaffToolAction } from '@accessdesk/contracts';

/**
 * The seam to Inera's staff tool (personalverktyg) that this service drives itself, R7 and R16: the
 * `http` mode (the tool's HTTP contract, which the simulator implements and a future API could).
 * Inera's tool has no public API today, so a region's production configuration runs `manual`.
 * The other mode, `manual`, has no adapter to call: the action waits for an operator, who executes
 * by hand and reports (AcceptActionHandler, RecordManualResultHandler). Which mode an action takes
 * is its region's (R24), fixed on the action when it is accepted.
 */
export interface StaffToolAdapter {
  readonly mode: AdapterMode;
  /**
   * Executes one action, idempotently per `actionId`: calling again with the same command after an
   * error never changes the account twice. Resolves with the final answer; rejects with
   * `StaffToolUnavailableError` (try again later) or `StaffToolRejectedError` (never try again).
   */
  execute(command: StaffToolCommand): Promise<StaffToolAnswer>;
  /**
   * The account's state as the tool reports it (`accounts/query`), for reconciling an action whose
   * answer never came (issue 9); rejects with `StaffToolUnavailableError` when it cannot be read.
   */
  readState(command: StaffToolCommand): Promise<unknown>;
}

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
  outcome: Exclude<ExecutionOutcome, 'FAILED' | 'UNKNOWN'>;
  /** `NO_ACCOUNT` for NOT_APPLICABLE (R16), `ALREADY_IN_STATE` when nothing needed changing. */
  detail: string | null;
  /** The staff tool's own reference for the call. */
  staffToolReference: string | null;
  /**
   * R10: for LOGIN_LOCK and LOGIN_UNLOCK, the region whose lock the tool shows in effect after the
   * action ("låst på begäran av Region X"; null: not locked). Undefined for the other actions.
   */
  lockedByRegion?: string | null;
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
