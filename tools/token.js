#!/usr/bin/env node
// npm run -s token -- --sub SE2321000131-E000000000011 --region VGR --roles clinician [--unit …] [--care-provider …] [--name …] [--ttl 1h]
// Prints a development token that only the development configuration trusts.
const { parseArgs } = require('node:util');
const { mintToken } = require('./dev-keys');

const ROLES = ['clinician', 'unit_head', 'medical_lead', 'service_desk', 'contact_centre', 'auditor', 'operator'];

async function main() {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      name: { type: 'string' },
      region: { type: 'string' },
      roles: { type: 'string' },
      unit: { type: 'string' },
      'care-provider': { type: 'string' },
      ttl: { type: 'string', default: '1h' },
    },
  });
  const missing = ['sub', 'region', 'roles'].filter((k) => !values[k]);
  if (missing.length) throw new Error(`missing --${missing.join(', --')}`);
  const roles = values.roles.split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = roles.filter((r) => !ROLES.includes(r));
  if (unknown.length) throw new Error(`unknown role(s) ${unknown.join(', ')}; known: ${ROLES.join(', ')}`);
  const token = await mintToken({
    sub: values.sub,
    name: values.name,
    region: values.region,
    roles,
    unit: values.unit,
    careProvider: values['care-provider'],
    ttl: values.ttl,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((err) => {
  process.stderr.write(`token: ${err.message}\n`);
  process.exit(2);
});
