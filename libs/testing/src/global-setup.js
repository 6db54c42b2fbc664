// Fails the run at once, with a clear message, when PostgreSQL or RabbitMQ is not there.
const { Client } = require('pg');
const { connect } = require('amqplib');

module.exports = async function globalSetup() {
  const pgUrl = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
  const pg = new Client({ connectionString: pgUrl });
  try {
    await pg.connect();
    await pg.end();
  } catch (err) {
    throw new Error(`PostgreSQL is not reachable at ${new URL(pgUrl).host}: ${err.message}. Start it (see README).`);
  }
  try {
    const conn = await connect(amqpUrl);
    await conn.close();
  } catch (err) {
    throw new Error(`RabbitMQ is not reachable at ${new URL(amqpUrl).host}: ${err.message}. Start it (see README).`);
  }
};
