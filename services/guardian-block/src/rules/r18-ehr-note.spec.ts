import { draftBlockNote, draftUnblockNote, periodText } from './r18-ehr-note';

const decidedBy = { name: 'Anna Chef', hsaId: 'SE2321000131-E000000000021' };

describe('R18 the EHR note of a guardian block', () => {
  const input = {
    registryNumber: 'JONKOPING-2026-VB-000001',
    guardianCount: 1,
    decidedBy,
    decidedAt: '2026-11-20T09:00:00Z',
    motivation: 'Barnet riskerar betydande men',
    guardianInformedBy: 'Kurator Berit Bok',
    period: { from: '2026-12-01T00:00:00Z', to: '2027-06-01T00:00:00Z' },
    alreadyInEffect: false,
  };

  it('is an "Administrativ anteckning" under the keyword "Åtgärd" with what, period, who decided, basis and who informed', () => {
    const note = draftBlockNote(input);
    const lines = note.split('\n');
    expect(lines[0]).toBe('Administrativ anteckning');
    expect(lines[1]).toBe('Sökord: Åtgärd');
    expect(note).toContain('Blockering av en vårdnadshavares åtkomst till barnets journal och e-tjänster på 1177 (ärende JONKOPING-2026-VB-000001)');
    expect(note).toContain('Period: 2026-12-01 – 2027-06-01');
    expect(note).toContain('Beslut: Anna Chef (SE2321000131-E000000000021), verksamhetschef, 2026-11-20');
    expect(note).toContain('Grund för beslutet: Barnet riskerar betydande men');
    expect(note).toContain('Vårdnadshavaren informerad av: Kurator Berit Bok');
  });

  it('002: a report of concern to social services made is written into the basis; none stated, nothing said', () => {
    const lines = draftBlockNote({ ...input, concernReported: true }).split('\n');
    const basis = lines.findIndex((l) => l.startsWith('Grund för beslutet:'));
    expect(lines[basis + 1]).toBe('Orosanmälan till socialförvaltningen har gjorts.');
    expect(draftBlockNote(input)).not.toContain('Orosanmälan');
    expect(draftBlockNote({ ...input, concernReported: false })).not.toContain('Orosanmälan');
  });

  it('names both guardians when both are blocked, and leaves the period out when none is given', () => {
    const note = draftBlockNote({ ...input, guardianCount: 2, period: null });
    expect(note).toContain('båda vårdnadshavarnas åtkomst');
    expect(note).not.toContain('Period:');
  });

  it('R20: says that nothing was blocked for a protected child 0–12', () => {
    const note = draftBlockNote({ ...input, alreadyInEffect: true });
    expect(note).toContain('Ingen blockering behövdes');
    expect(note).not.toContain('låses samtidigt');
  });

  it('describes an open-ended or closing period', () => {
    expect(periodText({ from: '2026-12-01' })).toBe('från 2026-12-01, tills blockeringen tas bort');
    expect(periodText({ to: '2027-06-01T00:00:00Z' })).toBe('till 2027-06-01');
    expect(periodText(undefined)).toBeNull();
  });

  it('R19: the unblock note records the threat check and that the child’s login is not unlocked with it', () => {
    const note = draftUnblockNote({
      registryNumber: 'JONKOPING-2026-VB-000001',
      guardianCount: 2,
      decidedBy,
      decidedAt: '2027-03-01T09:00:00Z',
      motivation: 'Ingen hotbild kvarstår',
      threatCheck: { checkedAt: '2027-02-28T10:00:00Z', summary: 'BUP och socialtjänsten ser ingen hotbild' },
    });
    expect(note.split('\n').slice(0, 2)).toEqual(['Administrativ anteckning', 'Sökord: Åtgärd']);
    expect(note).toContain('Borttagande av blockering av båda vårdnadshavarnas åtkomst');
    expect(note).toContain('Kontroll av hotbild 2027-02-28');
    expect(note).toContain('socialtjänsten: BUP och socialtjänsten ser ingen hotbild');
    expect(note).toContain('upplåsning begärs i ett eget ärende');
  });
  it('R18 dates the note on the Swedish calendar: a decision at 00:30 on 21 November is dated the 21st', () => {
    const note = draftBlockNote({ ...input, decidedAt: '2026-11-20T23:30:00Z' });
    expect(note).toContain('verksamhetschef, 2026-11-21');
  });
});
