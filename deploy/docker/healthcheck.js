// The image's HEALTHCHECK: exits 0 when this container's service answers GET /health/live.
// Runs inside the container, so 127.0.0.1 reaches the service (HTTP_HOST / SIMULATOR_HOST is 0.0.0.0
// there). The port is the one the service listens on; the defaults are those of tools/launcher.js.
const DEFAULT_PORTS = {
  gateway: 3000,
  intake: 3001,
  'identity-check': 3002,
  execution: 3003,
  'guardian-block': 3004,
  notification: 3005,
  'review-scheduler': 3006,
  console: 3007,
  simulators: 4000,
};
const TIMEOUT_MS = 3_000;

const service = process.env.SERVICE ?? '';
const port =
  (service === 'simulators' ? process.env.SIMULATOR_HTTP_PORT : process.env.HTTP_PORT) || DEFAULT_PORTS[service];

if (!port) {
  console.error(`healthcheck: no port known for SERVICE=${JSON.stringify(service)}`);
  process.exit(1);
}
fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(TIMEOUT_MS) }).then(
  (res) => process.exit(res.ok ? 0 : 1),
  (err) => {
    console.error(`healthcheck: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
