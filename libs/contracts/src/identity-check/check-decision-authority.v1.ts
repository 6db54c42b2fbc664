import { IsIn, Matches } from 'class-validator';
import { HSA_ID } from '../common/validators';
import { CASE_TYPES, CaseType } from '../common/vocabulary';

/**
 * R1: may this person decide a case of this type, as the staff directory (HSA) lists them? Asked
 * by guardian-block of identity-check (request/reply) before a guardian block or unblock is
 * registered; judged by identity-check's own R1 rule, the one it applies to every received case.
 */
export class CheckDecisionAuthorityV1 {
  static readonly type = 'identity-check.check-decision-authority.v1';
  @IsIn(CASE_TYPES) caseType!: CaseType;
  @Matches(HSA_ID, { message: 'hsaId must be an HSA-id' }) hsaId!: string;
}

export interface DecisionAuthority {
  /** Whether the staff directory knows the person at all. */
  known: boolean;
  /** R1: whether the roles the directory lists for the person let them decide a case of the type. */
  mayDecide: boolean;
  /** The person's roles as the directory lists them; empty when it does not know them. */
  roles: string[];
}
