import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/**
 * The deployable product (deploy/, docker-compose.yml) keeps up with the services: every folder
 * under services/ is a compose service, an image the healthcheck knows, and (but the simulators) a
 * Kubernetes Deployment with its Service, probes and the restricted security context; and the
 * console's sign-in holds together in compose (one issuer URL) and in Kubernetes (https, its own Secret).
 * Parsing only: `docker compose config` and `kubectl kustomize deploy/k8s` check more (deploy/README.md).
 */
const ROOT = join(__dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the plain JS launcher that `npm start` runs
const { SERVICES } = require('./launcher') as { SERVICES: { name: string; port: number }[] };
const PORTS = new Map(SERVICES.map((s) => [s.name, s.port]));
const FOLDERS = readdirSync(join(ROOT, 'services'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

type Env = Record<string, string>;
interface ComposeService {
  build?: { args?: { SERVICE?: string } };
  environment?: Env;
  ports?: string[];
  network_mode?: string;
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService> };

interface K8sDoc {
  kind: string;
  metadata: { name: string };
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- manifests are checked field by field below
  data?: Env;
  stringData?: Env;
}
const k8sDocs = (file: string): K8sDoc[] => parseAllDocuments(read(`deploy/k8s/${file}`)).map((d) => d.toJS() as K8sDoc);
const kustomization = parse(read('deploy/k8s/kustomization.yaml')) as { resources: string[]; images: { name: string }[] };

describe('the deployable product has every service', () => {
  it('the launcher and services/ name the same services', () => {
    expect([...PORTS.keys()].sort()).toEqual(FOLDERS);
  });

  it.each(FOLDERS)('%s: a compose service built from the Dockerfile, and a port the image healthcheck knows', (name) => {
    expect(compose.services[name]?.build?.args?.SERVICE).toBe(name);
    expect(read('deploy/docker/healthcheck.js')).toMatch(new RegExp(`\\n  '?${name}'?: ${PORTS.get(name)},\\n`));
  });

  it.each(FOLDERS.filter((name) => name !== 'simulators'))('%s: a Deployment and Service in deploy/k8s, listed with its image', (name) => {
    expect(kustomization.resources).toContain(`${name}.yaml`);
    expect(kustomization.images.map((i) => i.name)).toContain(`accessdesk/${name}`);
    const docs = k8sDocs(`${name}.yaml`);
    const deployment = docs.find((d) => d.kind === 'Deployment' && d.metadata.name === name);
    const service = docs.find((d) => d.kind === 'Service' && d.metadata.name === name);
    const container = deployment?.spec.template.spec.containers[0];
    expect(container.image).toBe(`accessdesk/${name}:0.1.0`);
    expect(container.ports).toEqual([{ name: 'http', containerPort: PORTS.get(name) }]);
    expect(container.env).toContainEqual({ name: 'HTTP_PORT', value: String(PORTS.get(name)) });
    expect(service?.spec.ports).toEqual([{ name: 'http', port: PORTS.get(name), targetPort: 'http' }]);
    expect([container.startupProbe, container.livenessProbe, container.readinessProbe].map((p) => p?.httpGet.path)).toEqual(['/health/live', '/health/live', '/health/ready']);
    expect(deployment?.spec.template.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toEqual({ runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(deployment?.spec.template.spec.automountServiceAccountToken).toBe(false);
  });
});

describe("the console's sign-in in docker-compose.yml", () => {
  const { simulators, console: consoleService, gateway } = compose.services;
  const simulatorsEnv = simulators?.environment ?? {};
  const consoleEnv = consoleService?.environment ?? {};

  it('the console and the browser reach the provider under one issuer URL, and the gateway trusts it', () => {
    expect(consoleEnv.OIDC_ISSUER).toBe(simulatorsEnv.OIDC_ISSUER);
    // A loopback issuer is the same URL on the host and in the simulators' network namespace only.
    expect(new URL(consoleEnv.OIDC_ISSUER as string).hostname).toBe('127.0.0.1');
    expect(consoleService?.network_mode).toBe('service:simulators');
    expect(simulators?.ports).toContain(`${consoleEnv.HTTP_PORT}:${consoleEnv.HTTP_PORT}`);
    const auth = JSON.parse(read(gateway?.environment?.AUTH_CONFIG_FILE as string)) as { issuers: { issuer: string; jwksUrl?: string }[] };
    const trusted = auth.issuers.find((i) => i.issuer === consoleEnv.OIDC_ISSUER);
    expect(trusted?.jwksUrl).toBe(`http://simulators:${simulatorsEnv.SIMULATOR_HTTP_PORT}/oidc/jwks`);
  });

  it("the provider sends the browser back to the console's public URL", () => {
    expect(consoleEnv.CONSOLE_PUBLIC_URL).toBe(`http://127.0.0.1:${consoleEnv.HTTP_PORT}`);
    expect(simulatorsEnv.OIDC_CONSOLE_REDIRECT_URI).toBe(`${consoleEnv.CONSOLE_PUBLIC_URL}/auth/callback`);
    expect(simulatorsEnv.OIDC_CONSOLE_POST_LOGOUT_REDIRECT_URI).toBe(`${consoleEnv.CONSOLE_PUBLIC_URL}/utloggad`);
    expect(consoleEnv.GATEWAY_URL).toBe(`http://gateway:${gateway?.environment?.HTTP_PORT}`);
  });
});

describe('the console in deploy/k8s', () => {
  const env = k8sDocs('configmap-env.yaml')[0]?.data ?? {};

  it('is configured for production: https addresses, the gateway Service, NODE_ENV left to the image', () => {
    expect(env.CONSOLE_PUBLIC_URL).toMatch(/^https:\/\//);
    expect(env.OIDC_ISSUER).toMatch(/^https:\/\//);
    expect(env.NODE_ENV).toBeUndefined();
    expect(read('deploy/docker/Dockerfile')).toMatch(/ENV NODE_ENV=production/);
    const gateway = k8sDocs('gateway.yaml').find((d) => d.kind === 'Service');
    expect(env.GATEWAY_URL).toBe(`http://${gateway?.metadata.name}:${gateway?.spec.ports[0].port}`);
  });

  it('reads its client secret from a Secret of its own that the template describes', () => {
    const container = k8sDocs('console.yaml').find((d) => d.kind === 'Deployment')?.spec.template.spec.containers[0];
    const ref = container.env.find((e: { name: string }) => e.name === 'OIDC_CLIENT_SECRET')?.valueFrom?.secretKeyRef;
    const secret = k8sDocs('secret.example.yaml').find((d) => d.kind === 'Secret' && d.metadata.name === ref?.name);
    expect(secret?.stringData?.[ref?.key]).toMatch(/^CHANGE_ME/);
    expect(kustomization.resources).not.toContain('secret.example.yaml');
  });

  it('is published by its example Ingress, every path to the console Service', () => {
    expect(kustomization.resources).toContain('console-ingress.yaml');
    const ingress = k8sDocs('console-ingress.yaml')[0];
    expect(ingress?.spec.rules[0].http.paths).toEqual([{ path: '/', pathType: 'Prefix', backend: { service: { name: 'console', port: { name: 'http' } } } }]);
    expect(ingress?.spec.tls[0].hosts).toEqual([new URL(env.CONSOLE_PUBLIC_URL as string).hostname]);
  });
});
