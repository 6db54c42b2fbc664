import { isPurgeable, purgeConfirmed, readFilter, reasonSummary, replaySelection } from './dead-letters.form';

describe('the dead-letter forms', () => {
  it('reads the list filter, leaving empty fields out', () => {
    expect(readFilter({ queue: 'identity-check.events', type: ' ', caseId: undefined, other: 'x' })).toEqual({ queue: 'identity-check.events' });
  });

  it('replays one letter by its id, or one of the system’s queues; nothing else', () => {
    expect(replaySelection({ messageId: 'm-1', queue: 'intake.rpc' })).toEqual({ messageIds: ['m-1'] });
    expect(replaySelection({ queue: 'notification.events' })).toEqual({ queue: 'notification.events' });
    expect(replaySelection({ queue: 'somebody-else.events' })).toBeUndefined();
    expect(replaySelection({ messageId: 'x'.repeat(101) })).toBeUndefined();
    expect(replaySelection({})).toBeUndefined();
  });

  it('purges only request/reply queues, and only when the operator ticked the box', () => {
    expect(isPurgeable('intake.rpc')).toBe(true);
    expect(isPurgeable('intake.events')).toBe(false);
    expect(purgeConfirmed({ confirm: 'ja' })).toBe(true);
    expect(purgeConfirmed({})).toBe(false);
  });

  it('says why a letter died in Swedish, from the messaging library’s reasons', () => {
    expect(reasonSummary('invalid: payload.caseId must be a UUID')).toContain('Ogiltigt');
    expect(reasonSummary('failed 5 times: Error: boom')).toBe('Hanteringen misslyckades 5 gånger på samma sätt');
    expect(reasonSummary('transient failure for 3600 s (40 tries): TransientError: down')).toContain('3600 sekunder');
    expect(reasonSummary('delivery_limit')).toBe('Leveransgränsen nåddes');
    expect(reasonSummary(null)).toBe('Okänd orsak');
  });
});
