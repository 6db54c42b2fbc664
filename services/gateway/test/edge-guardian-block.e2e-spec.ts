import { Client } from 'pg';
import { GuardianBlockView } from '@accessdesk/contracts';
import { RunningSystem, pollUntil, startTestSystem } from '@accessdesk/testing';
import { FIXTURE_PEOPLE, Person, Staff, VGR_UNIT, account, problemType, signInAll } from './story';

/**
 * Issue 8, points 5 and 6, and `concernReported` of point 9, through the public API: a guardian
 * block reaches the staff tool only when the staff directory knows its decision maker as a unit head
 * (R1, 002); a block ends CLOSED once every follow-up task is done, its free text reduced (R8), and
 * is still lifted after that (R19). VGR runs the staff tool over http, so the simulator's call log
 * shows what reached it.
 */

const people = {
  /** The head of VGR_UNIT in the staff directory. */
  bo: FIXTURE_PEOPLE.bo,
  /** VGR's contact centre, which files and follows up guardian blocks. */
  eva: FIXTURE_PEOPLE.eva,
} satisfies Record<string, Person>;

/** A clinician in the staff directory, not a unit head; and an HSA-id the directory does not have. */
const DR_A = { hsaId: 'SE2321000131-E000000000011', name: 'Dr A' };
const NOBODY = { hsaId: 'SE2321000131-E000000000777', name: 'Okänd Person' };

const LO = { personnummer: '201604202448', name: 'Lo Exempelsson' };
const ERIK = '197805141236';
const MARIA = '198009302467';
const VIKTOR = { personnummer: '201103083919', name: 'Viktor Östlund' };
const ASA = '197202292822';

const MOTIVATION = 'Pappan har hotat barnet enligt polisanmälan 2026-11-18';
const INFORMED_BY = 'Kurator Karin Karlsson, telefon 2026-11-20';
const TASK_NOTE = 'Mobilnumret 070-1112233 borttaget';

function blockBody(child: { personnummer: string; name: string }, guardians: string[], decidedBy: { hsaId: string; name: string }, over: Record<string, unknown> = {}) {
  return {
    child,
    guardians: guardians.map((personnummer) => ({ personnummer })),
    channel: 'E_FORM',
    urgent: false,
    decision: { decidedBy: { ...decidedBy, role: 'UNIT_HEAD' }, decidedAt: '2026-11-20T09:00:00Z', reasons: ['THREAT'], motivation: MOTIVATION },
    requestingUnit: VGR_UNIT,
    confirmationEmails: [VGR_UNIT.headEmail],
    guardianInformedBy: INFORMED_BY,
    ...over,
  };
}

describe('edges of guardian blocks (issue 8: R1, R8, R18, R19)', () => {
  let system: RunningSystem;
  let staff: Record<keyof typeof people, Staff>;

  beforeAll(async () => {
    system = await startTestSystem();
    staff = await signInAll(system, people);
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  /** The simulator's log of every call to the staff tool, as execution made them. */
  async function staffToolCalls(action: string): Promise<Array<{ action: string; status: number; replayed: boolean }>> {
    const res = await fetch(`${system.simulatorUrl}/staff-tool/calls`);
    return ((await res.json()) as { calls: Array<{ action: string; status: number; replayed: boolean }> }).calls.filter((c) => c.action === action);
  }

  async function blockWhen(id: string, predicate: (v: GuardianBlockView) => boolean, what: string): Promise<GuardianBlockView> {
    return pollUntil(
      async () => {
        const res = await staff.eva.get(`/guardian-blocks/${id}`);
        return res.status === 200 && predicate(res.body as GuardianBlockView) ? (res.body as GuardianBlockView) : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 150, what: `guardian block ${id}: ${what}` },
    );
  }

  it('R1 a block decided by someone the staff directory does not know as a unit head is refused, registers nothing and never reaches the staff tool', async () => {
    const before = await staffToolCalls('GUARDIAN_BLOCK');
    // Stated as the unit head's decision, but the directory lists Dr A as a clinician only.
    const byClinician = await staff.eva.post('/guardian-blocks', blockBody(VIKTOR, [ASA], DR_A), 'edge-guardian-clinician');
    expect(byClinician.status).toBe(422);
    expect(byClinician.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(problemType(byClinician)).toBe('guardian-block-decider-not-unit-head');
    expect(byClinician.body.detail).toContain('Nothing was registered');
    const byNobody = await staff.eva.post('/guardian-blocks', blockBody(VIKTOR, [ASA], NOBODY), 'edge-guardian-nobody');
    expect(byNobody.status).toBe(422);
    expect(problemType(byNobody)).toBe('guardian-block-decider-not-in-directory');
    for (const res of [byClinician, byNobody]) expect(JSON.stringify(res.body)).not.toMatch(/\d{12}/);

    // The same child blocked on the unit head's decision: its call is the only one that reaches the
    // staff tool, so by the time it is there, any call of the refused requests would be too.
    const valid = await staff.eva.post('/guardian-blocks', blockBody(VIKTOR, [ASA], { hsaId: people.bo.sub, name: people.bo.name }), 'edge-guardian-valid');
    expect(valid.status).toBe(201);
    await blockWhen(valid.body.id, (v) => v.status === 'BLOCKED', 'BLOCKED');
    const after = await staffToolCalls('GUARDIAN_BLOCK');
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ status: 200, replayed: false });
    expect((await account(system, VIKTOR.personnummer)).blockedGuardians).toEqual([ASA]);
  });

  it('R8 a block in effect with every follow-up task done is CLOSED and its free text reduced, in the API and the database; R19 it is still lifted', async () => {
    const filed = await staff.bo.post('/guardian-blocks', blockBody(LO, [ERIK, MARIA], { hsaId: people.bo.sub, name: people.bo.name }, { concernReported: true }), 'edge-guardian-close');
    expect(filed.status).toBe(201);
    const block = filed.body as GuardianBlockView;
    // 002: the report of concern is part of the decision's basis in the drafted EHR note.
    expect(block.ehrNote).toContain('Orosanmälan till socialförvaltningen har gjorts.');
    expect(block.ehrNote).toContain(MOTIVATION);
    const blocked = await blockWhen(block.id, (v) => v.status === 'BLOCKED', 'BLOCKED');
    expect((await account(system, LO.personnummer)).blockedGuardians.sort()).toEqual([ERIK, MARIA].sort());

    let last = blocked;
    for (const task of blocked.tasks) {
      const res = await staff.eva.patch(`/guardian-blocks/${block.id}/tasks/${task.id}`, { status: 'DONE', note: TASK_NOTE });
      expect(res.status).toBe(200);
      last = res.body as GuardianBlockView;
    }
    expect(last.status).toBe('CLOSED');
    expect(last.guardians.every((g) => g.blocked)).toBe(true);
    expect(last.timeline.at(-1)?.note).toContain('gäller tills den tas bort');
    const read = (await staff.eva.get(`/guardian-blocks/${block.id}`)).body as GuardianBlockView;
    for (const gone of [MOTIVATION, INFORMED_BY, TASK_NOTE, 'Orosanmälan', LO.name]) expect(JSON.stringify(read)).not.toContain(gone);
    expect(read.ehrNote).toContain('Grund för beslutet: [gallrad]');
    expect(read.ehrNote).toContain(`(ärende ${block.registryNumber})`);
    expect(read.ehrNote).toContain(`Beslut: ${people.bo.name} (${people.bo.sub}), verksamhetschef`);
    expect(read.tasks.every((t) => t.status === 'DONE' && t.note === '[gallrad]' && t.doneBy === people.eva.sub)).toBe(true);
    const status = await staff.bo.post('/residents/status', { personnummer: LO.personnummer });
    expect(status.body.guardianBlocks).toContainEqual(expect.objectContaining({ guardianBlockId: block.id, status: 'CLOSED', blockedGuardians: expect.arrayContaining([ERIK, MARIA]) }));

    // Behind the API, as for a closed case in intake: the form's free text is gone, who and what stay.
    const db = new Client({ connectionString: system.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT request, child_personnummer, registry_number, ehr_note FROM guardian_block.guardian_blocks WHERE id = $1`, [block.id]);
      expect(rows[0].request.child.name).toBe('[gallrad]');
      expect(rows[0].request.decision.motivation).toBe('[gallrad]');
      expect(rows[0].request.guardianInformedBy).toBe('[gallrad]');
      expect(rows[0].request.concernReported).toBeUndefined();
      expect(rows[0].ehr_note).not.toContain(MOTIVATION);
      expect(rows[0].child_personnummer).toBe(LO.personnummer);
      expect(rows[0].registry_number).toBe(block.registryNumber);
      expect(rows[0].request.decision.decidedBy.hsaId).toBe(people.bo.sub);
      expect(rows[0].request.guardians).toEqual([{ personnummer: ERIK }, { personnummer: MARIA }]);
      const notes = await db.query(
        `SELECT note FROM guardian_block.guardian_block_timeline WHERE guardian_block_id = $1 UNION ALL SELECT note FROM guardian_block.guardian_block_tasks WHERE guardian_block_id = $1`,
        [block.id],
      );
      expect(JSON.stringify(notes.rows)).not.toContain(TASK_NOTE);
    } finally {
      await db.end();
    }

    // R19: closed is not lifted; the unit head's unblock still goes to the staff tool.
    const unblock = {
      threatCheck: { otherUnitsConsulted: true, socialServicesConsulted: true, checkedAt: '2027-02-28T10:00:00Z', summary: 'BUP och socialtjänsten ser ingen hotbild' },
      decision: { decidedBy: { hsaId: people.bo.sub, name: people.bo.name, role: 'UNIT_HEAD' }, decidedAt: '2027-03-01T09:00:00Z', reasons: [], motivation: 'Ingen hotbild kvarstår' },
    };
    const lifted = await staff.bo.post(`/guardian-blocks/${block.id}/unblock`, unblock, 'edge-guardian-unblock');
    expect(lifted.status).toBe(200);
    expect(lifted.body.status).toBe('UNBLOCKING');
    const unblocked = await blockWhen(block.id, (v) => v.status === 'UNBLOCKED', 'UNBLOCKED');
    expect(unblocked.guardians.every((g) => !g.blocked)).toBe(true);
    expect((await account(system, LO.personnummer)).blockedGuardians).toEqual([]);
  });
});
