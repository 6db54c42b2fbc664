import { registryCategory } from './r6-registry-category';

describe('R6 registry category (000 §6.7)', () => {
  it('registers a lock and an unlock under the categories of the routine, and seals under their own', () => {
    expect(registryCategory('LOGIN_LOCK')).toEqual({ main: '1177 e-tjänster', sub: 'Låsa konto vårdpersonal' });
    expect(registryCategory('LOGIN_UNLOCK')).toEqual({ main: '1177 e-tjänster', sub: 'Låsa upp konto vårdpersonal' });
    expect(registryCategory('JOURNAL_SEAL')).toEqual({ main: '1177 e-tjänster', sub: 'Försegla journal' });
    expect(registryCategory('JOURNAL_UNSEAL')).toEqual({ main: '1177 e-tjänster', sub: 'Häva försegling av journal' });
  });
});
