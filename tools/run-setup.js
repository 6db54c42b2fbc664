// What `npm run bench` and `npm run chaos` both need: a throw-away database and broker prefix, the
// development signing key and a token, a fixtures file of synthetic residents, the request body of a
// lock, and the clean-up of all of it afterwards.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');
const { QUEUES } = require('./launcher');
const { mintToken, DEV_ISSUER, DEV_AUDIENCE } = require('./dev-keys');

const DR_A = { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician'], unit: 'SE2321000131-E000000000001', careProvider: 'SE2321000131-E000000000000' };

function luhn(nine) {
  let sum = 0;
  for (let i = 0; i < nine.length; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** N synthetic adults with valid personnummer, all with a 1177 account. */
function syntheticResidents(n, surname = 'Person') {
  const residents = [];
  for (let i = 0; residents.length < n; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    const serial = 100 + Math.floor(i / 336);
    const yymmdd = `70${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
    const nine = `${yymmdd}${String(serial).padStart(3, '0')}`;
    residents.push({
      personnummer: `19${nine}${luhn(nine)}`,
      givenName: 'Test',
      surname: `${surname}${i}`,
      protectedIdentity: false,
      deceased: false,
      has1177Account: true,
      guardians: [],
    });
  }
  return residents;
}

/** A complete LOGIN_LOCK by Dr A (R1–R3 met) for `resident`, to `headEmail`. */
function lockBody(resident, headEmail, motivation) {
  return {
    type: 'LOGIN_LOCK',
    resident: { personnummer: resident.personnummer, name: `${resident.givenName} ${resident.surname}` },
    channel: 'E_FORM',
    initiator: { kind: 'STAFF', description: '' },
    decision: {
      decidedBy: { hsaId: DR_A.sub, name: DR_A.name, role: 'CLINICIAN' },
      decidedAt: '2026-11-20T09:00:00Z',
      reasons: ['THREAT'],
      motivation,
      journalNoteRef: motivation,
      chiefPhysicianInformedAt: '2026-11-20T09:30:00Z',
    },
    patientInformed: { informed: true },
    signature: { signedBy: DR_A.sub, signedAt: '2026-11-20T09:05:00Z' },
    requestingUnit: { hsaId: DR_A.unit, name: `${motivation} unit`, headEmail },
  };
}

/**
 * A run's own database, prefix, signing key, token (Dr A's) and fixtures with `residents`. The key
 * and the files live in a temporary folder that `cleanUp` removes with the database and topology.
 */
async function prepareRun(label, residents, { pgPort = 5432 } = {}) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `accessdesk-${label}-`));
  process.env.DEV_KEYS_DIR = work;
  const defaults = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'services', 'simulators', 'fixtures', 'default.json'), 'utf8'));
  const fixtures = path.join(work, 'fixtures.json');
  fs.writeFileSync(fixtures, JSON.stringify({ ...defaults, residents: [...defaults.residents, ...residents] }));
  const token = await mintToken(DR_A);
  const authConfig = path.join(work, 'auth.json');
  fs.writeFileSync(authConfig, JSON.stringify({ issuers: [{ issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwksFile: path.join(work, 'jwks.json') }] }));
  const id = randomBytes(4).toString('hex');
  // `test-…`: CI expires leftover queues of that prefix, should a run be killed before its clean-up.
  return {
    work,
    fixtures,
    token,
    authConfig,
    databaseUrl: `postgres://postgres@127.0.0.1:${pgPort}/accessdesk_${label}_test_${id}`,
    adminUrl: `postgres://postgres@127.0.0.1:${pgPort}/postgres`,
    prefix: `test-${label}-${id}.`,
  };
}

/** Removes what `prepareRun` and the system made: topology (delay queues too), database, files. */
async function cleanUp(run) {
  require('./register-paths');
  require('reflect-metadata');
  const { deleteTopology } = require('@accessdesk/messaging');
  await deleteTopology(run.prefix, QUEUES.map((q) => `${run.prefix}${q}`));
  const admin = new Client({ connectionString: run.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${new URL(run.databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
  await admin.end();
  fs.rmSync(run.work, { recursive: true, force: true });
}

module.exports = { DR_A, syntheticResidents, lockBody, prepareRun, cleanUp };
