import type { CaseListView } from '@accessdesk/contracts';
import { unitCasesHref, unitCasesView } from './unit-cases.view';

const CASE = {
  id: '6f1c3c55-0a53-4d8e-9d3b-0d5d4c0b2f10',
  registryNumber: 'VGR-2026-000007',
  type: 'LOGIN_LOCK' as const,
  status: 'CLOSED' as const,
  region: 'VGR',
  channel: 'FORM' as const,
  outcome: 'EXECUTED' as const,
  requestingUnit: { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Testköping' },
  protectedIdentity: true,
  createdAt: '2026-11-20T09:00:00Z',
  updatedAt: '2026-11-20T09:05:00Z',
};

describe("the unit's cases", () => {
  it('says when the list is cut and links on with the cursor and the same status (never anything about the resident)', () => {
    const list: CaseListView = { items: [CASE], nextCursor: 'eyJhdCI6IngifQ', truncated: true };
    const page = unitCasesView({ list, status: 'CLOSED', continued: false, unitName: CASE.requestingUnit.name }).value;
    expect(page).toContain('Visar: 1 ärende, fler finns.');
    expect(unitCasesHref('CLOSED', 'eyJhdCI6IngifQ')).toBe('/enhetens-arenden?status=CLOSED&cursor=eyJhdCI6IngifQ');
    expect(page).toContain('href="/enhetens-arenden?status=CLOSED&amp;cursor=eyJhdCI6IngifQ"');
    expect(page).toContain('Visa fler');
    expect(page).toContain('(skyddad identitet)');
    expect(page).toContain('<th scope="row"><a href="/arenden/6f1c3c55-0a53-4d8e-9d3b-0d5d4c0b2f10">VGR-2026-000007</a>');
  });

  it('offers no "Visa fler" on the last page, and the way back to the newest on a later one', () => {
    const page = unitCasesView({ list: { items: [CASE], nextCursor: null, truncated: false }, status: undefined, continued: true, unitName: null }).value;
    expect(page).not.toContain('Visa fler');
    expect(page).toContain('Till de senaste ärendena');
  });
});
