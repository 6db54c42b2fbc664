import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { CaseRequest, CaseView, WorkItemView } from '@accessdesk/contracts';
import { RunningSystem, pollUntil } from '@accessdesk/testing';

/**
 * The shipped regions file with short periods, so that a story sees the review reminder (R9) and
 * the paperwork chase (R12) within seconds; everything else as shipped (JONKOPING in manual mode).
 */
export function shortPeriodRegionsFile(): string {
  const shipped = JSON.parse(readFileSync(join(__dirname, '../../../config/regions.json'), 'utf8')) as { regions: Array<Record<string, unknown>> };
  for (const region of shipped.regions) {
    Object.assign(region, { reviewPeriod: 'PT3S', reviewEscalationAfter: 'PT3S', paperworkReminderAfter: 'PT2S', paperworkEscalationAfter: 'PT4S' });
  }
  const path = join(mkdtempSync(join(tmpdir(), 'accessdesk-regions-')), 'regions.json');
  writeFileSync(path, JSON.stringify(shipped));
  return path;
}

export interface Person {
  sub: string;
  name: string;
  region: string;
  roles: string[];
  unit?: string;
  careProvider?: string;
}

/** The fixtures' care unit in VGR (Vårdcentralen Testköping), as a form names it. */
export const VGR_UNIT = { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Testköping', headEmail: 'verksamhetschef@testkoping.example' };

/** People of the fixtures whom most stories need: a clinician and the unit head of VGR_UNIT, and VGR's contact centre. */
export const FIXTURE_PEOPLE = {
  drA: { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician'], unit: VGR_UNIT.hsaId },
  bo: { sub: 'SE2321000131-E000000000012', name: 'Bo Berg', region: 'VGR', roles: ['unit_head'], unit: VGR_UNIT.hsaId },
  eva: { sub: 'SE2321000131-E000000000015', name: 'Eva Ek', region: 'VGR', roles: ['contact_centre'], unit: 'SE2321000131-E000000000004' },
} satisfies Record<string, Person>;

/** The last part of a problem document's `type`: the rule broken. */
export function problemType(res: { body: { type?: string } }): string | undefined {
  return res.body.type?.split('/').pop();
}

/** Every one of `people`, signed in against `system`, by the same keys. */
export async function signInAll<K extends string>(system: RunningSystem, people: Record<K, Person>): Promise<Record<K, Staff>> {
  const staff = {} as Record<K, Staff>;
  for (const key of Object.keys(people) as K[]) staff[key] = await new Staff(system, people[key]).signIn();
  return staff;
}

/** A person of the simulators' fixtures, with the calls they make through the gateway. */
export class Staff {
  private token = '';
  constructor(
    private readonly system: RunningSystem,
    readonly person: Person,
  ) {}

  async signIn(): Promise<this> {
    this.token = await this.system.token(this.person);
    return this;
  }

  private api() {
    return request(this.system.gatewayUrl);
  }

  get(path: string) {
    return this.api().get(`/api/v1${path}`).set('Authorization', `Bearer ${this.token}`);
  }

  post(path: string, body: object, idempotencyKey?: string) {
    const req = this.api().post(`/api/v1${path}`).set('Authorization', `Bearer ${this.token}`);
    return (idempotencyKey ? req.set('Idempotency-Key', idempotencyKey) : req).send(body);
  }

  patch(path: string, body: object) {
    return this.api().patch(`/api/v1${path}`).set('Authorization', `Bearer ${this.token}`).send(body);
  }

  /** Polls the case until `predicate` holds. */
  async caseWhen(id: string, predicate: (c: CaseView) => boolean, what: string): Promise<CaseView> {
    return pollUntil(
      async () => {
        const res = await this.get(`/cases/${id}`);
        return res.status === 200 && predicate(res.body as CaseView) ? (res.body as CaseView) : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 150, what: `case ${id}: ${what}` },
    );
  }

  caseIn(id: string, status: CaseView['status']): Promise<CaseView> {
    return this.caseWhen(id, (c) => c.status === status, `status ${status}`);
  }

  /** Polls the desk's inbox until an open item of `kind` on `caseId` is there. */
  async workItem(caseId: string, kind: WorkItemView['kind']): Promise<WorkItemView> {
    return pollUntil(
      async () => {
        const res = await this.get(`/work-items?kind=${kind}`);
        return res.status === 200 ? (res.body.items as WorkItemView[]).find((i) => i.caseId === caseId) : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 150, what: `${kind} work item of case ${caseId}` },
    );
  }
}

export async function mailsTo(system: RunningSystem, address: string): Promise<Array<{ subject: string; text: string; to: string[] }>> {
  const res = await fetch(`${system.simulatorUrl}/smtp-sink/messages?to=${encodeURIComponent(address)}`);
  return ((await res.json()) as { messages: Array<{ subject: string; text: string; to: string[] }> }).messages;
}

export function mailWith(system: RunningSystem, address: string, predicate: (m: { subject: string; text: string }) => boolean, what: string) {
  return pollUntil(async () => (await mailsTo(system, address)).find(predicate), { timeoutMs: 30_000, intervalMs: 150, what });
}

/** The staff tool's view of a resident's account (the simulator's, asked as execution asks it). */
export async function account(system: RunningSystem, personnummer: string): Promise<{ loginLocked: boolean; lockedByRegion: string | null; blockedGuardians: string[]; seal: unknown }> {
  const res = await fetch(`${system.simulatorUrl}/staff-tool/accounts/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personnummer }),
  });
  return (await res.json()) as { loginLocked: boolean; lockedByRegion: string | null; blockedGuardians: string[]; seal: unknown };
}

/** A complete form (R1–R3 met) from `decider`, for `unit`. */
export function form(decider: Person, unit: { hsaId: string; name: string; headEmail: string }, over: Partial<CaseRequest> & Pick<CaseRequest, 'resident'>): CaseRequest {
  const role = decider.roles.includes('unit_head') ? 'UNIT_HEAD' : decider.roles.includes('medical_lead') ? 'MEDICAL_LEAD' : 'CLINICIAN';
  // R11: an unlock or unseal cites why the restriction is no longer needed.
  const lifting = over.type === 'LOGIN_UNLOCK' || over.type === 'JOURNAL_UNSEAL';
  return {
    type: 'LOGIN_LOCK',
    channel: 'FORM',
    initiator: { kind: 'STAFF', description: '' },
    decision: {
      decidedBy: { hsaId: decider.sub, name: decider.name, role },
      decidedAt: '2026-11-20T09:00:00Z',
      reasons: lifting ? ['THREAT_NO_LONGER_EXISTS'] : ['THREAT'],
      motivation: 'Hotbild mot patienten via 1177.',
      journalNoteRef: 'Journalanteckning 2026-11-20 09:00',
      chiefPhysicianInformedAt: '2026-11-20T09:30:00Z',
    },
    patientInformed: { informed: false, reasonIfNot: 'Patientens säkerhet' },
    signature: { signedBy: decider.sub, signedAt: '2026-11-20T09:05:00Z' },
    requestingUnit: unit,
    relatedCaseId: null,
    sealScope: null,
    ...over,
  };
}
