import { navFor } from './navigation';

const labels = (roles: Parameters<typeof navFor>[0]) => navFor(roles).map((i) => i.label);

describe('the menu by role', () => {
  it('gives care staff their forms, their unit cases and the reviews; the guardian block as guidance to a clinician', () => {
    expect(labels(['clinician'])).toEqual(expect.arrayContaining(['Begär låsning', 'Begär upplåsning', 'Begär försegling', 'Blockera vårdnadshavare', 'Enhetens ärenden', 'Omprövningar']));
    expect(navFor(['clinician']).filter((i) => i.href === '/vardnadshavare/blockera').map((i) => i.endpoint)).toEqual(['POST /cases']);
  });

  it('gives a unit head the guardian block form once, also with a clinician role', () => {
    for (const roles of [['unit_head'], ['unit_head', 'clinician']] as const) {
      expect(navFor(roles).filter((i) => i.href === '/vardnadshavare/blockera').map((i) => i.endpoint)).toEqual(['POST /guardian-blocks']);
    }
  });

  it('keeps the care pages from the service desk and the auditor', () => {
    expect(labels(['service_desk'])).not.toEqual(expect.arrayContaining(['Enhetens ärenden']));
    for (const label of ['Begär upplåsning', 'Begär försegling', 'Blockera vårdnadshavare', 'Enhetens ärenden', 'Omprövningar']) {
      expect(labels(['service_desk'])).not.toContain(label);
      expect(labels(['auditor'])).not.toContain(label);
    }
  });
});
