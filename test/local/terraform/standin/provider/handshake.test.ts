// The stand-in as Terraform meets it: a process that refuses to run unless Terraform
// started it, then prints go-plugin's handshake line and serves tfplugin6 over mutual TLS.
import t from 'tap';
import {
  credentials,
  loadPackageDefinition,
  type GrpcObject,
  type ServiceClientConstructor,
  type Client,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import {
  UNKNOWN,
  decodeValue,
  encodeValue,
  type ObjectValue,
} from '../../../../../local/terraform/standin/provider/cty.js';
import { makeServerCertificate } from '../../../../../local/terraform/standin/provider/tls.js';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const COOKIE = { TF_PLUGIN_MAGIC_COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2' };

function start(provider: string, env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'local/terraform/standin/provider/main.ts', provider], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_V8_COVERAGE: process.env.NODE_V8_COVERAGE, ...env },
  });
}

async function exitOf(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

t.test('started without the magic cookie, it says what it is and exits', async (t) => {
  const { code, stderr } = await exitOf(start('aws', {}));
  t.equal(code, 1);
  t.match(stderr, /Terraform provider plugin/);
});

t.test('offered only protocol 5, it says it speaks 6 and exits', async (t) => {
  const { code, stderr } = await exitOf(start('aws', { ...COOKIE, PLUGIN_PROTOCOL_VERSIONS: '5' }));
  t.equal(code, 1);
  t.match(stderr, /speaks 6/);
});

const protos = loadPackageDefinition(
  loadSync(['tfplugin6.proto', 'go-plugin.proto'], {
    includeDirs: [fileURLToPath(new URL('../../../../../local/terraform/standin/provider/protocol/', import.meta.url))],
    keepCase: true,
    longs: Number,
    enums: String,
    defaults: true,
    oneofs: true,
  }),
);
type Unary = (request: object, callback: (error: Error | null, response: Record<string, unknown>) => void) => void;
const call = (client: Client, method: string, request: object): Promise<Record<string, unknown>> =>
  new Promise((resolve, reject) =>
    (client as unknown as Record<string, Unary>)[method]!.call(client, request, (error, response) =>
      error ? reject(error) : resolve(response),
    ),
  );

t.test('with AutoMTLS: the handshake line, then tfplugin6 for a client holding the named certificate', async (t) => {
  const client = makeServerCertificate();
  const child = start('aws', { ...COOKIE, PLUGIN_PROTOCOL_VERSIONS: '5,6', PLUGIN_CLIENT_CERT: client.certPem });
  const exited = exitOf(child);
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const fields = line.toString().trim().split('|');
  t.same(fields.slice(0, 3), ['1', '6', 'tcp']);
  t.match(fields[3], /^127\.0\.0\.1:\d+$/);
  t.equal(fields[4], 'grpc');
  t.notMatch(fields[5], /=/, 'base64 without padding, as go-plugin writes it');
  const server = new X509Certificate(Buffer.from(fields[5]!, 'base64'));
  t.equal(server.checkHost('localhost'), 'localhost');

  const tls = credentials.createSsl(
    Buffer.from(server.toString()),
    Buffer.from(client.keyPem),
    Buffer.from(client.certPem),
  );
  const options = { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' };
  const Provider = (protos.tfplugin6 as GrpcObject).Provider as ServiceClientConstructor;
  const provider = new Provider(fields[3]!, tls, options);
  const schema = await call(provider, 'GetProviderSchema', {});
  const resources = schema.resource_schemas as Record<
    string,
    { block: { attributes: { name: string; computed: boolean }[] } }
  >;
  t.ok(resources.aws_lambda_function, 'serves the aws schema');
  t.ok(resources.aws_lambda_function!.block.attributes.find((a) => a.name === 'arn')?.computed, 'arn is computed');

  // Planning a new function: what only apply knows is unknown; provider defaults fill what the configuration left out.
  const config: ObjectValue = Object.fromEntries(
    resources.aws_lambda_function!.block.attributes.map((a) => [a.name, null]),
  );
  Object.assign(config, {
    function_name: 'qr',
    role: 'arn:aws:iam::000000000000:role/r',
    memory_size: null,
    tags: { Team: 'qr' },
  });
  await call(provider, 'ConfigureProvider', {
    config: { msgpack: encodeValue({ region: 'eu-west-1', default_tags: [{ tags: { Project: 'p' } }] }) },
  });
  const plan = await call(provider, 'PlanResourceChange', {
    type_name: 'aws_lambda_function',
    prior_state: { msgpack: encodeValue(null) },
    proposed_new_state: { msgpack: encodeValue(config) },
    config: { msgpack: encodeValue(config) },
  });
  const planned = decodeValue((plan.planned_state as { msgpack: Uint8Array }).msgpack) as ObjectValue;
  t.equal(planned.arn, UNKNOWN, 'arn is known after apply');
  t.equal(planned.memory_size, 128, "the provider's default memory");
  t.equal(planned.region, 'eu-west-1', 'the provider region, planned');
  t.same(planned.tags_all, { Project: 'p', Team: 'qr' }, 'default_tags merged under the resource tags');
  const applied = await call(provider, 'ApplyResourceChange', {
    type_name: 'aws_lambda_function',
    prior_state: { msgpack: encodeValue(null) },
    planned_state: plan.planned_state,
    config: { msgpack: encodeValue(config) },
  });
  const state = decodeValue((applied.new_state as { msgpack: Uint8Array }).msgpack) as ObjectValue;
  t.equal(state.arn, 'arn:aws:lambda:eu-west-1:000000000000:function:qr');
  t.equal(
    state.invoke_arn,
    'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:000000000000:function:qr/invocations',
  );
  t.notOk(Object.values(state).includes(UNKNOWN), 'nothing is left unknown after apply');

  const unsupported = await call(provider, 'ValidateResourceConfig', {
    type_name: 'aws_s3_bucket',
    config: { msgpack: encodeValue({}) },
  });
  t.match(
    unsupported.diagnostics,
    [{ severity: 'ERROR', summary: 'Unsupported resource type' }],
    'a type outside the schema is an error diagnostic',
  );

  const Controller = (protos.plugin as GrpcObject).GRPCController as ServiceClientConstructor;
  const controller = new Controller(fields[3]!, tls, options);
  await call(controller, 'Shutdown', {});
  controller.close();
  provider.close();
  t.equal((await exited).code, 0, 'Shutdown ends the process');
});

t.test('without a client certificate the server is plain gRPC and the certificate field is empty', async (t) => {
  const child = start('aws', { ...COOKIE });
  const exited = exitOf(child);
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const fields = line.toString().trim().split('|');
  t.equal(fields[5], '');
  const Provider = (protos.tfplugin6 as GrpcObject).Provider as ServiceClientConstructor;
  const provider = new Provider(fields[3]!, credentials.createInsecure());
  const metadata = await call(provider, 'GetMetadata', {});
  t.ok(
    (metadata.resources as { type_name: string }[]).some((r) => r.type_name === 'aws_lambda_function'),
    'lists the resource types',
  );
  provider.close();
  child.kill('SIGTERM');
  await exited;
});

t.test('when Terraform is killed outright, the provider does not outlive it', async (t) => {
  // A shell stands for Terraform: it starts the provider, says its pid, and is SIGKILLed.
  const provider = `'${process.execPath}' --import tsx local/terraform/standin/provider/main.ts aws`;
  const parent = spawn('sh', ['-c', `${provider} & echo "pid $!"; wait`], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_V8_COVERAGE: process.env.NODE_V8_COVERAGE, ...COOKIE },
  });
  let output = '';
  let pid = 0;
  await new Promise<void>((resolve) =>
    parent.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      pid = Number(/^pid (\d+)$/m.exec(output)?.[1] ?? 0);
      // Its pid, then its handshake line: the provider is up.
      if (pid && /^1\|6\|tcp\|/m.test(output)) resolve();
    }),
  );
  const alive = (): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  t.teardown(() => {
    if (alive()) process.kill(pid, 'SIGKILL');
  });
  parent.kill('SIGKILL');
  const deadline = Date.now() + 15_000;
  while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  t.notOk(alive(), 'the provider has ended');
});
