#!/usr/bin/env node
// Hashes W3C Verifiable Credentials and their JSON Schemas as the Credentials pallet records
// them, and asks a node whether a credential file is attested and valid, as an issuer and a
// verifier do. Run through scripts/credential.sh; --help for the commands. Hash: blake2b-256 of
// the document's JCS form (RFC 8785), tools/lib/credentials.js.

import { readCredential, readJson } from '../lib/credential-files.js';
import { schemaHash, verifyCredential } from '../lib/credentials.js';
import { connectTo, fail, parseCommand } from '../lib/cli.js';

const DEFAULT_WS = 'ws://127.0.0.1:9944';

const usage = `Usage: scripts/credential.sh <command> [options]
  hash FILE            prints the credential hash of the VC 2.0 document FILE, then what the
                       chain records of it as JSON: hash, issuer and subject accounts (from
                       their did:seoul DIDs), validFrom and validUntil in Unix milliseconds
                       (null if open-ended) and the credentialSchema id
  schema-hash FILE     prints the hash of the JSON Schema document FILE
  verify FILE          asks a node (credentials_verify) about the credential FILE; prints the
                       verdict, then the verdict, the on-chain record and any mismatches as JSON
    --ws URL           node RPC endpoint (default ${DEFAULT_WS})
Verdicts: valid, suspended, revoked, expired, notYetValid, unknown, or mismatch when the chain
records another issuer, subject or dates for the hash than FILE holds.
Exit status: 0 done (verify: valid); 1 verify: any other verdict; 2 bad usage, an unreadable or
invalid file, or no node.`;

const OPTIONS = { hash: {}, 'schema-hash': {}, verify: { ws: { type: 'string', default: DEFAULT_WS } } };

/** The one file named on the command line. */
function fileArgument(positionals) {
  if (positionals.length !== 1) fail(`expected one file argument, got ${positionals.length}\n${usage}`);
  return positionals[0];
}

/** What `read` returns, or exit 2 with its error (after `context`, if given). */
function checked(read, context) {
  try {
    return read();
  } catch (error) {
    return fail(context ? `${context}: ${error.message}` : error.message);
  }
}

function hash(options, positionals) {
  const { vc, ...summary } = checked(() => readCredential(fileArgument(positionals)));
  console.log(summary.hash);
  console.log(JSON.stringify(summary, null, 2));
}

function schemaHashCommand(options, positionals) {
  const file = fileArgument(positionals);
  const schema = checked(() => readJson(file));
  console.log(checked(() => schemaHash(schema), file));
}

async function verify(options, positionals) {
  const { vc, hash: credential } = checked(() => readCredential(fileArgument(positionals)));
  const provider = await connectTo(options.ws);
  let result;
  try {
    result = await verifyCredential(provider, vc);
  } catch (error) {
    fail(`credentials_verify failed at ${options.ws}: ${error.message}`);
  } finally {
    await provider.disconnect();
  }
  console.log(result.verdict);
  console.log(JSON.stringify({ hash: credential, ...result }, null, 2));
  process.exitCode = result.verdict === 'valid' ? 0 : 1;
}

const { command, values, positionals } = parseCommand(usage, OPTIONS);
await { hash, 'schema-hash': schemaHashCommand, verify }[command](values, positionals);
