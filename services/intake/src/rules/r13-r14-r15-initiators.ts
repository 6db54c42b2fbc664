// R13 The resident's own request goes to Inera, not the region (001, 004): refused with a pointer to
// the form on 1177.se, except an emergency lock phoned in by staff on the resident's behalf (000 §2).
// R14 Relatives and legal representatives, R15 external parties (police, social services) raise the
// need and are recorded as the initiator, described; the decision is always staff's (R1).
// R13 for a seal (004): a resident who wants their own journal out of sight seals it themselves, inside
// Journalen on 1177 — neither Inera's lock form nor the region is the way.
import { CaseRequest, Problem, problem } from '@accessdesk/contracts';

/** Inera's page on how a resident locks their own login (seed 001). */
export const INERA_OWN_LOCK_FORM = 'https://www.1177.se/fragor--svar/e-tjanster/hur-laser-jag-min-inloggning-till-e-tjansterna/';

/** Journalen, where a resident seals (försegla) their own online journal (seed 004). */
export const JOURNALEN_OWN_SEAL = 'https://journalen.1177.se/';

export function initiatorProblem(request: Pick<CaseRequest, 'type' | 'channel' | 'initiator'>): Problem | null {
  const { kind, description } = request.initiator;
  if (kind === 'RESIDENT' && request.type === 'JOURNAL_SEAL') {
    return problem(
      'resident-own-seal',
      422,
      'A resident seals their own journal in Journalen (R13)',
      'The resident seals (försegla) their own online journal inside the Journalen service on 1177.se, wholly or for single care providers; it is not done with the lock form, nor by the region. The region seals at the request of a care provider or an external party.',
      { journalService: JOURNALEN_OWN_SEAL },
    );
  }
  if (kind === 'RESIDENT' && !(request.type === 'LOGIN_LOCK' && request.channel === 'EMERGENCY_PHONE')) {
    return problem(
      'resident-own-request',
      422,
      "A resident's own request is made to Inera (R13)",
      "The resident asks Inera directly with the form on 1177.se; the region handles requests from care staff and external parties. An emergency lock phoned in by staff on the resident's behalf is the exception.",
      { form: INERA_OWN_LOCK_FORM },
    );
  }
  if ((kind === 'RELATIVE' || kind === 'LEGAL_REPRESENTATIVE' || kind === 'EXTERNAL_PARTY') && (!description || description.trim() === '')) {
    return problem(
      'initiator-description-missing',
      422,
      'Describe who raised the need (R14, R15)',
      'A relative, legal representative or external party is recorded as the initiator: describe who (initiator.description). The decision stays with the care unit.',
    );
  }
  return null;
}
