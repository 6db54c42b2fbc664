import { DECISION_ROLES } from '@accessdesk/contracts';
import { decidedByUnitHead } from './r1-unit-head-decides';

describe('R1 a guardian block is decided by the unit head', () => {
  it.each(DECISION_ROLES)('decided by %s', (role) => {
    expect(decidedByUnitHead({ decidedBy: { hsaId: 'SE2321000131-E000000000021', name: 'x', role } })).toBe(role === 'UNIT_HEAD');
  });
});
