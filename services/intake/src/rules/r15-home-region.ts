// R15 External parties (police, social services) may initiate a case; the region where the resident
// is registered (folkbokförd) handles it (004: "hanteras låsningen av den region där invånaren är
// skriven"). A request filed with another region is refused, naming the right one. A resident the
// register does not know, or for whom it gives no region, is not refused here: the checks on receipt
// (R4) return an unknown personnummer for completion, as for any case.
import { CaseRequest, Problem, ResidentLookup, problem } from '@accessdesk/contracts';

/** Only an external party's request is routed by the resident's home region. */
export function needsHomeRegion(request: Pick<CaseRequest, 'initiator'>): boolean {
  return request.initiator.kind === 'EXTERNAL_PARTY';
}

export function homeRegionProblem(filedIn: string, resident: Pick<ResidentLookup, 'found' | 'homeRegion'>, regionName: (code: string) => string | undefined): Problem | null {
  if (!resident.found || !resident.homeRegion || resident.homeRegion === filedIn) return null;
  const name = regionName(resident.homeRegion) ?? resident.homeRegion;
  return problem(
    'external-party-other-region',
    422,
    'An external party’s request is handled by the resident’s home region (R15)',
    `The resident is registered in ${name} (${resident.homeRegion}); a request from an external party is handled by that region. Send it to ${name}.`,
    { homeRegion: resident.homeRegion, homeRegionName: name },
  );
}
