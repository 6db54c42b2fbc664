import { Channel, Problem, problem } from '@accessdesk/contracts';
import { RegionConfig } from '@accessdesk/platform';

/**
 * R24 Regions differ (R22 channels): a region receives guardian blocks only by the channels its
 * configuration lists; Region Jönköpings län, for one, by e-form and by phone to the contact centre.
 */
export function channelNotOffered(region: RegionConfig | undefined, regionCode: string, channel: Channel): Problem | null {
  if (!region) {
    return problem('channel-not-offered', 422, 'Channel not offered', `Region ${regionCode} is not in the regions configuration and receives no requests.`);
  }
  if (region.channels.includes(channel)) return null;
  return problem('channel-not-offered', 422, 'Channel not offered', `${region.name} does not receive requests by ${channel}; it receives ${region.channels.join(', ')}.`);
}
