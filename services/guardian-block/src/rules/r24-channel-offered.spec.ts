import { RegionConfig } from '@accessdesk/platform';
import { channelNotOffered } from './r24-channel-offered';

describe('R24 a region receives guardian blocks by its own channels', () => {
  const jonkoping = { code: 'JONKOPING', name: 'Region Jönköpings län', channels: ['E_FORM', 'EMERGENCY_PHONE'] } as RegionConfig;

  it('accepts a channel the region offers', () => {
    expect(channelNotOffered(jonkoping, 'JONKOPING', 'E_FORM')).toBeNull();
    expect(channelNotOffered(jonkoping, 'JONKOPING', 'EMERGENCY_PHONE')).toBeNull();
  });

  it('refuses another channel, naming the region', () => {
    expect(channelNotOffered(jonkoping, 'JONKOPING', 'FORM')).toMatchObject({ status: 422, type: expect.stringMatching(/channel-not-offered$/), detail: expect.stringContaining('Region Jönköpings län') });
  });

  it('refuses a region that is not configured', () => {
    expect(channelNotOffered(undefined, 'NOWHERE', 'FORM')).toMatchObject({ status: 422, detail: expect.stringContaining('NOWHERE') });
  });
});
