// R22 Channels (000 §5): paper form, electronic form, emergency phone; recorded on the case.
// R24 Regions differ: which channels a region receives requests by is its configuration.
// R12 Emergency lock: only a LOGIN_LOCK is phoned in, and the service desk records it.
import { Actor, CaseRequest, Problem, problem } from '@accessdesk/contracts';
import { RegionConfig } from '@accessdesk/platform';

export function unknownRegionProblem(region: string): Problem {
  return problem('unknown-region', 403, 'Region not configured (R24)', `Your region (${region}) is not in the regions configuration.`);
}

export function channelProblem(request: Pick<CaseRequest, 'type' | 'channel'>, actor: Actor, region: RegionConfig): Problem | null {
  if (!region.channels.includes(request.channel)) {
    return problem(
      'channel-not-offered',
      422,
      'The region does not receive requests by this channel (R22, R24)',
      `${region.name} receives requests by ${region.channels.join(', ')}.`,
      { channels: region.channels },
    );
  }
  if (request.channel === 'EMERGENCY_PHONE') {
    if (request.type !== 'LOGIN_LOCK') {
      return problem('emergency-lock-only', 422, 'Only a lock is phoned in (R12)', 'The emergency phone takes login locks only; file other cases by form.');
    }
    if (!actor.roles.includes('service_desk')) {
      return problem('emergency-by-service-desk', 403, 'The service desk records emergency locks (R12)', `Phone ${region.serviceDesk.name}${region.serviceDesk.phone ? ` (${region.serviceDesk.phone})` : ''}; the desk records the lock and it is executed at once.`);
    }
  }
  return null;
}
