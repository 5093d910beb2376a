// The stand-in provider's process: `main.ts aws`, started by
// Terraform as a plugin. It speaks go-plugin's handshake (magic cookie, protocol 6,
// AutoMTLS) and serves the tfplugin6 Provider service plus go-plugin's own services.
import {
  Server,
  ServerCredentials,
  loadPackageDefinition,
  type GrpcObject,
  type ServiceClientConstructor,
  type ServerDuplexStream,
  type ServerWritableStream,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, PROTOCOL_VERSION, handshakeLine } from './handshake.js';
import { providersByName } from './provider-list.js';
import { providerService } from './server.js';
import { makeServerCertificate } from './tls.js';

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

const name = process.argv[2] ?? '';
const definition = Object.hasOwn(providersByName, name)
  ? providersByName[name as keyof typeof providersByName]
  : fail(`usage: main.ts ${Object.keys(providersByName).join('|')}`);
// A process started without the magic cookie was not started by Terraform (or serve.ts).
if (process.env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
  fail(
    'This is a Terraform provider plugin (a stand-in for local use): Terraform starts it, it is not meant to be run directly.',
  );
}
const offered = (process.env.PLUGIN_PROTOCOL_VERSIONS ?? PROTOCOL_VERSION).split(',').map((v) => v.trim());
if (!offered.includes(PROTOCOL_VERSION))
  fail(`Terraform offers plugin protocol ${offered.join(', ')}; this provider speaks ${PROTOCOL_VERSION}.`);

const protos = loadPackageDefinition(
  loadSync(['tfplugin6.proto', 'go-plugin.proto', 'health.proto'], {
    includeDirs: [fileURLToPath(new URL('./protocol/', import.meta.url))],
    keepCase: true,
    longs: Number,
    enums: String,
    defaults: true,
    oneofs: true,
  }),
);
const service = (path: string): ServiceClientConstructor['service'] => {
  const found = path
    .split('.')
    .reduce<unknown>((node, part) => (node as GrpcObject)[part], protos) as ServiceClientConstructor;
  return found.service;
};

const server = new Server();
let stdio: ServerWritableStream<unknown, unknown> | undefined;
/** Ends once Terraform has read the last answers and hung up, or after a second regardless. */
const shutdown = (): void => {
  stdio?.end();
  server.tryShutdown(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
};

server.addService(service('tfplugin6.Provider'), providerService(definition as Parameters<typeof providerService>[0]));
server.addService(service('grpc.health.v1.Health'), {
  Check: (_call: unknown, callback: (error: null, response: object) => void) => callback(null, { status: 'SERVING' }),
});
server.addService(service('plugin.GRPCController'), {
  Shutdown: (_call: unknown, callback: (error: null, response: object) => void) => {
    callback(null, {});
    setImmediate(shutdown);
  },
});
// Terraform opens the broker stream for plugins that call back into it; this one never does.
server.addService(service('plugin.GRPCBroker'), {
  StartStream: (call: ServerDuplexStream<unknown, unknown>) => {
    call.on('data', () => {});
    call.on('end', () => call.end());
  },
});
// What the provider prints goes to stderr, which Terraform logs; the stdio stream stays open and quiet.
server.addService(service('plugin.GRPCStdio'), {
  StreamStdio: (call: ServerWritableStream<unknown, unknown>) => {
    stdio = call;
  },
});

// Interrupts go to Terraform, which ends its plugins through the controller when it is done.
process.on('SIGINT', () => {});
// A Terraform killed outright (SIGKILL, a crash) never asks for the shutdown: once the
// process that started this one is gone, the provider ends itself rather than linger.
const terraform = process.ppid;
const orphaned = setInterval(() => {
  if (process.ppid === terraform) return;
  clearInterval(orphaned);
  shutdown();
}, 500).unref();

const clientCert = process.env.PLUGIN_CLIENT_CERT;
const certificate = clientCert ? makeServerCertificate() : undefined;
const credentials = certificate
  ? ServerCredentials.createSsl(
      Buffer.from(clientCert!),
      [{ private_key: Buffer.from(certificate.keyPem), cert_chain: Buffer.from(certificate.certPem) }],
      true,
    )
  : ServerCredentials.createInsecure();

server.bindAsync('127.0.0.1:0', credentials, (error, port) => {
  if (error) fail(`cannot listen on 127.0.0.1: ${error.message}`);
  const cert = certificate ? certificate.der.toString('base64').replace(/=+$/, '') : '';
  process.stdout.write(handshakeLine(`127.0.0.1:${port}`, cert));
});
