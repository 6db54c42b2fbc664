import { backoffMs } from '@accessdesk/persistence';
import { SMTP_BACKOFF, stillOwed } from './email-sender.worker';

const retryBackoffMs = (failures: number) => backoffMs(failures, SMTP_BACKOFF);

describe('sending queued e-mails', () => {
  it('retries an e-mail with several recipients (R8 copies, R12 escalation, R18 confirmations) only to those the mail server has not taken yet', () => {
    const recipients = ['chef@aby.example.se', 'registrator@vgr.example', 'sparr-och-logg@vgr.example'];
    expect(stillOwed(recipients, [])).toEqual(recipients);
    expect(stillOwed(recipients, ['Registrator@VGR.example'])).toEqual(['chef@aby.example.se', 'sparr-och-logg@vgr.example']);
    expect(stillOwed(recipients, recipients)).toEqual([]);
  });

  it('waits 2 s after the first failure, doubling, at most 5 minutes', () => {
    expect(retryBackoffMs(1)).toBe(2_000);
    expect(retryBackoffMs(2)).toBe(4_000);
    expect(retryBackoffMs(20)).toBe(300_000);
  });
});
