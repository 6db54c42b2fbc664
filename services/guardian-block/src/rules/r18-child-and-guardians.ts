import { ageOn, problem } from '@accessdesk/contracts';

/** R18 blockera vårdnadshavare (002): only a child under 18 has guardians to block. */
export const AGE_OF_MAJORITY = 18;

export function isMinor(childPersonnummer: string, at: Date): boolean {
  return ageOn(childPersonnummer, at) < AGE_OF_MAJORITY;
}

/**
 * R18: the guardians are taken from the population register (folkbokföringen); every guardian named
 * in a request must be listed there as the child's guardian.
 */
export function allListedAsGuardians(requested: readonly string[], listedByRegister: readonly string[]): boolean {
  return requested.every((g) => listedByRegister.includes(g));
}

export function hasDuplicates(personnummer: readonly string[]): boolean {
  return new Set(personnummer).size !== personnummer.length;
}

// No problem names a personnummer: the caller knows which numbers they sent.
export const CHILD_NOT_A_MINOR = problem('child-not-a-minor', 422, 'The child is not a minor', 'A guardian can only be blocked from the journal and e-services of a child under 18.');
export const RESIDENT_NOT_FOUND = problem('resident-not-found', 422, 'Resident not found', 'The population register does not know the child.');
export const GUARDIAN_NOT_LISTED = problem(
  'guardian-not-listed',
  422,
  'Guardian not listed',
  'At least one of the guardians is not listed as the child’s guardian in the population register.',
);
export const GUARDIAN_LISTED_TWICE = problem('guardian-listed-twice', 422, 'Guardian listed twice', 'Name each guardian once.');
