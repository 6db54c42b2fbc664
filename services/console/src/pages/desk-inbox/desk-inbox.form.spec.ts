import type { WorkItemView } from '@accessdesk/contracts';
import { ageText } from '../../views/labels';
import { inboxGroups, readWorkItemForm, resultsFor, workItemRequestFrom } from './desk-inbox.form';

const item = (over: Partial<WorkItemView>): WorkItemView => ({
  id: 'i',
  kind: 'MANUAL_EXECUTION',
  queue: 'SERVICE_DESK',
  status: 'OPEN',
  region: 'VGR',
  caseId: 'c',
  registryNumber: 'VGR-2026-000001',
  action: 'LOGIN_LOCK',
  title: 't',
  details: [],
  escalated: false,
  subject: null,
  createdAt: '2026-11-20T09:00:00.000Z',
  completedAt: null,
  completedBy: null,
  resolution: null,
  ...over,
});

describe('the desk inbox', () => {
  it('puts urgent and escalated items first (urgent and escalated before urgent before escalated), the rest by kind, oldest first', () => {
    const items = [
      item({ id: 'paper', kind: 'PAPERWORK', createdAt: '2026-11-20T08:00:00.000Z' }),
      item({ id: 'manual-new', createdAt: '2026-11-20T10:00:00.000Z' }),
      item({ id: 'manual-old', createdAt: '2026-11-20T07:00:00.000Z' }),
      item({ id: 'escalated', kind: 'PAPERWORK', escalated: true, createdAt: '2026-11-19T07:00:00.000Z' }),
      item({ id: 'emergency', kind: 'EMERGENCY_CALL', createdAt: '2026-11-20T11:00:00.000Z' }),
      item({ id: 'emergency-escalated', kind: 'EMERGENCY_CALL', escalated: true, createdAt: '2026-11-20T12:00:00.000Z' }),
      item({ id: 'failed', kind: 'FAILED_EXECUTION' }),
    ];
    const groups = inboxGroups(items);
    expect(groups.first.map((i) => i.id)).toEqual(['emergency-escalated', 'emergency', 'escalated']);
    expect(groups.byKind.map((g) => [g.kind, g.items.map((i) => i.id)])).toEqual([
      ['FAILED_EXECUTION', ['failed']],
      ['MANUAL_EXECUTION', ['manual-old', 'manual-new']],
      ['PAPERWORK', ['paper']],
    ]);
  });

  it('offers "no account" only for a login action (R16)', () => {
    expect(resultsFor('LOGIN_LOCK')).toContain('NO_ACCOUNT');
    expect(resultsFor('JOURNAL_SEAL')).not.toContain('NO_ACCOUNT');
  });

  it('maps what the staff tool showed: Swedish time to UTC, the region as a code, empty note left out', () => {
    const values = readWorkItemForm({ mode: 'result', result: 'ALREADY_IN_STATE', executedAt: '2026-11-20 10:15', observed: ' Låst på begäran av Region Kronoberg ', lockedByRegion: 'Region Kronoberg', note: '', extra: 'x' });
    expect(workItemRequestFrom(values)).toEqual({ result: 'ALREADY_IN_STATE', executedAt: '2026-11-20T09:15:00.000Z', observed: 'Låst på begäran av Region Kronoberg', lockedByRegion: 'KRONOBERG' });
  });

  it('maps a failed execution’s resolution, and sends an unanswered choice empty so the gateway names the field', () => {
    expect(workItemRequestFrom(readWorkItemForm({ mode: 'resolution', resolution: 'CLOSE', note: 'Kontot finns inte' }))).toEqual({ resolution: 'CLOSE', note: 'Kontot finns inte' });
    expect(workItemRequestFrom(readWorkItemForm({ mode: 'result' }))).toEqual({ result: '', executedAt: '', observed: '' });
  });

  it('says the age as staff do', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(ageText('2026-11-23T11:59:30Z', now)).toBe('nyss');
    expect(ageText('2026-11-23T11:59:00Z', now)).toBe('1 minut');
    expect(ageText('2026-11-23T11:15:00Z', now)).toBe('45 minuter');
    expect(ageText('2026-11-23T10:00:00Z', now)).toBe('2 timmar');
    expect(ageText('2026-11-22T11:00:00Z', now)).toBe('1 dag');
    expect(ageText('2026-11-20T11:00:00Z', now)).toBe('3 dagar');
  });
});
