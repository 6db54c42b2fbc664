import { ArgumentMetadata, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { AuditRecord, ChainVerification } from '@accessdesk/audit';
import {
  CaseListView,
  CaseRequest,
  CaseView,
  CompletionRequest,
  DeadLetterListView,
  DeadLetterPurgeRequest,
  DeadLetterReplayRequest,
  DeadLetterView,
  GuardianBlockRequest,
  GuardianBlockView,
  GuardianTaskUpdateRequest,
  GuardianUnblockRequest,
  PROBLEM_BASE,
  PaperworkRequest,
  Problem,
  RegistryReferenceRequest,
  ResidentStatusRequest,
  ReviewDecisionRequest,
  ReviewDecisionView,
  ReviewList,
  ReviewView,
  VerificationRequest,
  VoidRequest,
  WorkItemCompletionRequest,
  WorkItemList,
  WorkItemView,
  problem,
} from '@accessdesk/contracts';
import { OpenApiCheck } from '../../test/openapi-check';
import { GATEWAY_CONTROLLERS } from '../app.module';
import { AuditByResidentRequest, AuditExportRequest } from '../audit/audit.controller';
import { AuditTrail } from '../audit/audit.response';
import { AuthGuard } from '../auth/auth.guard';
import { AskService } from '../http/ask.service';
import { strictValidationPipe } from '../problems/validation';
import { ProblemException } from '../problems/problem.exception';
import { ResidentStatusAnswer } from '../residents/resident-status.response';
import { buildOpenApiDocument } from './openapi';

/**
 * `T` with every optional field present, at any depth: an example typed so names every field of its
 * contract, and a field the contract gains fails the typecheck here until the example shows it, and
 * then this test until the documentation describes it.
 */
type Complete<T> = T extends readonly (infer U)[] ? Complete<U>[] : T extends object ? { [K in keyof T]-?: Complete<T[K]> } : T;

/** The document the gateway serves at /docs-json, built from its controllers without a broker or a database. */
async function gatewayDocument(): Promise<OpenAPIObject> {
  const moduleRef = await Test.createTestingModule({ controllers: GATEWAY_CONTROLLERS, providers: [{ provide: AskService, useValue: {} }] })
    .overrideGuard(AuthGuard)
    .useValue({ canActivate: () => true })
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

// Answers as the services give them (the end-to-end stories show their shape): synthetic people of
// the simulators' fixtures, personnummer with valid check digits.

const CASE_ID = '3e2c8d0a-8c1f-4f5e-9a44-1c9d2b7e5f01';
const BLOCK_ID = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const REVIEW_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const UNLOCK_ID = '0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const DR_A = 'SE2321000131-E000000000011';
const VGR_UNIT = { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Testköping' };
const AT = '2026-11-20T09:31:02.120Z';

const closedLock: Complete<CaseView> = {
  id: CASE_ID,
  registryNumber: 'VGR-2026-000001',
  type: 'LOGIN_LOCK',
  status: 'CLOSED',
  region: 'VGR',
  channel: 'FORM',
  outcome: 'EXECUTED',
  paperwork: 'NOT_REQUIRED',
  paperworkSender: null,
  review: { id: REVIEW_ID, outcome: null },
  guardianBlockId: null,
  voidReason: null,
  lockedByRegion: 'VGR',
  effects: ['Invånaren kan inte logga in på 1177 e-tjänster.'],
  advice: ['Tänk på att invånaren inte heller kan läsa sin journal via 1177.'],
  relatedCases: [{ id: UNLOCK_ID, registryNumber: 'VGR-2026-000002', type: 'LOGIN_UNLOCK', status: 'CLOSED', relation: 'LIFTED_BY' }],
  relatedCasesTruncated: false,
  requestingUnit: VGR_UNIT,
  protectedIdentity: false,
  registryCategory: { main: '1177 e-tjänster', sub: 'Låsa konto vårdpersonal' },
  registryReference: { system: 'Plexus', reference: 'PX-2026-4711', recordedBy: 'SE2321000131-E000000000013', recordedAt: AT },
  createdAt: '2026-11-20T09:31:00.004Z',
  updatedAt: AT,
  timeline: [
    { at: '2026-11-20T09:31:00.004Z', status: 'RECEIVED', by: DR_A, note: 'Ärendet registrerat' },
    { at: AT, status: 'CLOSED', by: 'system:intake', note: 'Ärendet avslutat' },
  ],
};

/** A case just filed: nothing decided yet, and the fields the contract makes optional left out. */
const { lockedByRegion: _l, protectedIdentity: _p, registryCategory: _c, registryReference: _r, relatedCasesTruncated: _t, ...received } = closedLock;
const receivedLock: CaseView = {
  ...received,
  status: 'RECEIVED',
  outcome: null,
  review: null,
  relatedCases: [],
  timeline: [closedLock.timeline[0]],
};

const guardianBlock: Complete<GuardianBlockView> = {
  id: BLOCK_ID,
  registryNumber: 'VGR-2026-VB-000001',
  region: 'VGR',
  status: 'UNBLOCKING',
  channel: 'E_FORM',
  urgent: false,
  guardians: [
    { personnummer: '197805141236', blocked: true },
    { personnummer: '198009302467', blocked: true },
  ],
  requestingUnit: VGR_UNIT,
  linkedLock: { caseId: CASE_ID, registryNumber: 'VGR-2026-000003' },
  ehrNote: 'Administrativ anteckning, sökord Åtgärd: vårdnadshavarnas åtkomst till barnets journal spärras.',
  effects: ['Vårdnadshavarna kan inte se barnets journal på 1177.'],
  tasks: [
    { id: 'c0ffee00-1234-4abc-8def-000000000001', kind: 'EHR_SMS_REMINDERS', title: 'Ta bort vårdnadshavarens mobilnummer', status: 'DONE', doneAt: AT, doneBy: 'SE2321000131-E000000000015', note: 'Borttaget' },
    { id: 'c0ffee00-1234-4abc-8def-000000000002', kind: 'EHR_NOTE', title: 'Skriv anteckningen i journalen', status: 'OPEN', doneAt: null, doneBy: null, note: null },
  ],
  confirmationSentAt: AT,
  unblock: { requestedAt: AT, threatCheck: { checkedAt: AT, summary: 'Ingen kvarstående hotbild' }, ehrNote: 'Spärren hävs.' },
  createdAt: '2026-11-20T09:31:00.004Z',
  updatedAt: AT,
  timeline: [{ at: AT, status: 'UNBLOCKING', by: 'SE2321000131-E000000000012', note: 'Hävning begärd' }],
};

const statusRef = { id: CASE_ID, registryNumber: 'VGR-2026-000001', type: 'JOURNAL_SEAL' as const, status: 'EXECUTED' as const, createdAt: AT };
const residentStatus: Complete<ResidentStatusAnswer> = {
  identityNumberKind: 'PERSONNUMMER',
  login: { locked: true, lockedByRegion: 'KRONOBERG', lockCase: null, seenAt: AT },
  seal: { sealed: true, sealedByRegion: 'VGR', scope: { whole: false, careProviders: ['SE2321000131-E000000000000'], careUnits: [], from: '2026-01-01', to: null }, sealCase: statusRef },
  cases: [statusRef, { ...statusRef, type: 'GUARDIAN_BLOCK', status: 'BLOCKED' }],
  casesTruncated: true,
  guardianBlocks: [{ guardianBlockId: BLOCK_ID, registryNumber: 'VGR-2026-VB-000001', region: 'VGR', status: 'BLOCKED', blockedGuardians: ['197805141236'] }],
  incomplete: ['guardian-block'],
};

const workItem: Complete<WorkItemView> = {
  id: 'b7e1c2d3-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  kind: 'MANUAL_EXECUTION',
  queue: 'SERVICE_DESK',
  status: 'OPEN',
  region: 'JONKOPING',
  caseId: CASE_ID,
  registryNumber: 'JONKOPING-2026-000001',
  action: 'JOURNAL_SEAL',
  title: 'Försegla journalen i personalverktyget – JONKOPING-2026-000001',
  details: ['Hela journalen'],
  escalated: false,
  subject: { personnummer: '199001012385', guardianPersonnummer: ['197805141236'], sealScope: { whole: true } },
  protectedIdentity: false,
  createdAt: AT,
  completedAt: null,
  completedBy: null,
  resolution: null,
};

const review: Complete<ReviewView> = {
  id: REVIEW_ID,
  caseId: CASE_ID,
  registryNumber: 'VGR-2026-000001',
  region: 'VGR',
  requestingUnitHsaId: VGR_UNIT.hsaId,
  decidedByHsaId: DR_A,
  executedAt: AT,
  dueAt: '2027-02-20T09:31:02.120Z',
  status: 'DECIDED',
  overdue: false,
  remindedAt: AT,
  escalatedAt: null,
  outcome: 'UNLOCK',
  decidedAt: AT,
};

const decision: Complete<ReviewDecisionView> = { reviewId: REVIEW_ID, lockCaseId: CASE_ID, outcome: 'UNLOCK', unlockCaseId: UNLOCK_ID, unlockRegistryNumber: 'VGR-2026-000002' };

const auditRecord: Complete<AuditRecord> = {
  seq: 7,
  id: 'd4c3b2a1-0f9e-4d8c-b7a6-5e4d3c2b1a09',
  at: AT,
  region: 'VGR',
  actor: { sub: DR_A, name: 'Dr A', region: 'VGR', roles: ['clinician'], unit: VGR_UNIT.hsaId, careProvider: 'SE2321000131-E000000000000', origin: '127.0.0.1' },
  origin: '127.0.0.1',
  action: 'CASE_READ',
  caseId: CASE_ID,
  residentRef: '9f86d081884c7d659a2feaa0c55ad015',
  detail: null,
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};
const trail: Complete<AuditTrail> = {
  records: [{ ...auditRecord, trail: 'intake' }, { ...auditRecord, seq: 2, trail: 'guardian-block' }, { ...auditRecord, seq: null, prevHash: null, hash: null, trail: 'intake' }],
  nextCursor: null,
  truncated: false,
};
const CURSOR = 'eyJ0Ijp7ImludGFrZSI6eyJhZnRlclNlcSI6N319fQ';

const caseList: Complete<CaseListView> = {
  items: [
    {
      id: CASE_ID,
      registryNumber: 'VGR-2026-000001',
      type: 'LOGIN_LOCK',
      status: 'CLOSED',
      region: 'VGR',
      channel: 'FORM',
      outcome: 'EXECUTED',
      requestingUnit: VGR_UNIT,
      protectedIdentity: false,
      createdAt: '2026-11-20T09:31:00.004Z',
      updatedAt: AT,
    },
  ],
  nextCursor: CURSOR,
  truncated: true,
};

const auditCsvExample = '\uFEFF"trail","seq"\r\n"intake","7"\r\n';

const whole: ChainVerification = { valid: true, records: 12, lastHash: 'c'.repeat(64), unlinked: { count: 1, first: [{ id: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6', at: AT }] } };
const broken: ChainVerification = { valid: false, records: 3, brokenAt: null, reason: 'a record of another region does not fit' };

const deadLetter: Complete<DeadLetterView> = {
  queue: 'identity-check.events',
  messageId: 'e5d4c3b2-a1f0-4e9d-8c7b-6a5f4e3d2c1b',
  type: 'intake.case.received.v1',
  caseId: CASE_ID,
  region: 'VGR',
  diedAt: AT,
  reason: 'invalid payload: resident.personnummer',
  failures: 0,
  deaths: 1,
};
const deadLetters: Complete<DeadLetterListView> = { queues: [{ queue: 'identity-check.events', deadLetters: 1 }], items: [deadLetter], truncated: false };

/** Every operation with an answer it gives, as its service sends it. */
const ANSWERS: Array<[string, number, unknown]> = [
  ['POST /api/v1/cases', 201, receivedLock],
  ['GET /api/v1/cases/{id}', 200, closedLock],
  ['GET /api/v1/cases/{id}', 200, { ...closedLock, status: 'VOIDED', outcome: null, voidReason: 'Fel invånare', lockedByRegion: null, registryCategory: null, registryReference: null }],
  ['POST /api/v1/cases/{id}/completion', 200, receivedLock],
  ['POST /api/v1/cases/{id}/paperwork', 200, { ...closedLock, channel: 'EMERGENCY_PHONE', paperwork: 'RECEIVED', paperworkSender: 'STAFF' }],
  ['POST /api/v1/cases/{id}/verification', 200, receivedLock],
  ['POST /api/v1/cases/{id}/void', 200, { ...receivedLock, status: 'VOIDED', voidReason: 'Fel invånare' }],
  ['POST /api/v1/cases/{id}/registry-reference', 200, closedLock],
  ['POST /api/v1/guardian-blocks', 201, { ...guardianBlock, status: 'EXECUTING', linkedLock: null, unblock: null, confirmationSentAt: null }],
  ['GET /api/v1/guardian-blocks/{id}', 200, guardianBlock],
  ['POST /api/v1/guardian-blocks/{id}/unblock', 200, guardianBlock],
  ['PATCH /api/v1/guardian-blocks/{id}/tasks/{taskId}', 200, guardianBlock],
  ['POST /api/v1/residents/status', 200, residentStatus],
  ['POST /api/v1/residents/status', 200, { ...residentStatus, incomplete: undefined, login: { locked: false, lockedByRegion: null, lockCase: null }, seal: { sealed: false, sealedByRegion: null, scope: null, sealCase: null } }],
  ['GET /api/v1/cases', 200, caseList],
  ['GET /api/v1/cases', 200, { items: [], nextCursor: null, truncated: false }],
  [
    'GET /api/v1/work-items',
    200,
    {
      items: [workItem, { ...workItem, kind: 'FAILED_EXECUTION', status: 'DONE', subject: null, action: null, completedAt: AT, completedBy: DR_A, resolution: 'RETRY' }],
      nextCursor: CURSOR,
      truncated: true,
    } satisfies Complete<WorkItemList>,
  ],
  ['POST /api/v1/work-items/{id}/complete', 200, { ...workItem, status: 'DONE', subject: null, completedAt: AT, completedBy: DR_A, resolution: 'DONE' }],
  ['GET /api/v1/reviews', 200, { reviews: [review, { ...review, status: 'SCHEDULED', remindedAt: null, outcome: null, decidedAt: null }], nextCursor: CURSOR, truncated: true } satisfies Complete<ReviewList>],
  ['POST /api/v1/reviews/{id}/decision', 200, decision],
  ['POST /api/v1/reviews/{id}/decision', 200, { ...decision, outcome: 'KEEP_LOCKED', unlockCaseId: null, unlockRegistryNumber: null }],
  ['GET /api/v1/audit', 200, trail],
  ['POST /api/v1/audit/search', 200, trail],
  ['POST /api/v1/audit/search', 200, { ...trail, nextCursor: CURSOR, truncated: true }],
  ['GET /api/v1/audit/export', 200, auditCsvExample],
  ['POST /api/v1/audit/export', 200, auditCsvExample],
  ['GET /api/v1/audit/verify', 200, { valid: true, records: 12, trails: { intake: whole, 'guardian-block': whole } }],
  ['GET /api/v1/audit/verify', 200, { valid: false, records: 15, brokenAt: { trail: 'guardian-block' }, reason: broken.valid ? '' : broken.reason, trails: { intake: whole, 'guardian-block': broken } }],
  ['GET /api/v1/dead-letters', 200, deadLetters],
  ['GET /api/v1/dead-letters/{messageId}', 200, { deadLetter, envelope: { id: deadLetter.messageId, type: deadLetter.type, payload: { resident: { personnummer: '19900101****' } } } }],
  ['POST /api/v1/dead-letters/replay', 200, { replayed: [deadLetter] }],
  ['POST /api/v1/dead-letters/purge', 200, { purged: 3 }],
];

/** Problems as the services and the gateway raise them, with the extension members they carry. */
const PROBLEMS: Array<[string, number, Problem]> = [
  ['POST /api/v1/cases', 401, problem('unauthorized', 401, 'Authentication required', 'A bearer token is required.')],
  ['POST /api/v1/cases', 403, problem('unlock-by-other-region', 403, 'Only the region that requested the lock can lift it (R10)', 'The login was locked at the request of region KRONOBERG.', { lockedByRegion: 'KRONOBERG' })],
  ['POST /api/v1/cases', 403, problem('unseal-by-other-region', 403, 'Only the region that sealed the journal can lift the seal (R21)', undefined, { sealedByRegion: 'KRONOBERG' })],
  ['POST /api/v1/cases', 409, problem('lift-in-progress', 409, 'An unlock of this lock is already under way (R10)', 'Case VGR-2026-000002 lifts it.', { caseId: UNLOCK_ID })],
  ['POST /api/v1/cases', 422, problem('lock-reason-on-unlock', 422, 'An unlock cites unlock reasons, not lock reasons (R11)', undefined, { allowedReasons: ['NEED_NO_LONGER_EXISTS'] })],
  ['POST /api/v1/cases', 422, problem('channel-not-offered', 422, 'The region does not receive requests by this channel (R22, R24)', undefined, { channels: ['FORM', 'E_FORM'] })],
  ['POST /api/v1/cases', 422, problem('external-party-other-region', 422, 'An external party’s request is handled by the resident’s home region (R15)', undefined, { homeRegion: 'JAMTLAND', homeRegionName: 'Region Jämtland Härjedalen' })],
  ['POST /api/v1/cases', 429, problem('too-many-requests', 429, 'Too many requests', 'Slow down; try again in 2 s.')],
  ['GET /api/v1/cases/{id}', 404, problem('case-not-found', 404, 'Case not found', 'No case with this id is visible to you.')],
  ['GET /api/v1/audit/verify', 503, problem('service-unavailable', 503, 'Service unavailable', 'The service did not answer in time.')],
];

/** Request bodies as the stories send them; each passes the gateway's validation pipe. */
const REQUESTS: Array<[string, Type<object>, object]> = [
  [
    'POST /api/v1/cases',
    CaseRequest,
    {
      type: 'LOGIN_LOCK',
      resident: { personnummer: '199001012385', name: 'Tova Testsson' },
      channel: 'FORM',
      initiator: { kind: 'STAFF', description: '' },
      decision: {
        decidedBy: { hsaId: DR_A, name: 'Dr A', role: 'CLINICIAN' },
        decidedAt: '2026-11-20T09:00:00Z',
        reasons: ['THREAT'],
        motivation: 'Hotbild mot patienten via 1177.',
        journalNoteRef: 'Journalanteckning 2026-11-20',
        chiefPhysicianInformedAt: '2026-11-20T09:30:00Z',
      },
      patientInformed: { informed: false, reasonIfNot: 'Patientens säkerhet' },
      signature: { signedBy: DR_A, signedAt: '2026-11-20T09:05:00Z' },
      requestingUnit: { ...VGR_UNIT, headEmail: 'verksamhetschef@testkoping.example' },
      relatedCaseId: null,
      sealScope: null,
    },
  ],
  [
    'POST /api/v1/cases',
    CaseRequest,
    {
      type: 'JOURNAL_SEAL',
      resident: { personnummer: '199001012385', name: 'Tova Testsson' },
      channel: 'EMERGENCY_PHONE',
      initiator: { kind: 'RELATIVE', description: 'Modern ringde' },
      decision: { decidedBy: { hsaId: DR_A, name: 'Dr A', role: 'CLINICIAN', email: null }, decidedAt: '2026-11-20T09:00:00Z', reasons: ['THREAT'], motivation: 'Hot', journalNoteRef: null },
      patientInformed: { informed: true, reasonIfNot: null },
      signature: null,
      requestingUnit: { ...VGR_UNIT, headEmail: 'verksamhetschef@testkoping.example' },
      sealScope: { careProviders: ['SE2321000131-E000000000000'], from: '2026-01-01', to: null },
      emergencyCall: { caller: { hsaId: DR_A, name: 'Dr A' }, callBack: { number: '+46 36 123 45', calledAt: '2026-11-20T09:02:00Z' } },
    },
  ],
  ['POST /api/v1/cases/{id}/completion', CompletionRequest, { signature: { signedBy: DR_A, signedAt: '2026-11-21T08:00:00Z' }, comment: 'Underskrift kompletterad' }],
  ['POST /api/v1/cases/{id}/paperwork', PaperworkRequest, { receivedAt: '2026-11-21T08:00:00Z', signature: null, decision: null, patientInformed: null, note: 'Blanketten kom med post', resident: null }],
  ['POST /api/v1/cases/{id}/verification', VerificationRequest, { outcome: 'VERIFIED', calledAt: '2026-11-20T10:00:00Z', note: 'Ringde upp via HSA-numret' }],
  ['POST /api/v1/cases/{id}/void', VoidRequest, { reason: 'Registrerat på fel invånare' }],
  ['POST /api/v1/cases/{id}/registry-reference', RegistryReferenceRequest, { system: 'Plexus', reference: 'PX-2026-4711' }],
  [
    'POST /api/v1/guardian-blocks',
    GuardianBlockRequest,
    {
      child: { personnummer: '201604202448', name: 'Lo Exempelsson' },
      guardians: [{ personnummer: '197805141236' }, { personnummer: '198009302467' }],
      channel: 'E_FORM',
      urgent: false,
      decision: { decidedBy: { hsaId: 'SE2321000131-E000000000012', name: 'Bo Berg', role: 'UNIT_HEAD' }, decidedAt: '2026-11-20T09:00:00Z', reasons: ['THREAT'], motivation: 'Hot mot barnet' },
      requestingUnit: { ...VGR_UNIT, headEmail: 'verksamhetschef@testkoping.example' },
      confirmationEmails: ['verksamhetschef@testkoping.example'],
      period: { from: '2026-11-20', to: null },
      guardianInformedBy: 'Kurator Karin Karlsson',
      concernReported: true,
    },
  ],
  [
    'POST /api/v1/guardian-blocks/{id}/unblock',
    GuardianUnblockRequest,
    {
      guardians: [{ personnummer: '197805141236' }],
      threatCheck: { otherUnitsConsulted: true, socialServicesConsulted: true, checkedAt: '2026-12-01T09:00:00Z', summary: 'Ingen kvarstående hotbild' },
      decision: { decidedBy: { hsaId: 'SE2321000131-E000000000012', name: 'Bo Berg', role: 'UNIT_HEAD' }, decidedAt: '2026-12-01T09:00:00Z', reasons: ['THREAT_NO_LONGER_EXISTS'], motivation: 'Hotet upphört' },
    },
  ],
  ['PATCH /api/v1/guardian-blocks/{id}/tasks/{taskId}', GuardianTaskUpdateRequest, { status: 'DONE', note: 'Mobilnumret borttaget' }],
  ['POST /api/v1/residents/status', ResidentStatusRequest, { personnummer: '199001012385' }],
  ['POST /api/v1/work-items/{id}/complete', WorkItemCompletionRequest, { result: 'ALREADY_IN_STATE', executedAt: '2026-11-20T10:00:00Z', observed: 'Låst på begäran av Region Kronoberg', lockedByRegion: 'KRONOBERG' }],
  ['POST /api/v1/work-items/{id}/complete', WorkItemCompletionRequest, { resolution: 'RETRY', note: 'Personalverktyget svarar igen' }],
  [
    'POST /api/v1/reviews/{id}/decision',
    ReviewDecisionRequest,
    {
      outcome: 'UNLOCK',
      decision: { decidedBy: { hsaId: DR_A, name: 'Dr A', role: 'CLINICIAN' }, decidedAt: '2027-02-20T09:00:00Z', reasons: ['NEED_NO_LONGER_EXISTS'], motivation: 'Behovet har upphört' },
      patientInformed: { informed: true },
      signature: { signedBy: DR_A, signedAt: '2027-02-20T09:05:00Z' },
      residentName: 'Tova Testsson',
    },
  ],
  ['POST /api/v1/audit/search', AuditByResidentRequest, { personnummer: '199001012385' }],
  ['POST /api/v1/audit/search', AuditByResidentRequest, { personnummer: '199001012385', actorHsaId: DR_A, from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', limit: 100, cursor: CURSOR }],
  ['POST /api/v1/audit/search', AuditByResidentRequest, { actorHsaId: DR_A }],
  ['POST /api/v1/audit/export', AuditExportRequest, { personnummer: '199001012385', from: '2026-11-01T00:00:00Z', limit: 10_000 }],
  ['POST /api/v1/dead-letters/replay', DeadLetterReplayRequest, { queue: 'identity-check.events', messageIds: ['e5d4c3b2-a1f0-4e9d-8c7b-6a5f4e3d2c1b'] }],
  ['POST /api/v1/dead-letters/purge', DeadLetterPurgeRequest, { queue: 'intake.rpc' }],
];

/** The problem the gateway's validation pipe answers to `body`, or null when the body is valid. */
async function validationProblem(cls: Type<object>, body: object): Promise<Problem | null> {
  const metadata: ArgumentMetadata = { type: 'body', metatype: cls };
  try {
    await strictValidationPipe().transform(structuredClone(body), metadata);
    return null;
  } catch (err) {
    if (err instanceof ProblemException) return err.problem;
    throw err;
  }
}

describe('the OpenAPI document (/docs-json)', () => {
  let document: OpenAPIObject;
  let check: OpenApiCheck;

  beforeAll(async () => {
    document = await gatewayDocument();
    check = new OpenApiCheck(document);
  });

  it('describes every answer an operation gives: its success as application/json with a schema, each error as application/problem+json with the Problem schema', () => {
    const undescribed: string[] = [];
    for (const operation of check.operations()) {
      const [method, path] = operation.split(' ');
      const responses = (document.paths[path] as Record<string, { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }>)[method.toLowerCase()].responses;
      for (const [status, response] of Object.entries(responses)) {
        const content = Object.keys(response.content ?? {});
        const success = (type: string) => content.length === 1 && !!response.content?.[type]?.schema;
        // An audit extract is text/csv (issue 11); every other success is JSON.
        const described = operation.endsWith('/audit/export') ? success('text/csv') : success('application/json');
        if (Number(status) < 400 && !described) undescribed.push(`${operation} ${status}: ${content.join(', ') || 'no content'}`);
        if (Number(status) >= 400 && !(content.length === 1 && response.content?.['application/problem+json']?.schema?.$ref === '#/components/schemas/Problem')) {
          undescribed.push(`${operation} ${status}: ${content.join(', ') || 'no content'}`);
        }
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('names, for every operation, the errors any call can meet: no valid token, a role not admitted, too many calls, a service that did not answer', () => {
    const missing = check.operations().flatMap((operation) => [401, 403, 429, 503].filter((status) => check.answerErrors(operation, status, problem('x', status, 'x')).length > 0).map((s) => `${operation} ${s}`));
    expect(missing).toEqual([]);
  });

  it('has an example answer of every operation here, so none goes unchecked', () => {
    expect(check.operations().filter((operation) => !ANSWERS.some(([o]) => o === operation))).toEqual([]);
  });

  it.each(ANSWERS)('%s answers %i as documented, every field named with its type', (operation, status, body) => {
    expect(check.answerErrors(operation, status, body, operation.endsWith('/audit/export') ? 'text/csv' : undefined)).toEqual([]);
  });

  it('refuses an answer with a field the document does not name, or a field of the wrong type or value', () => {
    expect(check.answerErrors('GET /api/v1/cases/{id}', 200, { ...closedLock, unheardOf: true })).toEqual([expect.stringContaining('unheardOf')]);
    expect(check.answerErrors('GET /api/v1/cases/{id}', 200, { ...closedLock, timeline: [{ ...closedLock.timeline[0], seenBy: DR_A }] })).toEqual([expect.stringContaining('seenBy')]);
    expect(check.answerErrors('GET /api/v1/cases/{id}', 200, { ...closedLock, registryNumber: 17 })).not.toEqual([]);
    expect(check.answerErrors('GET /api/v1/cases/{id}', 200, { ...closedLock, status: 'LOST' })).not.toEqual([]);
    expect(check.answerErrors('GET /api/v1/cases/{id}', 200, { ...closedLock, createdAt: 'yesterday' })).not.toEqual([]);
    const { timeline: _t, ...withoutTimeline } = closedLock;
    expect(check.answerErrors('GET /api/v1/cases/{id}', 200, withoutTimeline)).not.toEqual([]);
    expect(check.answerErrors('POST /api/v1/residents/status', 200, { ...residentStatus, incomplete: ['intake'] })).not.toEqual([]);
    expect(check.answerErrors('GET /api/v1/cases/{id}', 418, closedLock)).toEqual(['GET /api/v1/cases/{id} documents no 418 answer']);
  });

  it('refuses a request body that breaks a documented rule', () => {
    expect(check.requestErrors('POST /api/v1/cases/{id}/registry-reference', { reference: '-PX 4711' })).not.toEqual([]);
    expect(check.requestErrors('POST /api/v1/cases/{id}/registry-reference', { reference: 'Ärende 4711' })).toEqual([]);
    expect(check.requestErrors('POST /api/v1/residents/status', { personnummer: '19900101-2385' })).not.toEqual([]);
    expect(check.requestErrors('POST /api/v1/cases', { ...REQUESTS[0][2], decision: undefined })).not.toEqual([]);
  });

  it.each(PROBLEMS)('%s answers %i as a problem document of the Problem schema', (operation, status, body) => {
    expect(body.type.startsWith(PROBLEM_BASE)).toBe(true);
    expect(check.answerErrors(operation, status, body)).toEqual([]);
  });

  it('describes the validation pipe’s own problem, field by field', async () => {
    const refused = await validationProblem(CaseRequest, { ...REQUESTS[0][2], channel: 'PIGEON', surprise: 1 });
    expect(refused?.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/channel' }), expect.objectContaining({ pointer: '/surprise' })]));
    expect(check.answerErrors('POST /api/v1/cases', 400, refused)).toEqual([]);
    expect(check.answerErrors('POST /api/v1/cases', 400, { ...refused, errors: [{ pointer: '/channel' }] })).not.toEqual([]);
  });

  it.each(REQUESTS)('documents the request body of %s as the validation pipe applies it', async (operation, cls, body) => {
    expect(await validationProblem(cls, body)).toBeNull();
    expect(check.requestErrors(operation, body)).toEqual([]);
    // Unknown fields are refused by both.
    expect(await validationProblem(cls, { ...body, surprise: 1 })).not.toBeNull();
    expect(check.requestErrors(operation, { ...body, surprise: 1 })).not.toEqual([]);
  });

  it('keeps DESIGN.md’s names: the Case answer is CaseView, the request bodies are the contracts’ classes', () => {
    const schemas = Object.keys(document.components?.schemas ?? {});
    expect(schemas).toEqual(expect.arrayContaining(['CaseView', 'CaseRequest', 'SignatureDto', 'SealScopeDto', 'Problem']));
    // Messages and configuration have validation rules too, but are no part of the HTTP API.
    expect(schemas.filter((name) => /V\d+$|Config|Issuer|Envelope/.test(name))).toEqual([]);
  });
});
