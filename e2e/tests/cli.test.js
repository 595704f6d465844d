// Bad command-line input ends with one clear error line and a non-zero exit, never a panic.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { NODE_BIN } from '../lib/node.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'seoul-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function run(args) {
  const result = spawnSync(NODE_BIN, args, { encoding: 'utf8', timeout: 60_000 });
  const lines = result.stderr.trim().split('\n');
  return { status: result.status, lastLine: lines.at(-1), stderr: result.stderr, stdout: result.stdout };
}

function assertCleanFailure({ status, lastLine, stderr }, pattern) {
  assert.notEqual(status, 0, 'non-zero exit');
  assert.match(lastLine, /^Error: /);
  assert.match(lastLine, pattern);
  assert.doesNotMatch(stderr, /panicked|backtrace|stack backtrace/i);
}

describe('command-line errors', () => {
  test('an unknown chain', () => {
    assertCleanFailure(run(['--chain', 'no-such-chain', '--tmp']), /unknown chain `no-such-chain`/);
  });

  test('an unreadable chain spec', () => {
    const spec = path.join(scratch, 'broken.json');
    writeFileSync(spec, '{ this is not json');
    assertCleanFailure(run(['--chain', spec, '--tmp']), /Error parsing spec file/);
  });

  test('a bad node key', () => {
    assertCleanFailure(run(['--dev', '--tmp', '--node-key', 'not-a-hex-key']), /Invalid node key/);
    assertCleanFailure(run(['key', 'inspect-node-key', '--file', path.join(scratch, 'missing-key')]), /missing-key|No such file/);
  });

  test('a bad session key', () => {
    const keystore = path.join(scratch, 'keystore');
    assertCleanFailure(
      run(['key', 'insert', '--chain', 'dev', '--base-path', keystore, '--key-type', 'aura', '--scheme', 'sr25519', '--suri', 'not a secret phrase at all']),
      /Invalid|invalid|secret/,
    );
  });

  test('a bad network file for production-spec', () => {
    const file = path.join(scratch, 'network.json');
    writeFileSync(file, JSON.stringify({ name: 'x', id: 'x', operators: [], council: [] }));
    assertCleanFailure(run(['production-spec', '--network', file]), /lists 0 operators; a production network needs at least 4/);
    assertCleanFailure(run(['production-spec', '--network', path.join(scratch, 'missing.json')]), /cannot read the network file/);
  });

  test('an RPC port in use', async () => {
    const server = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.on('listening', resolve));
    try {
      const port = server.address().port;
      const result = run(['--dev', '--tmp', '--rpc-port', String(port), '--port', '0', '--no-prometheus']);
      assertCleanFailure(result, /address|in use|Address/);
    } finally {
      server.close();
    }
  });
});
