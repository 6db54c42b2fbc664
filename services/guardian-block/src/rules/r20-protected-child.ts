import { ageOn } from '@accessdesk/contracts';

/**
 * R20 barn med skyddade personuppgifter (002): for a child 0–12 with protected personal data the
 * guardians lose access to the child's journal and e-services automatically, as soon as it is
 * registered with Skatteverket. A block request is answered "already in effect" and nothing is
 * executed. From 13 the child logs in to the e-services, from 16 to the journal.
 */
export const PROTECTED_AUTOMATICALLY_UNTIL_AGE = 12;

export function alreadyInEffect(childPersonnummer: string, protectedIdentity: boolean, at: Date): boolean {
  return protectedIdentity && ageOn(childPersonnummer, at) <= PROTECTED_AUTOMATICALLY_UNTIL_AGE;
}
