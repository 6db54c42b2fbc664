import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import {
  CaseConcludedV1,
  CaseEndedV1,
  CaseRefusedV1,
  CaseReturnedV1,
  Envelope,
  EmailSentV1,
  GuardianBlockConcludedV1,
  MessageContract,
  PaperworkOverdueV1,
  ReviewDueV1,
  systemActor,
} from '@accessdesk/contracts';
import { createEnvelope } from '@accessdesk/messaging';
import { RegionConfig } from '@accessdesk/platform';
import { ServiceHarness, pollUntil, startServiceUnderTest } from '@accessdesk/testing';
import { AppModule } from './app.module';
import { NotificationConfig } from './notification.config';

/** One retry after 2 s, plus margin. */
const RETRY_DEADLINE_MS = 15_000;
const HEAD_EMAIL = 'verksamhetschef@vc-aby.example.se';
const REQUESTER_EMAIL = 'lakare@vc-aby.example.se';
/** R24: the test's VGR copies every feedback e-mail here (the shipped configuration lists none). */
const FEEDBACK_COPY = 'registrator@vgr.example';
const UNIT = { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Åby', headEmail: HEAD_EMAIL };

interface ReceivedMail {
  to: string[];
  subject: string;
  messageId: string;
  text: string;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`) back to text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, _charset: string, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

/** Just enough MIME for the single-part plain-text e-mails nodemailer writes. */
function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  let body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  if (encoding === 'quoted-printable') {
    body = Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  } else if (encoding === 'base64') {
    body = Buffer.from(body, 'base64').toString('utf8');
  }
  return { to, subject: decodeWords(headers.get('subject') ?? ''), messageId: headers.get('message-id') ?? '', text: body.replace(/\r\n/g, '\n') };
}

/** A mail server that keeps what it receives and can refuse the next recipients with a transient 451. */
class FakeMailServer {
  readonly mails: ReceivedMail[] = [];
  refuseNext = 0;
  readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo: (_address, _session, callback) => {
      if (this.refuseNext > 0) {
        this.refuseNext -= 1;
        return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      }
      callback();
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        this.mails.push(parseMail(Buffer.concat(chunks).toString('latin1'), session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }
}

function concluded(overrides: Partial<CaseConcludedV1> = {}): CaseConcludedV1 {
  return {
    caseId: randomUUID(),
    registryNumber: 'VGR-2026-000007',
    caseType: 'LOGIN_LOCK',
    outcome: 'EXECUTED',
    concludedAt: '2026-11-20T09:05:00.000Z',
    requestingUnit: UNIT,
    decidedByHsaId: 'SE2321000131-E000000000011',
    effects: ['Invånaren kan inte logga in på 1177 e-tjänster.'],
    advice: ['Låsningen ska omprövas efter tre månader av begärande vårdpersonal.'],
    ...overrides,
  };
}

function envelopeOf(payload: CaseConcludedV1): Envelope<CaseConcludedV1> {
  return createEnvelope(CaseConcludedV1, payload, {
    correlationId: payload.caseId,
    causationId: payload.caseId,
    region: 'VGR',
    actor: systemActor('intake', 'VGR'),
  });
}

/** An event of another service about one case (or guardian block), in region VGR. */
function eventOf<P extends object>(contract: MessageContract<P>, payload: P, caseId: string, service: string): Envelope<P> {
  return createEnvelope(contract, payload, { correlationId: caseId, causationId: caseId, region: 'VGR', actor: systemActor(service, 'VGR') });
}

/** The shipped regions file with VGR copying its feedback e-mails to FEEDBACK_COPY (R24). */
function writeRegionsFile(dir: string): { path: string; vgr: RegionConfig } {
  const shipped = JSON.parse(readFileSync(join(__dirname, '../../../config/regions.json'), 'utf8')) as { regions: RegionConfig[] };
  const regions = shipped.regions.map((r) => (r.code === 'VGR' ? { ...r, feedbackCopyTo: [FEEDBACK_COPY] } : r));
  const path = join(dir, 'regions.json');
  writeFileSync(path, JSON.stringify({ regions }));
  const vgr = regions.find((r) => r.code === 'VGR');
  if (!vgr) throw new Error('config/regions.json has no VGR');
  return { path, vgr };
}

describe('notification against the real broker and database', () => {
  const mailServer = new FakeMailServer();
  const configDir = mkdtempSync(join(tmpdir(), 'notification-test-'));
  const { path: regionsFile, vgr } = writeRegionsFile(configDir);
  let harness: ServiceHarness;

  beforeAll(async () => {
    await new Promise<void>((resolve) => mailServer.server.listen(0, '127.0.0.1', resolve));
    // The driver stands in for intake: it concludes cases and listens for the feedback being sent.
    harness = await startServiceUnderTest({
      appModule: AppModule.forRoot,
      configClass: NotificationConfig,
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mailServer.port), REGIONS_CONFIG_FILE: regionsFile },
      observe: [EmailSentV1],
    });
  });

  afterAll(async () => {
    await harness?.close();
    await new Promise<void>((resolve) => mailServer.server.close(() => resolve()));
    rmSync(configDir, { recursive: true, force: true });
  });

  function sentFor(caseId: string): Envelope<EmailSentV1>[] {
    return harness.observedOf(EmailSentV1, (s) => s.payload.caseId === caseId);
  }

  async function nothingPending(): Promise<void> {
    await pollUntil(async () => {
      const [{ n }] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM notification.notifications WHERE status = 'PENDING'`);
      return n === 0;
    }, { what: 'no pending e-mails' });
  }

  it('R8 R24 sends the Swedish feedback e-mail to the unit head and the region\'s copy address once, and reports it once, however often the case is concluded', async () => {
    const payload = concluded();
    const envelope = envelopeOf(payload);
    await harness.publish(envelope);

    const [reported] = await pollUntil(() => (sentFor(payload.caseId).length > 0 ? sentFor(payload.caseId) : undefined), {
      what: 'notification.email-sent.v1',
    });
    expect(reported).toMatchObject({ correlationId: payload.caseId, causationId: envelope.id, region: 'VGR', actor: { sub: 'system:notification' } });
    expect(reported.payload).toMatchObject({ caseId: payload.caseId, recipients: 2, kind: 'FEEDBACK' });

    const mails = mailServer.mails.filter((m) => m.messageId === `<${reported.payload.notificationId}@accessdesk.se>`);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.to).toEqual([HEAD_EMAIL, FEEDBACK_COPY]);
    expect(mail.subject).toBe('Återkoppling: låsning av inloggning på 1177 verkställd – VGR-2026-000007');
    expect(mail.text).toContain(`Med vänlig hälsning\n${vgr.serviceDesk.name}\n${vgr.name}\n`);
    expect(mail.text).toContain('Hej Vårdcentralen Åby,');
    expect(mail.text).toContain('verkställd 2026-11-20 kl. 10:05');
    expect(mail.text).toContain('• Invånaren kan inte logga in på 1177 e-tjänster.');
    expect(mail.text).toContain('Låsningen ska omprövas efter tre månader');
    expect(mail.text).not.toMatch(/\d{12}/);

    // The same event again (a relay that published twice) and the same case concluded in a new message.
    await harness.publishAgain(envelope);
    const again = envelopeOf(payload);
    await harness.publish(again);
    await harness.handled(again);
    await nothingPending();
    const [{ published }] = await harness.dataSource.query(
      `SELECT count(*)::int AS published FROM notification.outbox WHERE routing_key = $1 AND envelope->'payload'->>'caseId' = $2`,
      [EmailSentV1.type, payload.caseId],
    );
    expect(published).toBe(1);
    expect(mailServer.mails.filter((m) => m.subject.endsWith('VGR-2026-000007'))).toHaveLength(1);
    expect(sentFor(payload.caseId)).toHaveLength(1);
    const [row] = await harness.dataSource.query(`SELECT status, attempts, message_id FROM notification.notifications WHERE case_id = $1`, [payload.caseId]);
    expect(row).toEqual({ status: 'SENT', attempts: 1, message_id: mail.messageId });
  });

  it('tells the unit that a resident without a 1177 account could not be locked, after a mail server that asked to try again for one recipient, each recipient once', async () => {
    // The server refuses the first recipient (the unit head) with 451 and takes the copy address:
    // the retry goes to the unit head only.
    mailServer.refuseNext = 1;
    const payload = concluded({ registryNumber: 'VGR-2026-000008', outcome: 'NOT_APPLICABLE', effects: [], advice: [] });
    await harness.publish(envelopeOf(payload));

    await pollUntil(() => sentFor(payload.caseId)[0], { what: 'notification.email-sent.v1', timeoutMs: RETRY_DEADLINE_MS });
    const mails = mailServer.mails.filter((m) => m.subject.endsWith('VGR-2026-000008'));
    expect(mails.map((m) => m.to)).toEqual([[FEEDBACK_COPY], [HEAD_EMAIL]]);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(1);
    expect(mails[0].subject).toBe('Återkoppling: låsning av inloggning på 1177 ej aktuell – invånaren saknar konto på 1177 – VGR-2026-000008');
    const [row] = await harness.dataSource.query(`SELECT status, attempts, delivered_to FROM notification.notifications WHERE case_id = $1`, [payload.caseId]);
    expect(row).toEqual({ status: 'SENT', attempts: 2, delivered_to: [HEAD_EMAIL, FEEDBACK_COPY] });
  });

  it('sends nothing for a FAILED case', async () => {
    const payload = concluded({ outcome: 'FAILED', effects: [], advice: [] });
    const envelope = envelopeOf(payload);
    await harness.publish(envelope);
    await harness.handled(envelope);
    const rows = await harness.dataSource.query(`SELECT 1 FROM notification.notifications WHERE case_id = $1`, [payload.caseId]);
    expect(rows).toHaveLength(0);
  });

  /**
   * One event, delivered, delivered again (a relay that published twice), and published once more in
   * a new message: exactly one e-mail of the kind, to the given addresses, reported once with its kind.
   */
  async function sendsExactlyOnce(envelope: Envelope, caseId: string, kind: string, to: string[]): Promise<ReceivedMail> {
    const ofKind = () => sentFor(caseId).filter((s) => s.payload.kind === kind);
    await harness.publish(envelope);
    const [reported] = await pollUntil(() => (ofKind().length > 0 ? ofKind() : undefined), { what: `${kind} e-mail for case ${caseId} sent` });
    expect(reported).toMatchObject({ correlationId: caseId, causationId: envelope.id, region: 'VGR', actor: { sub: 'system:notification' } });
    expect(reported.payload).toMatchObject({ caseId, recipients: to.length, kind });

    await harness.publishAgain(envelope);
    const again = { ...envelope, id: randomUUID() };
    await harness.publish(again);
    await harness.handled(again);
    await nothingPending();

    expect(ofKind()).toHaveLength(1);
    const rows = await harness.dataSource.query(`SELECT status, recipients FROM notification.notifications WHERE case_id = $1 AND kind = $2`, [caseId, kind]);
    expect(rows).toEqual([{ status: 'SENT', recipients: to }]);
    const mails = mailServer.mails.filter((m) => m.messageId === `<${reported.payload.notificationId}@accessdesk.se>`);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mailServer.mails.filter((m) => m.subject === mail.subject)).toHaveLength(1);
    expect(mail.to).toEqual(to);
    expect(`${mail.subject}\n${mail.text}`).not.toMatch(/\d{12}/);
    return mail;
  }

  function sentBack(registryNumber: string): CaseReturnedV1 {
    return {
      caseId: randomUUID(),
      registryNumber,
      caseType: 'LOGIN_LOCK',
      reasons: ['Blanketten är inte signerad av den som fattat beslutet.'],
      requestingUnit: UNIT,
      at: '2026-11-20T09:05:00.000Z',
    };
  }

  function reviewDue(registryNumber: string, stage: ReviewDueV1['stage']): ReviewDueV1 {
    return {
      reviewId: randomUUID(),
      caseId: randomUUID(),
      registryNumber,
      stage,
      requestingUnit: UNIT,
      requesterEmail: REQUESTER_EMAIL,
      dueAt: '2027-02-20T09:05:00.000Z',
    };
  }

  function paperworkOverdue(registryNumber: string, stage: PaperworkOverdueV1['stage']): PaperworkOverdueV1 {
    return { caseId: randomUUID(), registryNumber, stage, sender: 'RESIDENT', requestingUnit: UNIT, pendingSince: '2026-11-20T21:40:00.000Z' };
  }

  function guardianBlockConcluded(registryNumber: string, overrides: Partial<GuardianBlockConcludedV1> = {}): GuardianBlockConcludedV1 {
    return {
      guardianBlockId: randomUUID(),
      registryNumber,
      kind: 'BLOCK',
      outcome: 'EXECUTED',
      guardianCount: 1,
      confirmationEmails: ['chef@bup.example.se', 'kurator@bup.example.se'],
      requestingUnitName: 'BUP Göteborg',
      urgent: true,
      effects: ['Vårdnadshavaren kan inte agera ombud för barnet i 1177 e-tjänster.'],
      linkedLockRegistryNumber: 'VGR-2026-000099',
      concludedAt: '2026-11-20T09:05:00.000Z',
      ...overrides,
    };
  }

  it('R4 returns a case for completion to the unit head, once per return', async () => {
    const payload = sentBack('VGR-2026-000101');
    const mail = await sendsExactlyOnce(eventOf(CaseReturnedV1, payload, payload.caseId, 'intake'), payload.caseId, 'RETURN_FOR_COMPLETION', [HEAD_EMAIL]);
    expect(mail.subject).toBe('Retur för komplettering: låsning av inloggning på 1177 – VGR-2026-000101');
    expect(mail.text).toContain('• Blanketten är inte signerad av den som fattat beslutet.');
    expect(mail.text).toContain('Komplettera ärendet');

    // Completed, checked and returned again: a new return, so a new e-mail. Its reason quotes an
    // operator's note that holds a personnummer, which the e-mail masks.
    const reasons = ['signerarens identitet kunde inte verifieras per telefon: fel nummer till 199001012385'];
    const second = eventOf(CaseReturnedV1, { ...payload, at: '2026-11-22T08:00:00.000Z', reasons }, payload.caseId, 'intake');
    await harness.publish(second);
    await pollUntil(() => sentFor(payload.caseId).length === 2, { what: 'the second return e-mail' });
    const returns = mailServer.mails.filter((m) => m.subject.endsWith('VGR-2026-000101'));
    expect(returns).toHaveLength(2);
    expect(returns[1].text).toContain('• signerarens identitet kunde inte verifieras per telefon: fel nummer till [personnummer]');
    expect(returns[1].text).not.toContain('199001012385');
  });

  it('R4 tells the unit head that a case was refused', async () => {
    const payload: CaseRefusedV1 = { ...sentBack('VGR-2026-000102'), reasons: ['Vårdgivaren finns inte på regionens lista över godkända privata vårdgivare.'] };
    const mail = await sendsExactlyOnce(eventOf(CaseRefusedV1, payload, payload.caseId, 'intake'), payload.caseId, 'REFUSAL', [HEAD_EMAIL]);
    expect(mail.subject).toBe('Avvisat ärende: låsning av inloggning på 1177 – VGR-2026-000102');
    expect(mail.text).toContain('har avvisats');
  });

  it('R9 reminds the requester of a due review', async () => {
    const payload = reviewDue('VGR-2026-000103', 'REMINDER');
    const mail = await sendsExactlyOnce(eventOf(ReviewDueV1, payload, payload.caseId, 'review-scheduler'), payload.caseId, 'REVIEW_REMINDER', [REQUESTER_EMAIL]);
    expect(mail.subject).toBe('Påminnelse: omprövning av låst inloggning på 1177 – VGR-2026-000103');
    expect(mail.text).toContain('Låsningen hävs aldrig automatiskt.');
  });

  it('R9 reminds the unit head when the form gave no requester address', async () => {
    const payload = { ...reviewDue('VGR-2026-000104', 'REMINDER'), requesterEmail: null };
    await sendsExactlyOnce(eventOf(ReviewDueV1, payload, payload.caseId, 'review-scheduler'), payload.caseId, 'REVIEW_REMINDER', [HEAD_EMAIL]);
  });

  it('R9 escalates an overdue review to the unit head', async () => {
    const payload = reviewDue('VGR-2026-000105', 'ESCALATION');
    const mail = await sendsExactlyOnce(eventOf(ReviewDueV1, payload, payload.caseId, 'review-scheduler'), payload.caseId, 'REVIEW_ESCALATION', [HEAD_EMAIL]);
    expect(mail.subject).toBe('Försenad omprövning av låst inloggning på 1177 – VGR-2026-000105');
  });

  it('R12 reminds the unit head of an emergency lock\'s missing form that the resident was to send', async () => {
    const payload = paperworkOverdue('VGR-2026-000106', 'REMINDER');
    const mail = await sendsExactlyOnce(eventOf(PaperworkOverdueV1, payload, payload.caseId, 'review-scheduler'), payload.caseId, 'PAPERWORK_REMINDER', [HEAD_EMAIL]);
    expect(mail.subject).toBe('Påminnelse: blankett saknas för akut låsning på 1177 – VGR-2026-000106');
    expect(mail.text).toContain('invånaren skickar blanketten');
  });

  it('R12 R24 escalates a still missing form to the unit head and the region\'s service desk mailbox', async () => {
    const payload = paperworkOverdue('VGR-2026-000107', 'ESCALATION');
    const mail = await sendsExactlyOnce(eventOf(PaperworkOverdueV1, payload, payload.caseId, 'review-scheduler'), payload.caseId, 'PAPERWORK_ESCALATION', [
      HEAD_EMAIL,
      vgr.serviceDesk.email,
    ]);
    expect(mail.subject).toBe('Eskalering: blankett saknas för akut låsning på 1177 – VGR-2026-000107');
  });

  it('R18 R24 confirms an urgent guardian block to every address in the request, signed by the contact centre', async () => {
    const payload = guardianBlockConcluded('VGR-2026-000108');
    const mail = await sendsExactlyOnce(
      eventOf(GuardianBlockConcludedV1, payload, payload.guardianBlockId, 'guardian-block'),
      payload.guardianBlockId,
      'GUARDIAN_BLOCK_CONFIRMATION',
      payload.confirmationEmails,
    );
    expect(mail.subject).toBe('Brådskande: Bekräftelse på genomförd blockering av vårdnadshavare – VGR-2026-000108');
    expect(mail.text).toContain('Låsningen är ett eget ärende med diarienummer VGR-2026-000099.');
    expect(mail.text).toContain(`Med vänlig hälsning\n${vgr.contactCentre.name}\n`);
  });

  it('R18 R19 confirms a guardian unblock of the same block separately, and a failed then executed unblock twice', async () => {
    const block = guardianBlockConcluded('VGR-2026-000109', { urgent: false, confirmationEmails: ['chef@bup.example.se'] });
    await harness.publish(eventOf(GuardianBlockConcludedV1, block, block.guardianBlockId, 'guardian-block'));
    await pollUntil(() => sentFor(block.guardianBlockId).length === 1, { what: 'the block confirmation' });

    const failed = { ...block, kind: 'UNBLOCK' as const, outcome: 'FAILED' as const, concludedAt: '2026-12-01T09:00:00.000Z' };
    const mail = await sendsExactlyOnce(
      eventOf(GuardianBlockConcludedV1, failed, block.guardianBlockId, 'guardian-block'),
      block.guardianBlockId,
      'GUARDIAN_UNBLOCK_CONFIRMATION',
      ['chef@bup.example.se'],
    );
    expect(mail.subject).toBe('Borttagande av blockering av vårdnadshavare ej genomfört – ärendet handläggs vidare – VGR-2026-000109');

    const executed = { ...failed, outcome: 'EXECUTED' as const, concludedAt: '2026-12-01T10:00:00.000Z' };
    await harness.publish(eventOf(GuardianBlockConcludedV1, executed, block.guardianBlockId, 'guardian-block'));
    await pollUntil(() => sentFor(block.guardianBlockId).length === 3, { what: 'the unblock confirmation after the failure' });
    expect(mailServer.mails.filter((m) => m.subject.endsWith('VGR-2026-000109')).map((m) => m.subject)).toEqual([
      'Bekräftelse på genomförd blockering av vårdnadshavare – VGR-2026-000109',
      'Borttagande av blockering av vårdnadshavare ej genomfört – ärendet handläggs vidare – VGR-2026-000109',
      'Bekräftelse på borttagen blockering av vårdnadshavare – VGR-2026-000109',
    ]);
  });

  it('R20 tells the guardian-block requester that a protected child\'s guardians already have no access', async () => {
    const payload = guardianBlockConcluded('VGR-2026-000110', { outcome: 'ALREADY_IN_EFFECT', urgent: false, effects: [], linkedLockRegistryNumber: null });
    const mail = await sendsExactlyOnce(
      eventOf(GuardianBlockConcludedV1, payload, payload.guardianBlockId, 'guardian-block'),
      payload.guardianBlockId,
      'GUARDIAN_BLOCK_CONFIRMATION',
      payload.confirmationEmails,
    );
    expect(mail.subject).toBe('Ingen blockering behövs – vårdnadshavare har redan ingen åtkomst – VGR-2026-000110');
    expect(mail.text).toContain('Barnet är 0–12 år och har skyddade personuppgifter.');
  });

  function ended(registryNumber: string, overrides: Partial<CaseEndedV1> = {}): CaseEndedV1 {
    return {
      caseId: randomUUID(),
      registryNumber,
      caseType: 'LOGIN_LOCK',
      ending: 'CLOSED_UNEXECUTED',
      endedAt: '2026-11-20T09:05:00.000Z',
      requestingUnit: UNIT,
      reasons: ['Personalverktyget svarade inte på hela dagen.'],
      ...overrides,
    };
  }

  it('R8 tells the unit head once that a lock that failed and was closed by the desk is NOT locked, and what to do next', async () => {
    const payload = ended('VGR-2026-000111');
    const mail = await sendsExactlyOnce(eventOf(CaseEndedV1, payload, payload.caseId, 'intake'), payload.caseId, 'CASE_ENDED', [HEAD_EMAIL]);
    expect(mail.subject).toBe('Ej verkställt – inloggningen är INTE låst: låsning av inloggning på 1177 – VGR-2026-000111');
    expect(mail.text.split('\n')[0]).toBe('Invånarens inloggning till 1177 är INTE låst.');
    expect(mail.text).toContain('Invånaren kan logga in på 1177 e-tjänster som tidigare.');
    expect(mail.text).toContain('• Personalverktyget svarade inte på hela dagen.');
    expect(mail.text).toContain('Så går ni vidare:');
    expect(mail.text).toContain(`Med vänlig hälsning\n${vgr.serviceDesk.name}\n${vgr.name}\n`);
  });

  it('R8 point 7: tells the unit head of a voided case about a resident with a protected identity, with nothing that locates them', async () => {
    const payload = ended('VGR-2026-000112', { ending: 'VOIDED', reasons: ['Fel invånare, rätt person vårdas på Vårdcentralen Åby'], protectedIdentity: true });
    const mail = await sendsExactlyOnce(eventOf(CaseEndedV1, payload, payload.caseId, 'intake'), payload.caseId, 'CASE_ENDED', [HEAD_EMAIL]);
    expect(mail.subject).toBe('Makulerat ärende – inloggningen är INTE låst: låsning av inloggning på 1177 – VGR-2026-000112');
    expect(mail.text).toContain('Invånaren har skyddade personuppgifter.');
    expect(`${mail.subject}\n${mail.text}`).not.toContain('Vårdcentralen Åby');
    expect(mail.text).not.toContain('Fel invånare');
  });

  it('R10 R8 tells the unit head that the login IS locked, at another region\'s request that only it can lift, without a review', async () => {
    const payload = concluded({ registryNumber: 'VGR-2026-000113', lockedByRegion: 'KRONOBERG' });
    const mail = await sendsExactlyOnce(envelopeOf(payload), payload.caseId, 'FEEDBACK', [HEAD_EMAIL, FEEDBACK_COPY]);
    expect(mail.subject).toBe('Återkoppling: inloggningen på 1177 ÄR låst – på begäran av Region Kronoberg – VGR-2026-000113');
    expect(mail.text.split('\n')[0]).toBe('Invånarens inloggning till 1177 ÄR låst, på begäran av Region Kronoberg.');
    expect(mail.text).toContain('bara hävas av Region Kronoberg');
    expect(mail.text).toContain('Ingen omprövning efter tre månader görs i det här ärendet');
    expect(mail.text).not.toContain('Låsningen ska omprövas efter tre månader');
  });

  it('R8 point 7: feedback and a return about a resident with a protected identity carry no unit name, effects or reasons', async () => {
    const feedback = concluded({ registryNumber: 'VGR-2026-000114', protectedIdentity: true, lockedByRegion: 'KRONOBERG' });
    const feedbackMail = await sendsExactlyOnce(envelopeOf(feedback), feedback.caseId, 'FEEDBACK', [HEAD_EMAIL, FEEDBACK_COPY]);
    expect(`${feedbackMail.subject}\n${feedbackMail.text}`).not.toMatch(/Vårdcentralen Åby|Kronoberg|Invånaren kan inte logga in/);
    expect(feedbackMail.text).toContain('Invånaren har skyddade personuppgifter.');

    const returned = { ...sentBack('VGR-2026-000115'), protectedIdentity: true };
    const returnMail = await sendsExactlyOnce(eventOf(CaseReturnedV1, returned, returned.caseId, 'intake'), returned.caseId, 'RETURN_FOR_COMPLETION', [HEAD_EMAIL]);
    expect(`${returnMail.subject}\n${returnMail.text}`).not.toMatch(/Vårdcentralen Åby|inte signerad/);
    expect(returnMail.text).toContain('Invånaren har skyddade personuppgifter.');
  });
});
